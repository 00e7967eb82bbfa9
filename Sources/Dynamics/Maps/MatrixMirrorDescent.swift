import LinearAlgebra
import MultiPrecision
import RealModule

/// Mirror descent with the von Neumann entropy on PSD matrix sensing, written once for any scalar:
///
///     X_{t+1} = sym exp( log X_t − (η/m) Σ_i r_i A_i ),   r_i = ⟨A_i, X_t⟩ − y_i,   sym M = (M + Mᵀ)/2.
///
/// The state is (X_t, log X_t), both n × n row-major: log X_t is taken from X_t by an eigendecomposition after each
/// step (and from X_0 at the first), never carried along the generator, so log X_t − log X_0 ∈ span{A_i} is a check
/// of the iteration. A step whose X is not numerically positive definite writes NaN (the iteration stops, diverged).
///
/// A step runs in place on work values kept between steps (the rounded A_i, y_i and η/m, the generator, the
/// exponential and its symmetrization, the work values of the matrix exponential and of the Jacobi eigendecomposition
/// behind the logarithm), rounding exactly as the expressions above evaluated left to right with `exponential()` and
/// `logarithm()`: with `BigFloat` the only allocations left are MPFR's own temporaries inside `mpfr_log`.
public struct MatrixMirrorDescent: DiscreteMap {
    /// The symmetric sensing matrices A_1, …, A_m (n × n).
    public let sensing: [Matrix<Rational>]
    /// The measurements y_1, …, y_m.
    public let measurements: [Rational]
    /// The step size η.
    public let stepSize: Rational
    private let workspace = MapWorkspace()

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
        workspace.run({ MatrixMirrorDescentWork<T>(self) }, reusable: { $0.precision == T.currentPrecision }) {
            $0.step(history[0], first: k == 0, into: &next)
        }
    }
}

/// The work values of one `MatrixMirrorDescent` at one scalar and precision.
final class MatrixMirrorDescentWork<T: IntegrationScalar> {
    let precision = T.currentPrecision
    /// A_i and y_i rounded; η/m as T(η)/T(m); 2.
    let sensing: [Matrix<T>], measurements: [T], scale: T, two: T
    /// X_t; log X_t (read from the state after the first step); Σ_i r_i A_i; the generator; its exponential;
    /// sym exp(…); log sym exp(…).
    var x: Matrix<T>, logX: Matrix<T>, combination: Matrix<T>, generator: Matrix<T>, exponential: Matrix<T>,
        updated: Matrix<T>, logUpdated: Matrix<T>
    /// The work values of exp and log.
    var exponentialWork: MatrixExponentialWorkspace<T>, logarithmWork: SymmetricLogarithmWorkspace<T>
    /// r_i and one product.
    var residual = T(0), term = T(0)

    init(_ map: MatrixMirrorDescent) {
        let n = map.order
        sensing = map.sensing.map { a in Matrix(rows: n, columns: n) { T(a[$0, $1]) } }
        measurements = map.measurements.map { T($0) }
        scale = T(map.stepSize) / T(Rational(map.sensing.count))
        two = T(2)
        x = .zeros(rows: n, columns: n)
        logX = .zeros(rows: n, columns: n)
        combination = .zeros(rows: n, columns: n)
        generator = .zeros(rows: n, columns: n)
        exponential = .zeros(rows: n, columns: n)
        updated = .zeros(rows: n, columns: n)
        logUpdated = .zeros(rows: n, columns: n)
        exponentialWork = MatrixExponentialWorkspace(order: n)
        logarithmWork = SymmetricLogarithmWorkspace(order: n)
    }

    func step(_ state: [T], first: Bool, into next: inout [T]) {
        let n = x.rowCount, count = n * n
        do {
            for r in 0..<n { for c in 0..<n { x[r, c].set(state[r * n + c]) } }
            if first {
                try logarithmWork.logarithm(of: x, into: &logX)
            } else {
                for r in 0..<n { for c in 0..<n { logX[r, c].set(state[count + r * n + c]) } }
            }
            for r in 0..<n { for c in 0..<n { combination[r, c].set(Double.zero) } }
            for i in sensing.indices {   // += (⟨A_i, X⟩ − y_i)·A_i (an index loop: a for-in over zip allocates here)
                let a = sensing[i], y = measurements[i]
                residual.set(Double.zero)
                for r in 0..<n { for c in 0..<n { residual.addProduct(a[r, c], x[r, c]) } }
                residual -= y
                for r in 0..<n { for c in 0..<n { term.formProduct(residual, a[r, c]); combination[r, c] += term } }
            }
            for r in 0..<n {   // log X − (η/m)·Σ
                for c in 0..<n { term.formProduct(scale, combination[r, c]); generator[r, c].formDifference(logX[r, c], term) }
            }
            try exponentialWork.exponential(of: generator, into: &exponential)
            for r in 0..<n {   // (E + Eᵀ)/2
                for c in 0..<n { updated[r, c].formSum(exponential[r, c], exponential[c, r]); updated[r, c] /= two }
            }
            try logarithmWork.logarithm(of: updated, into: &logUpdated)
            for r in 0..<n {
                for c in 0..<n { next[r * n + c].set(updated[r, c]); next[count + r * n + c].set(logUpdated[r, c]) }
            }
        } catch {
            for i in 0..<next.count { next[i] = T(0) / T(0) }
        }
    }
}
