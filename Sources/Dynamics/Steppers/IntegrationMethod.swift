import MultiPrecision

/// A recipe for a stepper: the method and its parameters (Gauss–Legendre with s stages, the Fehlberg 7(8) pair,
/// classical RK4, Taylor), independent of the scalar and the precision.
///
/// The driver calls `makeStepper` inside `withPrecision(configuration.precision)`, so every number the stepper
/// makes (coefficients, workspace) is at the working precision. The method gets the field itself: the Taylor
/// method traces it, and the Runge–Kutta and Gauss–Legendre methods evaluate it through its traced tape
/// (`TapeFieldEvaluator`), so every claim kind that names one of them runs on a tape.
public protocol IntegrationMethod: Sendable, CustomStringConvertible {
    /// Whether the method can run with adaptive steps (it has a local error estimate).
    var supportsAdaptiveSteps: Bool { get }

    /// A stepper at the working precision, positioned at (`initialTime`, `initialState`).
    ///
    /// - Throws: `IntegrationError` when the configuration does not suit the method (for example adaptive steps
    ///   for a method without an error estimate).
    func makeStepper<Field: VectorField, Scalar: IntegrationScalar>(
        field: Field, initialTime: Scalar, initialState: [Scalar], configuration: StepperConfiguration<Scalar>
    ) throws(IntegrationError) -> any Stepper<Scalar>
}
