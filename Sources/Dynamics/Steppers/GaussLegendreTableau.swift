import MultiPrecision

/// The s-stage Gauss–Legendre collocation method (order 2s) at a given precision, computed from scratch.
///
/// - The nodes cᵢ = (1 + ξᵢ)/2, where ξᵢ are the roots of the Legendre polynomial Pₛ, found by Newton's method
///   from Tricomi's guesses cos(π(i − 1/4)/(s + 1/2)), with Pₛ and Pₛ′ by the three-term recurrence.
/// - The weights bᵢ = 1 / ((1 − ξᵢ²) Pₛ′(ξᵢ)²) (Gauss quadrature on [0, 1]).
/// - The coefficients aᵢⱼ = ∫₀^{cᵢ} ℓⱼ(σ) dσ, with ℓⱼ the Lagrange basis on the nodes (collocation conditions).
///
/// Everything is computed in `BigFloat` at the working precision plus 32 + 4s guard bits (the monomial
/// expansion of the Lagrange basis loses about 2s bits), then rounded once to the working precision. No
/// coefficient ever passes through `Double`.
public struct GaussLegendreTableau<Scalar: IntegrationScalar>: Sendable where Scalar: Sendable {
    /// s.
    public let stages: Int
    /// The nodes c, increasing, in (0, 1).
    public let nodes: [Scalar]
    /// The weights b.
    public let weights: [Scalar]
    /// The matrix A, by rows.
    public let coefficients: [[Scalar]]
    /// The integrated Lagrange basis: Lⱼ(σ) = ∫₀^σ ℓⱼ = Σₘ `integratedBasis[j][m]` σ^(m+1), so that the collocation
    /// polynomial of a step from x with size h is u(σ) = x + h Σⱼ Fⱼ Lⱼ(σ) (used for predictors).
    public let integratedBasis: [[Scalar]]

    /// The tableau with `stages` stages at `precision` bits.
    ///
    /// - Precondition: `stages ≥ 1`; `precision` in `Precision.supportedRange`.
    public init(stages s: Int, precision: Int) {
        precondition(s >= 1, "GaussLegendreTableau: at least one stage")
        let working = precision + 32 + 4 * s
        let (c, b, q) = withPrecision(working) { () -> ([BigFloat], [BigFloat], [[BigFloat]]) in
            let one = BigFloat(1)
            let stopBelow = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << (working - 4)))
            var roots: [BigFloat] = []
            var weights: [BigFloat] = []
            for i in 1...s {
                // Tricomi's guess for the i-th largest root, then Newton at the working precision.
                var xi = BigFloat.cos(BigFloat.pi * BigFloat(Rational(numerator: BigInt(4 * i - 1),
                                                                      denominator: BigInt(4 * s + 2))))
                var derivative = one
                for _ in 0..<200 {
                    let (p, dp) = GaussLegendreTableau._legendre(s, xi)
                    derivative = dp
                    let delta = p / dp
                    xi = xi - delta
                    if BigFloat.abs(delta) <= stopBelow { break }
                }
                derivative = GaussLegendreTableau._legendre(s, xi).derivative
                roots.append(xi)
                weights.append(one / ((one - xi * xi) * derivative * derivative))
            }
            // Increasing nodes on [0, 1].
            let c = roots.reversed().map { ($0 + one) / BigFloat(2) }
            let b = Array(weights.reversed())
            // Lagrange basis in monomials, then integrated.
            var q: [[BigFloat]] = []
            for j in 0..<s {
                var poly = [one]
                var denominator = one
                for m in 0..<s where m != j {
                    var next = [BigFloat](repeating: BigFloat(0), count: poly.count + 1)
                    for k in 0..<poly.count {
                        next[k + 1] = next[k + 1] + poly[k]
                        next[k] = next[k] - c[m] * poly[k]
                    }
                    poly = next
                    denominator = denominator * (c[j] - c[m])
                }
                q.append(poly.enumerated().map { $0.element / (denominator * BigFloat($0.offset + 1)) })
            }
            return (c, b, q)
        }
        func evaluate(_ row: [BigFloat], at sigma: BigFloat) -> BigFloat {
            var acc = BigFloat(0, precision: working)
            for coefficient in row.reversed() { acc = (acc + coefficient) * sigma }
            return acc
        }
        let a = withPrecision(working) { c.map { ci in q.map { evaluate($0, at: ci) } } }
        stages = s
        (nodes, weights, coefficients, integratedBasis) = withPrecision(precision) {
            (c.map { Scalar(rounding: $0) }, b.map { Scalar(rounding: $0) },
             a.map { $0.map { Scalar(rounding: $0) } }, q.map { $0.map { Scalar(rounding: $0) } })
        }
    }

    /// (Pₛ(x), Pₛ′(x)) by the recurrence (k+1)Pₖ₊₁ = (2k+1)x Pₖ − k Pₖ₋₁ and Pₛ′ = s(x Pₛ − Pₛ₋₁)/(x² − 1).
    static func _legendre(_ s: Int, _ x: BigFloat) -> (value: BigFloat, derivative: BigFloat) {
        var previous = BigFloat(1), current = x
        if s == 0 { return (previous, BigFloat(0)) }
        for k in 1..<s {
            let next = (BigFloat(2 * k + 1) * x * current - BigFloat(k) * previous) / BigFloat(k + 1)
            previous = current
            current = next
        }
        let derivative = BigFloat(s) * (x * current - previous) / (x * x - BigFloat(1))
        return (current, derivative)
    }

    /// Lⱼ(σ) = ∫₀^σ ℓⱼ (Horner; value operations, for predictors only).
    public func integratedBasis(_ j: Int, at sigma: Scalar) -> Scalar {
        var acc = Scalar(0)
        for coefficient in integratedBasis[j].reversed() { acc = (acc + coefficient) * sigma }
        return acc
    }
}
