import LinearAlgebra
import MultiPrecision

/// Mirror descent with the von Neumann entropy on PSD matrix sensing, written once for any scalar:
///
///     X_{t+1} = sym exp( log X_t − (η/m) Σ_i r_i A_i ),   r_i = ⟨A_i, X_t⟩ − y_i,   sym M = (M + Mᵀ)/2.
///
/// The state is (X_t, log X_t), both n × n row-major: log X_t is taken from X_t by an eigendecomposition after each
/// step (and from X_0 at the first), never carried along the generator, so log X_t − log X_0 ∈ span{A_i} is a check
/// of the iteration. A step whose X is not numerically positive definite writes NaN (the iteration stops, diverged).
public struct MatrixMirrorDescent: DiscreteMap {
    /// The symmetric sensing matrices A_1, …, A_m (n × n).
    public let sensing: [Matrix<Rational>]
    /// The measurements y_1, …, y_m.
    public let measurements: [Rational]
    /// The step size η.
    public let stepSize: Rational

    /// Mirror descent for the sensing problem (A_i, y_i) with step `stepSize`.
    public init(sensing: [Matrix<Rational>], measurements: [Rational], stepSize: Rational) {
        self.sensing = sensing
        self.measurements = measurements
        self.stepSize = stepSize
    }

    /// The order n.
    public var order: Int { sensing[0].rowCount }

    public var dimension: Int { 2 * order * order }

    /// The initial state (αI, 0): log X_0 is taken at the first step.
    public func initialState(alpha: Rational) -> [Rational] {
        Matrix<Rational>.identity(order).elements.map { alpha * $0 } + Array(repeating: 0, count: order * order)
    }

    /// X (`block` 0) or log X (`block` 1) of a state.
    public func matrix<T: Scalar>(_ state: [T], block: Int) -> Matrix<T> {
        let n = order, start = block * n * n
        return Matrix(rows: n, columns: n) { state[start + $0 * n + $1] }
    }

    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        let x = matrix(history[0], block: 0), n = order
        do {
            let logX = k == 0 ? try x.logarithm() : matrix(history[0], block: 1)
            var combination = Matrix<T>.zeros(rows: n, columns: n)
            for (exact, y) in zip(sensing, measurements) {
                let a = Matrix(rows: n, columns: n) { T(exact[$0, $1]) }
                combination += (a.frobeniusInnerProduct(x) - T(y)) * a
            }
            let scale = T(stepSize) / T(Rational(sensing.count))
            let exponential = try (logX - scale * combination).exponential()
            let updated = (exponential + exponential.transposed()) / T(2)
            let logUpdated = try updated.logarithm()
            for (i, entry) in updated.elements.enumerated() { next[i].set(entry) }
            for (i, entry) in logUpdated.elements.enumerated() { next[n * n + i].set(entry) }
        } catch {
            for i in 0..<dimension { next[i] = T(0) / T(0) }
        }
    }
}
