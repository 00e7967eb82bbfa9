import Dynamics
import LinearAlgebra
import MultiPrecision

/// The Riemannian flow of the end-to-end matrix, Ẇ = −A_W(W − A) (see `EndToEndRiemannianFlow`), lifted to a
/// polynomial system that the Taylor tracer can record. With P = (WWᵀ)^{1/N} and Q = (WᵀW)^{1/N} carried as state,
///
///     Ẇ = −Σ_{j=1}^{N} P^{N−j} G Q^{j−1},   Ṗ = −(G Wᵀ + W Gᵀ),   Q̇ = −(Gᵀ W + Wᵀ G),   G = W − A.
///
/// Why this is the same flow: along a solution of Ẇ = −A_W(G), d(WWᵀ)/dt = Σ_j P^{N−j}(−(GWᵀ + WGᵀ))P^{j−1} (use
/// Q^k Wᵀ = Wᵀ P^k), while d(P^N)/dt = Σ_j P^{N−j} Ṗ P^{j−1}. Where P is positive definite the operator
/// X ↦ Σ_j P^{N−j} X P^{j−1} is invertible, so Ṗ = −(GWᵀ + WGᵀ); on the null space of a rank-deficient P (the
/// rank is constant along the flow) both sides vanish. Hence (W, (WWᵀ)^{1/N}, (WᵀW)^{1/N}) solves the lifted
/// system, which is polynomial and so has unique solutions: its W is the Riemannian flow. Along it P^N = WWᵀ,
/// Q^N = WᵀW and W Q = P W hold; tests check them.
///
/// No SVD and no fractional power: 2(N − 1) + 2 matrix products per evaluation, written once over
/// `DynamicsScalar`. State blocks: W (d_N × d_0), P (d_N × d_N), Q (d_0 × d_0), row-major.
public struct LiftedRiemannianFlow: VectorField {
    /// The depth N ≥ 1.
    public let depth: Int
    /// The target A (d_N × d_0), exact.
    public let target: Matrix<Rational>

    /// The lifted flow towards `target` for depth `depth`.
    ///
    /// - Throws: `ModelError.noLayers` when depth < 1.
    public init(depth: Int, target: Matrix<Rational>) throws(ModelError) {
        guard depth >= 1 else { throw ModelError.noLayers }
        self.depth = depth
        self.target = target
    }

    /// d_N·d_0 + d_N² + d_0².
    public var dimension: Int { layout.dimension }

    /// Blocks W, P, Q.
    public var layout: StateLayout {
        let rows = target.rowCount, columns = target.columnCount
        return StateLayout(blocks: [.matrix("W", rows: rows, columns: columns), .matrix("P", rows: rows, columns: rows),
                                    .matrix("Q", rows: columns, columns: columns)])
    }

    /// The exact start W = U D^N Vᵀ, P = U D² Uᵀ, Q = V D² Vᵀ of U, V with orthonormal columns and D = diag(d) > 0,
    /// flattened: the balanced recipe of docs/theory.md §1.5, where (WWᵀ)^{1/N} = U D² Uᵀ exactly.
    public static func initialState(left u: Matrix<Rational>, right v: Matrix<Rational>, roots: [Rational],
                                    depth: Int) -> [Rational] {
        let d = Matrix.diagonal(roots), squared = d * d
        var power = Matrix<Rational>.identity(roots.count)
        for _ in 0..<depth { power = power * d }
        return [u * power * v.transposed(), u * squared * u.transposed(), v * squared * v.transposed()]
            .flatMap { m in (0..<m.rowCount).flatMap { i in (0..<m.columnCount).map { j in m[i, j] } } }
    }

    /// The W block of a state.
    public func endToEnd<T: Scalar & DynamicsScalar>(of state: [T]) -> Matrix<T> {
        let m = StateMatrix(state, layout, block: 0)
        return Matrix(rows: m.rows, columns: m.columns) { m[$0, $1] }
    }

    /// The vector field: T_1 = G, R_1 = G, R_{k+1} = R_k Q, T_{k+1} = P T_k + R_{k+1}, Ẇ = −T_N.
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let layout = self.layout
        let w = StateMatrix(state, layout, block: 0), p = StateMatrix(state, layout, block: 1)
        let q = StateMatrix(state, layout, block: 2)
        let a = StateMatrix(rows: target.rowCount, columns: target.columnCount,
                            entries: (0..<target.rowCount).flatMap { i in (0..<target.columnCount).map { T(target[i, $0]) } })
        let g = w - a
        var sum = g, right = g
        for _ in 1..<depth {
            right = right * q
            sum = p * sum + right
        }
        (-sum).write(into: &derivative, layout, block: 0)
        let left = StateMatrix.productTranspose(g, w), inner = StateMatrix.transposeProduct(g, w)
        (-(left + left.transposed)).write(into: &derivative, layout, block: 1)
        (-(inner + inner.transposed)).write(into: &derivative, layout, block: 2)
    }
}
