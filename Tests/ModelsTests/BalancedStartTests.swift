import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("BalancedStart: W_1 = c·D Vᵀ, W_j = D, W_N = U D/c (docs/theory.md §1.5), exactly")
struct BalancedStartTests {
    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }
    static func matrix(_ rows: [[Rational]]) -> Matrix<Rational> { Matrix(rows: rows.count, columns: rows[0].count) { rows[$0][$1] } }
    /// U: a 3-4-5 rotation; V: 3 × 2 with orthonormal columns (1, 2, 2)/3, (2, 1, −2)/3; d = (1, 1/2).
    static let u = matrix([[r(3, 5), r(-4, 5)], [r(4, 5), r(3, 5)]])
    static let v = matrix([[r(1, 3), r(2, 3)], [r(2, 3), r(1, 3)], [r(2, 3), r(-2, 3)]])
    static let roots = matrix([[r(1), r(1, 2)]])

    @Test("W_N⋯W_1 = U D^N Vᵀ for N = 1…4 and c = 1, 2; D_j = 0 exactly when c = 1, else D_1 = (1 − c²)D², D_{N−1} = (c⁻² − 1)D² (N = 2: (c⁻² − c²)D²)")
    func productAndBalancedness() throws {
        let d = Matrix.diagonal([Self.r(1), Self.r(1, 2)])
        for depth in 1...4 {
            var power = Matrix<Rational>.identity(2)
            for _ in 0..<depth { power = power * d }
            for c in [Self.r(1), Self.r(2)] {
                let start = try BalancedStart(left: Self.u, right: Self.v, roots: Self.roots, depth: depth, imbalance: c)
                let net = try DeepLinearNetwork(layers: start.layers)
                #expect(net.endToEnd == Self.u * power * Self.v.transposed())
                #expect(net.widths == [3] + Array(repeating: 2, count: depth - 1) + [2])
                for (j, dj) in net.balancedness.enumerated() {
                    // D_j = W_{j+1}ᵀW_{j+1} − W_jW_jᵀ = (upper − lower)·D², with c² on W_1 and 1/c² on W_N.
                    let lower = j == 0 ? c * c : Self.r(1), upper = j == depth - 2 ? Self.r(1) / (c * c) : Self.r(1)
                    let expected = (upper - lower) * d * d
                    #expect(dj == expected, "N = \(depth), c = \(c), j = \(j + 1)")
                }
            }
        }
    }

    @Test("The lifted start is (U D^N Vᵀ, U D² Uᵀ, V D² Vᵀ), flattened, with (U D² Uᵀ)^N = WWᵀ exactly")
    func liftedState() throws {
        let start = try BalancedStart(left: Self.u, right: Self.v, roots: Self.roots, depth: 3)
        let state = start.liftedState
        #expect(state.count == 2 * 3 + 2 * 2 + 3 * 3)
        let w = Matrix(rows: 2, columns: 3) { state[$0 * 3 + $1] }, p = Matrix(rows: 2, columns: 2) { state[6 + $0 * 2 + $1] }
        #expect(p * p * p == w * w.transposed())
    }

    @Test("Rejected: N = 0, a zero or second row of roots, U or V without r orthonormal columns")
    func problems() {
        #expect(throws: BalancedStart.Problem.depth) { try BalancedStart(left: Self.u, right: Self.v, roots: Self.roots, depth: 0) }
        #expect(throws: BalancedStart.Problem.roots) {
            try BalancedStart(left: Self.u, right: Self.v, roots: Self.matrix([[Self.r(1), Self.r(0)]]), depth: 2)
        }
        #expect(throws: BalancedStart.Problem.notOrthonormal(left: true)) {
            try BalancedStart(left: Self.matrix([[Self.r(1), Self.r(1)], [Self.r(0), Self.r(1)]]), right: Self.v, roots: Self.roots, depth: 2)
        }
        #expect(throws: BalancedStart.Problem.notOrthonormal(left: false)) {
            try BalancedStart(left: Self.u, right: Self.u * Self.r(2), roots: Self.roots, depth: 2)
        }
    }
}
