import Dynamics
import LinearAlgebra
import MultiPrecision

/// A diagonal-network gradient flow written as the exact reduced ODE for s(t) = −∫₀ᵗ Aᵀ(Ax(τ) − y) dτ
/// (docs/theory.md §4.1): ṡ = −Aᵀ(A x(s) − y), s(0) = 0, where the effective vector x(s) is a closed-form function of s
/// fixed by the parametrization and the initialization.
///
/// Conformers supply A, y and x(s); the vector field, the initial state and the residual come from this protocol.
public protocol ReducedDiagonalFlow: VectorField {
    /// The m × n measurement matrix A, exact.
    var a: Matrix<Rational> { get }
    /// The m measurements y, exact.
    var y: [Rational] { get }
    /// x(s), componentwise; generic and branch-free so that it runs in `Double`, `BigFloat` and the Taylor tracer.
    func effectiveVector<T: DynamicsScalar>(_ s: [T]) -> [T]
}

extension ReducedDiagonalFlow {
    /// n, the number of coordinates of s and x.
    public var dimension: Int { a.columnCount }

    /// s(0) = 0.
    public var initialState: [Rational] { Array(repeating: Rational(0), count: dimension) }

    /// ṡ = −Aᵀ(A x(s) − y).
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let x = effectiveVector(state)
        var residual: [T] = []
        residual.reserveCapacity(a.rowCount)
        for i in 0..<a.rowCount {
            var sum = -T(y[i])
            for j in 0..<a.columnCount where !a[i, j].isZero { sum = sum + T(a[i, j]) * x[j] }
            residual.append(sum)
        }
        for j in 0..<a.columnCount {
            var sum = T(0)
            for i in 0..<a.rowCount where !a[i, j].isZero { sum = sum - T(a[i, j]) * residual[i] }
            derivative[j] = sum
        }
    }

    /// A·x − y in `BigFloat` (m entries, A and y rounded to the current precision).
    public func residual(_ x: [BigFloat]) -> [BigFloat] {
        (0..<a.rowCount).map { i in
            var sum = -BigFloat(y[i])
            for j in 0..<a.columnCount where !a[i, j].isZero { sum += BigFloat(a[i, j]) * x[j] }
            return sum
        }
    }
}
