import MultiPrecision

/// An explicit Runge–Kutta method with exact rational coefficients, optionally with embedded weights for an
/// error estimate:
///
///     kᵢ = f(t + cᵢh, x + h Σ_{j<i} aᵢⱼ kⱼ),   x₁ = x + h Σ bᵢ kᵢ,   error ≈ h Σ (bᵢ − b̂ᵢ) kᵢ
///
/// The coefficients are rounded once, at the working precision, when a stepper is made; they never pass through
/// `Double`.
public struct ButcherTableau: Sendable, Equatable {
    /// The method's name, for reports.
    public var name: String
    /// The nodes c (c₁ = 0).
    public var nodes: [Rational]
    /// The strictly lower triangular a: row i has i entries aᵢ₀ … aᵢ,ᵢ₋₁ (row 0 is empty).
    public var coefficients: [[Rational]]
    /// The weights b of the solution that is propagated.
    public var weights: [Rational]
    /// The order of the propagated solution.
    public var order: Int
    /// The weights b̂ of the embedded solution used only for the error estimate, or `nil`.
    public var embeddedWeights: [Rational]?
    /// The order of the embedded solution (the error estimate is O(h^(embeddedOrder+1))).
    public var embeddedOrder: Int?

    /// A tableau.
    ///
    /// - Precondition: consistent sizes (s nodes, s rows with 0 … s−1 entries, s weights).
    public init(name: String, nodes: [Rational], coefficients: [[Rational]], weights: [Rational], order: Int,
                embeddedWeights: [Rational]? = nil, embeddedOrder: Int? = nil) {
        let s = nodes.count
        precondition(coefficients.count == s && weights.count == s, "ButcherTableau \(name): sizes differ")
        precondition(coefficients.enumerated().allSatisfy { $0.element.count == $0.offset },
                     "ButcherTableau \(name): row i must have i entries")
        precondition(embeddedWeights.map { $0.count == s } ?? true, "ButcherTableau \(name): embedded weights")
        self.name = name
        self.nodes = nodes
        self.coefficients = coefficients
        self.weights = weights
        self.order = order
        self.embeddedWeights = embeddedWeights
        self.embeddedOrder = embeddedOrder
    }

    /// The number of stages s.
    public var stages: Int { nodes.count }
}

/// A rational p/q (a shorthand for the tableau files).
@inline(__always) func _q(_ p: Int, _ q: Int = 1) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }
