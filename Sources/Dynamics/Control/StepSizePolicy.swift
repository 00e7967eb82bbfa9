import MultiPrecision

/// How the driver chooses step sizes.
public enum StepSizePolicy: Sendable, Equatable {
    /// Steps chosen by the method's error estimate and controller to meet the tolerances.
    case adaptive
    /// Every step has this size (exact rational, rounded at the working precision); the last step is shortened to
    /// land on the final time. No error control: the result's accuracy is whatever the step gives.
    case fixed(Rational)
}
