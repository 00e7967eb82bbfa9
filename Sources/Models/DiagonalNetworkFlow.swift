import Dynamics
import LinearAlgebra
import MultiPrecision

/// Gradient flow of a depth-N diagonal linear network x = u^{⊙N} − v^{⊙N} on ½‖Ax − y‖² from u(0) = v(0) = α𝟙,
/// as the exact reduced ODE for s(t) = −∫₀ᵗ Aᵀ(Ax(τ) − y) dτ (docs/theory.md §4.1):
///
///     ṡ = −Aᵀ(A x(s) − y),   s(0) = 0,
///     x(s) = 2α² sinh(4s)                                          (N = 2, §4.2)
///     x(s) = α^N h_N(N(N−2)α^{N−2} s),  h_N(z) = (1−z)^{−N/(N−2)} − (1+z)^{−N/(N−2)}   (N ≥ 3, §4.3)
///
/// componentwise. The reduction is exact: u(t) and v(t) are closed-form functions of s(t), so integrating s
/// integrates the network. `evaluate` is generic and branch-free, so it runs in `Double`, `BigFloat` and the
/// Taylor tracer.
///
/// ```swift
/// let flow = try DiagonalNetworkFlow(a: a, y: [3, 1], alpha: Rational(1, 10), depth: 2)
/// let problem = ODEProblem(field: flow, initialState: flow.initialState, from: 0, to: 1000)
/// ```
public struct DiagonalNetworkFlow: ReducedDiagonalFlow {
    /// The m × n measurement matrix A (m < n for the implicit-bias claims), exact.
    public let a: Matrix<Rational>
    /// The m measurements y, exact.
    public let y: [Rational]
    /// The initialization scale α > 0.
    public let alpha: Rational
    /// The depth N ≥ 2.
    public let depth: Int

    /// Creates the flow.
    ///
    /// - Throws: `DiagonalNetworkError` when y does not fit A, N < 2 or α ≤ 0.
    public init(a: Matrix<Rational>, y: [Rational], alpha: Rational, depth: Int) throws(DiagonalNetworkError) {
        guard y.count == a.rowCount else { throw .shapeMismatch(a: a.shape, yCount: y.count) }
        guard depth >= 2 else { throw .depthTooSmall(depth) }
        guard !alpha.isNegative, !alpha.isZero else { throw .nonPositiveScale }
        self.a = a
        self.y = y
        self.alpha = alpha
        self.depth = depth
    }

    /// α^N, the scale of x (exact).
    public var outputScale: Rational { alpha.power(depth) }

    /// The factor k with x = α^N h_N(k s): 4 for N = 2 (then h_2 := 2 sinh/… see `effectiveVector`), N(N−2)α^{N−2}
    /// for N ≥ 3 (exact).
    public var argumentScale: Rational {
        depth == 2 ? Rational(4) : Rational(depth * (depth - 2)) * alpha.power(depth - 2)
    }

    /// x(s), componentwise: 2α² sinh(4s) = α²(e^{4s} − e^{−4s}) for N = 2, α^N h_N(N(N−2)α^{N−2}s) for N ≥ 3.
    /// Generic and branch-free (the branch on N is on a constant).
    public func effectiveVector<T: DynamicsScalar>(_ s: [T]) -> [T] {
        let scale = T(outputScale), k = T(argumentScale)
        if depth == 2 {
            return s.map { si in scale * (T.exp(k * si) - T.exp(-(k * si))) }
        }
        let exponent = Rational(numerator: BigInt(-depth), denominator: BigInt(depth - 2))
        let one = T(1)
        return s.map { si in
            let z = k * si
            return scale * (T.pow(one - z, rational: exponent) - T.pow(one + z, rational: exponent))
        }
    }
}
