import MultiPrecision

/// An initial value problem ẋ = f(t, x), x(t₀) = x₀, on the horizon [t₀, t₁], with exact data.
///
/// The data are exact rationals, so one problem can be integrated at any precision and the report can echo the
/// exact model: each number is rounded once, at the working precision, when the integration starts.
///
/// ```swift
/// struct Decay: VectorField {
///     var dimension: Int { 1 }
///     func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) { derivative[0] = -state[0] }
/// }
/// let problem = try ODEProblem(field: Decay(), initialState: [1], from: 0, to: 2)
/// ```
public struct ODEProblem<Field: VectorField>: Sendable {
    /// The vector field f.
    public var field: Field
    /// x(t₀), one exact rational per component.
    public var initialState: [Rational]
    /// t₀.
    public var initialTime: Rational
    /// t₁ ≥ t₀.
    public var finalTime: Rational

    /// A problem on [`initialTime`, `finalTime`].
    ///
    /// - Throws: `IntegrationError.dimensionMismatch` when `initialState` does not have `field.dimension`
    ///   components; `IntegrationError.negativeHorizon` when `finalTime < initialTime` (integration runs forward).
    public init(field: Field, initialState: [Rational], from initialTime: Rational, to finalTime: Rational)
        throws(IntegrationError)
    {
        guard initialState.count == field.dimension else {
            throw .dimensionMismatch(expected: field.dimension, actual: initialState.count, what: "initial state")
        }
        guard finalTime >= initialTime else {
            throw .negativeHorizon(from: initialTime.description, to: finalTime.description)
        }
        self.field = field
        self.initialState = initialState
        self.initialTime = initialTime
        self.finalTime = finalTime
    }
}
