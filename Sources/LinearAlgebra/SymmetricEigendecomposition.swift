// Symmetric eigendecomposition by the cyclic Jacobi method.
//
// Implementation goals, in order of priority:
//   1. Accurate at any precision: the residual ‖A − QΛQᵀ‖ and the loss of orthogonality ‖QᵀQ − I‖ are a small
//      multiple of n·u (times ‖A‖), u the unit roundoff. Jacobi is chosen over QR iterations because it needs no shift
//      strategy tuned to a precision and is accurate for small eigenvalues of positive definite matrices too.
//   2. Termination: a rotation is skipped when |a_pq| ≤ u·√(|a_pp|·|a_qq|) (Demmel–Veselić) or when it is below
//      u²·‖A‖_F (negligible in absolute terms); the method stops after a sweep without rotations, and throws after
//      `maxSweeps` sweeps. Jacobi converges quadratically, so a few sweeps more than log₂(p) suffice.
//   3. Rutishauser's form of the rotation (t = tan θ, τ = s/(1+c)), which keeps rounding errors small.

import MultiPrecision
import RealModule

/// The eigendecomposition `A = Q·Λ·Qᵀ` of a real symmetric matrix, with the eigenvalues in ascending order.
///
/// Computed by the cyclic Jacobi method at the working precision of the entries (for `BigFloat`, new values are made
/// at the task-local default precision, so call it inside `withPrecision` at the entries' precision).
///
/// ```swift
/// let a: Matrix<Double> = [[2, 1], [1, 2]]
/// let eig = try SymmetricEigendecomposition(a)
/// print(eig.eigenvalues)   // [1.0, 3.0] (to rounding)
/// ```
public struct SymmetricEigendecomposition<Element: Scalar>: Sendable {
    /// The eigenvalues λ₁ ≤ λ₂ ≤ … ≤ λₙ.
    public let eigenvalues: [Element]
    /// The orthogonal matrix Q whose column k is a unit eigenvector for `eigenvalues[k]`, signed so that its entry of
    /// largest magnitude is positive.
    public let eigenvectors: Matrix<Element>
    /// The number of Jacobi sweeps that were needed.
    public let sweeps: Int

    /// Decomposes the symmetric matrix `a`.
    ///
    /// Entries (i, j) and (j, i) may differ by rounding (at most 4·n·u·max|A|); the method uses their mean.
    ///
    /// - Parameters:
    ///   - a: a real symmetric matrix.
    ///   - maxSweeps: the iteration cap, in sweeps over all n(n−1)/2 pairs.
    /// - Throws: ``LinearAlgebraError/notSquare(operation:shape:)``,
    ///   ``LinearAlgebraError/notSymmetric(operation:row:column:)``,
    ///   ``LinearAlgebraError/nonFiniteEntry(operation:)`` or
    ///   ``LinearAlgebraError/noConvergence(method:iterations:)``.
    /// - Complexity: O(n³) per sweep.
    public init(_ a: Matrix<Element>, maxSweeps: Int = 100) throws {
        let operation = "symmetric eigendecomposition"
        guard a.isSquare else { throw LinearAlgebraError.notSquare(operation: operation, shape: a.shape) }
        let n = a.rowCount
        var m = try _symmetrized(a, operation: operation)
        var v = Matrix<Element>.identity(n)._elements
        // With every entry at the working precision, the rotations update the entries in place through `scratch`,
        // with the roundings of the value expressions (which would round at the largest operand precision otherwise).
        let inPlace = m.allSatisfy { $0.precisionBits == Element.currentPrecision }
        var scratch = _JacobiRotationScratch<Element>()
        let u = Element.unitRoundoff
        let floor = u * u * Matrix(_rowCount: n, columnCount: n, elements: m).frobeniusNorm
        var sweep = 0
        while true {
            var rotated = false
            for p in 0..<n {
                for q in (p + 1)..<max(n, p + 1) {
                    let apq = m[p * n + q]
                    let app = m[p * n + p], aqq = m[q * n + q]
                    if apq.magnitude <= floor || apq.magnitude <= u * Element.sqrt(app.magnitude) * Element.sqrt(aqq.magnitude) {
                        continue
                    }
                    rotated = true
                    // tan θ of the rotation that zeroes a_pq, the smaller root of t² + 2θt − 1 = 0.
                    let theta = (aqq - app) / (2 * apq)
                    var t = 1 / (theta.magnitude + Element._sqrtOnePlusSquare(theta))
                    if theta < .zero { t = -t }
                    let c = 1 / Element._sqrtOnePlusSquare(t)
                    let s = t * c
                    let tau = s / (1 + c)
                    m[p * n + p] = app - t * apq
                    m[q * n + q] = aqq + t * apq
                    m[p * n + q] = .zero
                    m[q * n + p] = .zero
                    if inPlace {
                        for r in 0..<n where r != p && r != q {
                            scratch.rotate(m[r * n + p], m[r * n + q], s: s, tau: tau)
                            m[r * n + p].set(scratch.newX); m[p * n + r].set(scratch.newX)
                            m[r * n + q].set(scratch.newY); m[q * n + r].set(scratch.newY)
                        }
                        for r in 0..<n {
                            scratch.rotate(v[r * n + p], v[r * n + q], s: s, tau: tau)
                            v[r * n + p].set(scratch.newX); v[r * n + q].set(scratch.newY)
                        }
                        continue
                    }
                    for r in 0..<n where r != p && r != q {
                        let arp = m[r * n + p], arq = m[r * n + q]
                        let newRP = arp - s * (arq + tau * arp)
                        let newRQ = arq + s * (arp - tau * arq)
                        m[r * n + p] = newRP; m[p * n + r] = newRP
                        m[r * n + q] = newRQ; m[q * n + r] = newRQ
                    }
                    for r in 0..<n {
                        let vrp = v[r * n + p], vrq = v[r * n + q]
                        v[r * n + p] = vrp - s * (vrq + tau * vrp)
                        v[r * n + q] = vrq + s * (vrp - tau * vrq)
                    }
                }
            }
            if !rotated { break }
            sweep += 1
            if sweep >= maxSweeps { throw LinearAlgebraError.noConvergence(method: "Jacobi eigenvalue iteration", iterations: maxSweeps) }
        }
        // Sort ascending and fix the signs of the eigenvectors.
        let order = (0..<n).sorted { m[$0 * n + $0] < m[$1 * n + $1] }
        self.eigenvalues = order.map { m[$0 * n + $0] }
        var q = [Element](repeating: .zero, count: n * n)
        for (k, source) in order.enumerated() {
            var largest = 0
            for r in 0..<n where v[r * n + source].magnitude > v[largest * n + source].magnitude { largest = r }
            let flip = v[largest * n + source] < .zero
            for r in 0..<n { q[r * n + k] = flip ? -v[r * n + source] : v[r * n + source] }
        }
        self.eigenvectors = Matrix(_rowCount: n, columnCount: n, elements: q)
        self.sweeps = sweep
    }

