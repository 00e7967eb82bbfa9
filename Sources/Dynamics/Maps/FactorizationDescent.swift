import LinearAlgebra
import MultiPrecision

/// Gradient descent on the factors of a deep matrix factorization W = W_N ⋯ W_1, written once for any scalar:
///
///     W_j ← W_j − η W_{N:j+1}ᵀ ∇f(W) W_{j−1:1}ᵀ        (empty products are identities)
///
/// for f(W) = ½‖W − A‖²_F (`target`, ∇f = W − A) or f(W) = Σ_i (⟨A_i, W⟩ − y_i)² (`sensing`, ∇f = 2 Σ_i r_i A_i).
/// The state is the entries of W_1, …, W_N, each row-major. A step runs in place on work matrices kept between
/// steps (the products W_{j:1} and W_{N:j+1}, ∇f, the gradients) with the preallocated product kernels: with
/// `BigFloat` it allocates nothing, and it rounds exactly as the matrix expressions above evaluated left to right
/// (the products by an identity, exact, are skipped: `LayerDescentWorkMatrices`).
public struct FactorizationDescent: DiscreteMap {
    /// The loss of the end-to-end matrix.
    public enum Loss: Sendable {
        /// ½‖W − A‖²_F.
        case target(Matrix<Rational>)
        /// Σ_i (⟨A_i, W⟩ − y_i)².
        case sensing([Matrix<Rational>], [Rational])
    }

    /// d_0, …, d_N: W_j is d_j × d_{j−1}.
    public let widths: [Int]
    /// The loss f.
    public let loss: Loss
    /// The step size η.
    public let stepSize: Rational
    private let workspace = MapWorkspace()

    /// Gradient descent with step `stepSize` on `loss` for factors of the given widths.
    public init(widths: [Int], loss: Loss, stepSize: Rational) {
        self.widths = widths
        self.loss = loss
        self.stepSize = stepSize
    }

    public var dimension: Int { (1..<widths.count).reduce(0) { $0 + widths[$1] * widths[$1 - 1] } }

    /// The flat state of `layers` (W_1 first).
    public static func state(of layers: [Matrix<Rational>]) -> [Rational] { layers.flatMap(\.elements) }

    /// W_1, …, W_N read from a state.
    public func layers<T: Scalar>(of state: [T]) -> [Matrix<T>] {
        var offset = 0
        return (1..<widths.count).map { j in
            let rows = widths[j], columns = widths[j - 1], start = offset
            offset += rows * columns
            return Matrix(rows: rows, columns: columns) { state[start + $0 * columns + $1] }
        }
    }

    /// ∇f at the end-to-end matrix W.
    public func endToEndGradient<T: Scalar>(_ w: Matrix<T>) -> Matrix<T> {
        switch loss {
        case let .target(a):
            return w - Matrix(rows: a.rowCount, columns: a.columnCount) { T(a[$0, $1]) }
        case let .sensing(measurements, y):
            var gradient = Matrix<T>.zeros(rows: w.rowCount, columns: w.columnCount)
            for (exact, yi) in zip(measurements, y) {
                let a = Matrix(rows: exact.rowCount, columns: exact.columnCount) { T(exact[$0, $1]) }
                gradient += (2 * (a.frobeniusInnerProduct(w) - T(yi))) * a
            }
            return gradient
        }
    }

    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        workspace.run({ FactorizationDescentWork<T>(self) }, reusable: { $0.precision == T.currentPrecision }) {
            $0.step(history[0], into: &next)
        }
    }
}

/// The work matrices of one `FactorizationDescent` at one scalar and precision.
final class FactorizationDescentWork<T: IntegrationScalar> {
    let precision = T.currentPrecision
    /// W_j; the partial products and gradients; ∇f.
    var layers: [Matrix<T>], products: LayerDescentWorkMatrices<T>, outer: Matrix<T>
    /// A (target) or A_i, y_i (sensing), η, rounded; one scalar for ⟨A_i, W⟩ − y_i and one for a product.
    let target: Matrix<T>?, sensing: [Matrix<T>], measurements: [T], eta: T
    var residual = T(0), term = T(0)

    init(_ map: FactorizationDescent) {
        let w = map.widths, depth = w.count - 1
        func rounded(_ a: Matrix<Rational>) -> Matrix<T> { Matrix(rows: a.rowCount, columns: a.columnCount) { T(a[$0, $1]) } }
        layers = (1...depth).map { .zeros(rows: w[$0], columns: w[$0 - 1]) }
        products = LayerDescentWorkMatrices(widths: w)
        outer = .zeros(rows: w[depth], columns: w[0])
        switch map.loss {
        case let .target(a): (target, sensing, measurements) = (rounded(a), [], [])
        case let .sensing(a, y): (target, sensing, measurements) = (nil, a.map(rounded), y.map { T($0) })
        }
        eta = T(map.stepSize)
    }

    @_specialize(where T == BigFloat)
    func step(_ state: [T], into next: inout [T]) {
        LayerDescent.load(state, into: &layers)
        products.formPartialProducts(layers)
        let w = products.endToEnd
        if let target {   // ∇f = W − A
            for r in 0..<w.rowCount { for c in 0..<w.columnCount { outer[r, c].formDifference(w[r, c], target[r, c]) } }
        } else {          // ∇f = Σ_i 2(⟨A_i, W⟩ − y_i) A_i
            for r in 0..<w.rowCount { for c in 0..<w.columnCount { outer[r, c].set(Double.zero) } }
            for i in sensing.indices {   // an index loop: a for-in over zip allocates per element in unspecialized code
                let a = sensing[i], y = measurements[i]
                residual.set(Double.zero)
                for r in 0..<w.rowCount { for c in 0..<w.columnCount { residual.addProduct(a[r, c], w[r, c]) } }
                residual -= y
                residual.multiply(byPowerOfTwo: 1)
                for r in 0..<w.rowCount {
                    for c in 0..<w.columnCount { term.formProduct(residual, a[r, c]); outer[r, c] += term }
                }
            }
        }
        LayerDescent.step(state, layers: layers, work: &products, outer: outer, stepSize: eta, term: &term, into: &next)
    }
}

