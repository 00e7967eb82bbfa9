import Dynamics
import MultiPrecision

/// P1 of `docs/benchmark-problems.md`: the gradient flow of a deep linear network with whitened data,
/// dW_j/dt = −(W_N ⋯ W_{j+1})ᵀ (W − Φ) (W_{j−1} ⋯ W_1)ᵀ, W = W_N ⋯ W_1, shared by the tests and the benchmarks.
///
/// The field is written once over `DynamicsScalar` with the recommended 3N−3 matrix products (prefix products
/// P_j, then R_N = P_N − Φ, R_j = W_{j+1}ᵀ R_{j+1}, dW_1 = −R_1, dW_j = −R_j P_{j−1}ᵀ). State block j holds
/// W_{j+1}, row-major.
public struct DeepLinearNetworkFlow: VectorField {
    /// Number of layers N.
    public let depth: Int
    /// Width d (every layer is d×d).
    public let width: Int
    /// The target Φ, row-major.
    public let target: [Rational]
    /// The initial layers W_1(0) … W_N(0), concatenated row-major.
    public let initialState: [Rational]

    /// The instance with the given shape and the data recipe of docs/benchmark-problems.md:
    /// W_{j+1}(0)[a,b] = α·δ_ab + ((7a + 3b + 5j) mod 11 − 5)/β and
    /// Φ[a,b] = δ_ab·(2d − a)/d + ((2a + 5b + 1) mod 9 − 4)/8.
    public init(depth: Int, width d: Int, alpha: Rational, beta: Int) {
        self.depth = depth
        width = d
        var layers: [Rational] = []
        for j in 0..<depth {
            for a in 0..<d {
                for b in 0..<d {
                    let diagonal = a == b ? alpha : Rational(0)
                    layers.append(diagonal + Rational(numerator: BigInt((7 * a + 3 * b + 5 * j) % 11 - 5),
                                                      denominator: BigInt(beta)))
                }
            }
        }
        initialState = layers
        var phi: [Rational] = []
        for a in 0..<d {
            for b in 0..<d {
                let diagonal = a == b ? Rational(numerator: BigInt(2 * d - a), denominator: BigInt(d)) : Rational(0)
                phi.append(diagonal + Rational(numerator: BigInt((2 * a + 5 * b + 1) % 9 - 4), denominator: 8))
            }
        }
        target = phi
    }

    /// P1a: N = 3, d = 4, α = 0, β = 16 (48 unknowns).
    public static let p1a = DeepLinearNetworkFlow(depth: 3, width: 4, alpha: Rational(0), beta: 16)
    /// P1b: N = 5, d = 8, α = 3/8, β = 64 (320 unknowns).
    public static let p1b = DeepLinearNetworkFlow(depth: 5, width: 8, alpha: Rational(numerator: 3, denominator: 8),
                                                  beta: 64)

    /// N·d².
    public var dimension: Int { depth * width * width }

    /// Blocks W1 … WN.
    public var layout: StateLayout {
        StateLayout(blocks: (1...depth).map { .matrix("W\($0)", rows: width, columns: width) })
    }

    /// The gradient flow, with 3N − 3 matrix products.
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let layout = self.layout
        let w = (0..<depth).map { StateMatrix(state, layout, block: $0) }
        var prefix = [w[0]]
        for j in 1..<depth { prefix.append(w[j] * prefix[j - 1]) }
        let phi = StateMatrix(rows: width, columns: width, entries: target.map { T($0) })
        var residual = Array(repeating: prefix[depth - 1], count: depth)
        residual[depth - 1] = prefix[depth - 1] - phi
        for j in stride(from: depth - 2, through: 0, by: -1) {
            residual[j] = StateMatrix.transposeProduct(w[j + 1], residual[j + 1])
        }
        (-residual[0]).write(into: &derivative, layout, block: 0)
        for j in 1..<depth {
            (-StateMatrix.productTranspose(residual[j], prefix[j - 1])).write(into: &derivative, layout, block: j)
        }
    }

    /// The loss L = ½‖W_N ⋯ W_1 − Φ‖²_F of a state.
    public func loss<T: DynamicsScalar>(_ state: [T]) -> T {
        let layout = self.layout
        var product = StateMatrix(state, layout, block: 0)
        for j in 1..<depth { product = StateMatrix(state, layout, block: j) * product }
        var sum = T(0)
        for (entry, phi) in zip(product.entries, target) {
            let difference = entry - T(phi)
            sum = sum + difference * difference
        }
        return sum / T(2)
    }
}
