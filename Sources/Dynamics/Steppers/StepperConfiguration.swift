import MultiPrecision

/// The settings a stepper is made with, already converted to the working precision by the driver.
public struct StepperConfiguration<Scalar: IntegrationScalar> {
    /// The working precision in bits (53 for `Double`).
    public var precision: Int
    /// The relative tolerance of the local error control.
    public var relativeTolerance: Scalar
    /// The absolute tolerance of the local error control.
    public var absoluteTolerance: Scalar
    /// `nil` for adaptive steps; otherwise the fixed step size (the last step is shortened to land on the limit).
    public var fixedStep: Scalar?
    /// The first trial step of an adaptive run, or `nil` to let the stepper choose.
    public var initialStep: Scalar?
    /// The largest step an adaptive stepper may take, or `nil` for no limit.
    public var maximumStep: Scalar?
    /// Steps below this size count as step-size underflow (the stepper also stops when t + h rounds to t).
    public var minimumStep: Scalar?
    /// The end of the horizon, for scale: the underflow threshold is relative to max(|t₀|, |t₁|).
    public var horizonEnd: Scalar

    /// A configuration; see each property.
    public init(
        precision: Int, relativeTolerance: Scalar, absoluteTolerance: Scalar, fixedStep: Scalar? = nil,
        initialStep: Scalar? = nil, maximumStep: Scalar? = nil, minimumStep: Scalar? = nil, horizonEnd: Scalar
    ) {
        self.precision = precision
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.fixedStep = fixedStep
        self.initialStep = initialStep
        self.maximumStep = maximumStep
        self.minimumStep = minimumStep
        self.horizonEnd = horizonEnd
    }

    /// Defaults at `precision`: both tolerances 2^−(p−10), adaptive steps.
    public static func defaults(precision: Int, horizonEnd: Scalar) -> StepperConfiguration {
        let tolerance = Scalar(Rational(numerator: 1, denominator: BigInt(1) << max(precision - 10, 1)))
        return StepperConfiguration(precision: precision, relativeTolerance: tolerance,
                                    absoluteTolerance: tolerance, horizonEnd: horizonEnd)
    }
}