/// The decoupled scalar recursions of deep matrix factorization from an aligned start, one per mode:
///
///     w_i ← w_i − η w_i^{N−1}(w_i^N − s_i),
///
/// so that w_i^N follows the i-th singular value (or eigenvalue) of W = W_N ⋯ W_1 under `FactorizationDescent`. A step
/// runs in place on work values kept between steps (with `BigFloat` it allocates nothing) and rounds as the
/// expression evaluated left to right.
public struct ScalarFactorizationDescent: DiscreteMap {
    /// The targets s_i (singular values or eigenvalues, at the working precision).
    public let targets: [BigFloat]
    /// The depth N.
    public let depth: Int
    /// The step size η.
    public let stepSize: Rational
    private let workspace = MapWorkspace()

    /// The recursions for `targets` at depth `depth` with step `stepSize`.
    public init(targets: [BigFloat], depth: Int, stepSize: Rational) {
        (self.targets, self.depth, self.stepSize) = (targets, depth, stepSize)
    }

    public var dimension: Int { targets.count }

    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        workspace.run({ ScalarFactorizationDescentWork<T>(self) }, reusable: { $0.precision == T.currentPrecision }) { work in
            let w = history[0]
            for i in 0..<dimension {   // w − (η w^{N−1})(w^N − s)
                work.powers(w[i], depth)
                work.lower *= work.eta
                work.upper -= work.targets[i]
                work.lower *= work.upper
                next[i].formDifference(w[i], work.lower)
            }
        }
    }
}

/// The rounded targets and step, and the work values, of one `ScalarFactorizationDescent`.
final class ScalarFactorizationDescentWork<T: IntegrationScalar> {
    let precision = T.currentPrecision, eta: T, targets: [T]
    var lower = T(0), upper = T(0)
    /// With `BigFloat` (`exactPowers`): wᵏ for k ≤ N exactly, at N·p bits (a product of k values of p bits has at
    /// most k·p significant bits).
    var exact: BigFloat
    let exactPowers: Bool

    init(_ map: ScalarFactorizationDescent) {
        (eta, targets) = (T(map.stepSize), map.targets.map { T(rounding: $0) })
        let bits = max(map.depth, 1) * precision
        exactPowers = T.self == BigFloat.self && Precision.supportedRange.contains(bits)
        exact = BigFloat(precision: exactPowers ? bits : Precision.supportedRange.lowerBound)
    }

    /// lower ← w^{n−1} and upper ← wⁿ for n ≥ 1, each rounded as `T.pow` (`mpfr_pow_si`) rounds it: correctly.
    ///
    /// With `BigFloat` at the working precision the powers are built exactly in `exact` by repeated products, then
    /// rounded once into place: the correctly rounded value of the same exact power (barring overflow or underflow of
    /// MPFR's exponent range), without the temporaries that `mpfr_pow_si` allocates for exponents above 2.
    func powers(_ w: T, _ n: Int) {
        guard exactPowers, n >= 1, w.precisionBits == precision else {
            power(&lower, w, n - 1)
            power(&upper, w, n)
            return
        }
        let x = unsafeBitCast(w, to: BigFloat.self)
        exact.set(x)
        if n == 1 {
            asBigFloat(&lower) { $0.set(1) }          // w⁰ = 1, as mpfr_pow_si gives even for NaN
        } else {
            for _ in 2..<n { exact.multiply(by: x) }   // w^{n−1}
            asBigFloat(&lower) { $0.set(self.exact) }
            exact.multiply(by: x)                       // wⁿ
        }
        asBigFloat(&upper) { $0.set(self.exact) }
    }

    /// x ← wⁿ (`mpfr_pow_si` in place for `BigFloat`, at x's precision).
    func power(_ x: inout T, _ w: T, _ n: Int) {
        guard T.self == BigFloat.self else { return x = T.pow(w, n) }
        asBigFloat(&x) { $0.formPower(unsafeBitCast(w, to: BigFloat.self), n) }
    }

    /// Runs `body` on `target` as a `BigFloat` (T is `BigFloat` here).
    private func asBigFloat(_ target: inout T, _ body: (inout BigFloat) -> Void) {
        withUnsafeMutablePointer(to: &target) { $0.withMemoryRebound(to: BigFloat.self, capacity: 1) { body(&$0.pointee) } }
    }
}

extension FactorizationDescent.Loss {
    /// f(W): ½‖W − A‖²_F (`target`) or Σ_i (⟨A_i, W⟩ − y_i)² (`sensing`), with A, A_i and y_i rounded to the scalar.
    public func value<T: IntegrationScalar>(at w: Matrix<T>) -> T {
        func rounded(_ a: Matrix<Rational>) -> Matrix<T> { Matrix(rows: a.rowCount, columns: a.columnCount) { T(a[$0, $1]) } }
        switch self {
        case let .target(a):
            let difference = w - rounded(a)
            var half = difference.frobeniusInnerProduct(difference)
            half.multiply(byPowerOfTwo: -1)
            return half
        case let .sensing(measurements, y):
            return zip(measurements, y).reduce(T(0)) { sum, term in
                let residual = rounded(term.0).frobeniusInnerProduct(w) - T(term.1)
                return sum + residual * residual
            }
        }
    }
}
