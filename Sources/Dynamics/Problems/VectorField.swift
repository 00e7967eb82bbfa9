import MultiPrecision

/// The right-hand side f of an ODE ẋ = f(t, x), written once, generically over the arithmetic.
///
/// The same `evaluate` runs in `Double`, in `BigFloat` at any precision, and in the Taylor method's tracer.
/// Implementations must therefore use only `DynamicsScalar` operations, must not branch on values, and must write
/// every component of `derivative`.
///
/// The state is a flat vector; `layout` names its blocks (for example the weight matrices of a network), so that
/// observers and reports can view it as matrices. See `StateLayout` and `StateMatrix`.
public protocol VectorField: Sendable {
    /// The number of state components.
    var dimension: Int { get }
    /// How the flat state splits into named blocks (a single vector block by default).
    var layout: StateLayout { get }
    /// Whether f depends on t (autonomous fields let steppers skip the time argument).
    var isAutonomous: Bool { get }
    /// Writes f(t, x) into `derivative`, which has `dimension` components on entry.
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T])
}

extension VectorField {
    /// One vector block named "x".
    public var layout: StateLayout { StateLayout(vector: "x", length: dimension) }
    /// `true` by default.
    public var isAutonomous: Bool { true }
}