    /// Q·diag(f(λ))·Qᵀ, made exactly symmetric: the spectral function `f` of the decomposed matrix.
    ///
    /// With `f` the identity this reconstructs the matrix to within rounding.
    public func applying(_ f: (Element) throws -> Element) rethrows -> Matrix<Element> {
        _recomposed(with: try eigenvalues.map(f))
    }

    /// Q·diag(values)·Qᵀ, made exactly symmetric.
    func _recomposed(with values: [Element]) -> Matrix<Element> {
        let q = eigenvectors
        let n = q.rowCount
        let scaled = Matrix(rows: n, columns: n) { i, j in q._elements[i * n + j] * values[j] }
        var result = Matrix<Element>.zeros(rows: n, columns: n)
        Matrix.multiply(scaled, transposeOf: q, into: &result)
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                let mean = (result._elements[i * n + j] + result._elements[j * n + i]) / 2
                result._elements[i * n + j] = mean
                result._elements[j * n + i] = mean
            }
        }
        return result
    }

    /// Q·Λ·Qᵀ, the decomposed matrix to within rounding.
    public func reconstructed() -> Matrix<Element> { applying { $0 } }
}

/// The work values of one Jacobi rotation applied in place.
struct _JacobiRotationScratch<Element: Scalar> {
    var product = Element.zero, sum = Element.zero, newX = Element.zero, newY = Element.zero

    /// newX = x − s·(y + τ·x) and newY = y + s·(x − τ·y), each operation rounded once, in the order written.
    mutating func rotate(_ x: Element, _ y: Element, s: Element, tau: Element) {
        product.formProduct(tau, x); sum.formSum(y, product); product.formProduct(s, sum); newX.formDifference(x, product)
        product.formProduct(tau, y); sum.formDifference(x, product); product.formProduct(s, sum); newY.formSum(y, product)
    }
}

/// The entries of the square matrix `a` with (i, j) and (j, i) replaced by their mean.
///
/// - Throws: ``LinearAlgebraError/nonFiniteEntry(operation:)`` for a NaN or infinite entry, and
///   ``LinearAlgebraError/notSymmetric(operation:row:column:)`` when a pair differs by more than 4·n·u·max|A|.
func _symmetrized<Element: Scalar>(_ a: Matrix<Element>, operation: String) throws -> [Element] {
    let n = a.rowCount
    var m = a._elements
    for x in m where (x - x)._isNaN { throw LinearAlgebraError.nonFiniteEntry(operation: operation) }
    // Rounding in the computation of a mathematically symmetric matrix (say, a sum of products) stays below this.
    let tolerance = 4 * Element._integer(n) * Element.unitRoundoff * a.maxAbs
    for i in 0..<n {
        for j in (i + 1)..<max(n, i + 1) {
            let x = m[i * n + j], y = m[j * n + i]
            if x == y { continue }
            guard (x - y).magnitude <= tolerance else {
                throw LinearAlgebraError.notSymmetric(operation: operation, row: i, column: j)
            }
            let mean = (x + y) / 2
            m[i * n + j] = mean
            m[j * n + i] = mean
        }
    }
    return m
}
