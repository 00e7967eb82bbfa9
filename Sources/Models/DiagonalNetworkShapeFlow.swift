import Dynamics
import LinearAlgebra
import MultiPrecision

/// Gradient flow of the two-factor diagonal model β = u ⊙ v on ½‖Aβ − y‖² from an arbitrary initialization
/// (u(0), v(0)) (Azulay et al., ICML 2021, "initialization shape"; docs/theory.md §4.4), as the exact reduced ODE
/// ṡ = −Aᵀ(Aβ(s) − y), s(0) = 0.
///
/// With p = u + v and q = u − v the flow u̇ = −v⊙g, v̇ = −u⊙g gives ṗ = −p⊙g and q̇ = q⊙g, so p = p₀e^{s},
/// q = q₀e^{−s} and, componentwise,
///
///     β(s) = ¼ [ (u₀ + v₀)² e^{2s} − (u₀ − v₀)² e^{−2s} ],
///
/// which equals docs/theory.md §4.4's (|c|/2)·sinh(arcsinh(2β₀/|c|) + 2s) with c = u₀² − v₀² ≠ 0, and also covers the
/// degenerate coordinates c = 0. The constants are exact rationals.
public struct DiagonalNetworkShapeFlow: ReducedDiagonalFlow {
    /// The m × n measurement matrix A, exact.
    public let a: Matrix<Rational>
    /// The m measurements y, exact.
    public let y: [Rational]
    /// u(0), exact (n entries).
    public let u0: [Rational]
    /// v(0), exact (n entries).
    public let v0: [Rational]

    /// Creates the flow.
    ///
    /// - Throws: `DiagonalNetworkError.shapeMismatch` when y does not fit A or u(0), v(0) do not have n entries.
    public init(a: Matrix<Rational>, y: [Rational], u0: [Rational], v0: [Rational]) throws(DiagonalNetworkError) {
        guard y.count == a.rowCount else { throw .shapeMismatch(a: a.shape, yCount: y.count) }
        guard u0.count == a.columnCount, v0.count == a.columnCount else {
            throw .initializationMismatch(columns: a.columnCount, u: u0.count, v: v0.count)
        }
        self.a = a
        self.y = y
        self.u0 = u0
        self.v0 = v0
    }

    /// c = u(0)⊙u(0) − v(0)⊙v(0), conserved along the flow.
    public var conserved: [Rational] { zip(u0, v0).map { $0 * $0 - $1 * $1 } }

    /// β(0) = u(0) ⊙ v(0).
    public var initialProduct: [Rational] { zip(u0, v0).map { $0 * $1 } }

    /// β(s) = ¼[(u₀ + v₀)² e^{2s} − (u₀ − v₀)² e^{−2s}], componentwise.
    public func effectiveVector<T: DynamicsScalar>(_ s: [T]) -> [T] {
        let two = T(2)
        return s.indices.map { j in
            let plus = (u0[j] + v0[j]) * (u0[j] + v0[j]) / 4, minus = (u0[j] - v0[j]) * (u0[j] - v0[j]) / 4
            return T(plus) * T.exp(two * s[j]) - T(minus) * T.exp(-(two * s[j]))
        }
    }

    /// The certificate φ(β) = arcsinh(2β/|c|) − arcsinh(2β(0)/|c|) (docs/theory.md §4.4), equal to 2s along the flow; with
    /// `includeOffset = false` the offset arcsinh(2β(0)/|c|) is dropped (the known-false "shape-blind" variant).
    ///
    /// - Precondition: every c_i ≠ 0.
    public func certificate(_ beta: [BigFloat], includeOffset: Bool = true) -> [BigFloat] {
        let c = conserved, b0 = initialProduct
        let two = BigFloat(2)
        return beta.indices.map { j in
            let scale = BigFloat(c[j].magnitude)
            let value = BigFloat.asinh(two * beta[j] / scale)
            return includeOffset ? value - BigFloat.asinh(two * BigFloat(b0[j]) / scale) : value
        }
    }
}
