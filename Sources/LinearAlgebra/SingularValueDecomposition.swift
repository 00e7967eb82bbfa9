// Singular value decomposition by one-sided (Hestenes) Jacobi.
//
// Implementation goals, in order of priority:
//   1. Singular values to full precision relative to ‖A‖ (one-sided Jacobi is in fact accurate relative to each
//      singular value for well-scaled columns), and singular vectors orthonormal to a small multiple of m·u.
//   2. Termination: columns i and j are rotated only while |⟨aᵢ, aⱼ⟩| > m·u·‖aᵢ‖·‖aⱼ‖ (the rounding error of the inner
//      product itself is of that order, so a tighter test could cycle); the method stops after a sweep without
//      rotations and throws after `maxSweeps` sweeps.
//   3. The thin decomposition: U is m×r and V is n×r with r = min(m, n). Columns of U for zero singular values are
//      completed to an orthonormal set by Gram–Schmidt, so UᵀU = I always.

import MultiPrecision
import RealModule

/// The thin singular value decomposition `A = U·Σ·Vᵀ` of an m×n matrix, with the singular values in descending order.
///
/// With r = min(m, n): U is m×r and V is n×r, both with orthonormal columns, and Σ = diag(σ₁ ≥ … ≥ σᵣ ≥ 0).
/// Computed by one-sided Jacobi at the working precision (for `BigFloat`, call it inside `withPrecision` at the
/// entries' precision).
///
/// ```swift
/// let a: Matrix<Double> = [[3, 0], [0, -2], [0, 0]]
/// let svd = try SingularValueDecomposition(a)
/// print(svd.singularValues)   // [3.0, 2.0]
/// ```
public struct SingularValueDecomposition<Element: Scalar>: Sendable {
    /// σ₁ ≥ σ₂ ≥ … ≥ σᵣ ≥ 0, r = min(m, n).
    public let singularValues: [Element]
    /// The m×r matrix of left singular vectors (orthonormal columns).
    public let u: Matrix<Element>
    /// The n×r matrix of right singular vectors (orthonormal columns).
    public let v: Matrix<Element>
    /// The number of Jacobi sweeps that were needed.
    public let sweeps: Int

    /// Decomposes `a`.
    ///
    /// - Parameters:
    ///   - a: any real matrix.
    ///   - maxSweeps: the iteration cap, in sweeps over all pairs of columns.
    /// - Throws: ``LinearAlgebraError/nonFiniteEntry(operation:)`` or
    ///   ``LinearAlgebraError/noConvergence(method:iterations:)``.
    /// - Complexity: O(m·n²) per sweep.
    public init(_ a: Matrix<Element>, maxSweeps: Int = 100) throws {
        for x in a._elements where (x - x)._isNaN {
            throw LinearAlgebraError.nonFiniteEntry(operation: "singular value decomposition")
        }
        if a.rowCount < a.columnCount {
            let t = try SingularValueDecomposition(a.transposed(), maxSweeps: maxSweeps)
            self.singularValues = t.singularValues
            self.u = t.v
            self.v = t.u
            self.sweeps = t.sweeps
            return
        }
        let m = a.rowCount, n = a.columnCount
        // Work on columns: w[j] is column j of A·V, vt[j] is column j of V.
        var w: [[Element]] = (0..<n).map { a.column($0) }
        var vt: [[Element]] = (0..<n).map { j in (0..<n).map { $0 == j ? 1 : .zero } }
        let tolerance = Element._integer(max(m, 1)) * Element.unitRoundoff
        var sweep = 0
        while true {
            var rotated = false
            for i in 0..<n {
                for j in (i + 1)..<max(n, i + 1) {
                    var alpha = Element.zero, beta = Element.zero, gamma = Element.zero
                    for k in 0..<m {
                        alpha.addProduct(w[i][k], w[i][k])
                        beta.addProduct(w[j][k], w[j][k])
                        gamma.addProduct(w[i][k], w[j][k])
                    }
                    if gamma == .zero || gamma.magnitude <= tolerance * Element.sqrt(alpha) * Element.sqrt(beta) { continue }
                    rotated = true
                    let zeta = (beta - alpha) / (2 * gamma)
                    var t = 1 / (zeta.magnitude + Element._sqrtOnePlusSquare(zeta))
                    if zeta < .zero { t = -t }
                    let c = 1 / Element._sqrtOnePlusSquare(t)
                    let s = c * t
                    _rotate(&w, i, j, c, s)
                    _rotate(&vt, i, j, c, s)
                }
            }
            if !rotated { break }
            sweep += 1
            if sweep >= maxSweeps { throw LinearAlgebraError.noConvergence(method: "one-sided Jacobi SVD", iterations: maxSweeps) }
        }
        let norms = w.map { Matrix(_rowCount: m, columnCount: 1, elements: $0).frobeniusNorm }
        let order = (0..<n).sorted { norms[$0] > norms[$1] }
        var uColumns: [[Element]] = []
        var zeroColumns: [Int] = []
        for (k, source) in order.enumerated() {
            if norms[source] == .zero {
                zeroColumns.append(k)
                uColumns.append([Element](repeating: .zero, count: m))
            } else {
                uColumns.append(w[source].map { $0 / norms[source] })
            }
        }
        _completeOrthonormal(&uColumns, missing: zeroColumns, length: m)
        self.singularValues = order.map { norms[$0] }
        self.u = Matrix(rows: m, columns: n) { i, k in uColumns[k][i] }
        self.v = Matrix(rows: n, columns: n) { i, k in vt[order[k]][i] }
        self.sweeps = sweep
    }

    /// U·Σ·Vᵀ, the decomposed matrix to within rounding.
    public func reconstructed() -> Matrix<Element> {
        truncated(rank: singularValues.count)
    }

    /// The best approximation of rank at most k in the Frobenius and spectral norms (Eckart–Young):
    /// Σ_{i<k} σᵢ·uᵢ·vᵢᵀ. A k at or above min(m, n) gives the full reconstruction.
    ///
    /// Precondition: `k >= 0`.
    public func truncated(rank k: Int) -> Matrix<Element> {
        precondition(k >= 0, "SingularValueDecomposition.truncated(rank:): negative rank \(k)")
        let r = min(k, singularValues.count)
        let m = u.rowCount, n = v.rowCount
        let scaledU = Matrix(rows: m, columns: r) { i, l in u._elements[i * u.columnCount + l] * singularValues[l] }
        let vr = Matrix(rows: n, columns: r) { i, l in v._elements[i * v.columnCount + l] }
        var result = Matrix<Element>.zeros(rows: m, columns: n)
        Matrix.multiply(scaledU, transposeOf: vr, into: &result)
        return result
    }
}

/// Applies the plane rotation [c −s; s c] to columns i and j: (xᵢ, xⱼ) ← (c·xᵢ − s·xⱼ, s·xᵢ + c·xⱼ).
private func _rotate<Element: Scalar>(_ x: inout [[Element]], _ i: Int, _ j: Int, _ c: Element, _ s: Element) {
    for k in x[i].indices {
        let xi = x[i][k], xj = x[j][k]
        x[i][k] = c * xi - s * xj
        x[j][k] = s * xi + c * xj
    }
}

/// Fills the columns listed in `missing` with unit vectors orthogonal to every other column, by Gram–Schmidt with
/// reorthogonalization on the standard basis vectors, taking the one that keeps the most of its norm.
private func _completeOrthonormal<Element: Scalar>(_ columns: inout [[Element]], missing: [Int], length m: Int) {
    var filled = Set(columns.indices).subtracting(missing)
    for target in missing {
        var best: [Element] = []
        var bestNorm = Element.zero
        for e in 0..<m {
            var x = [Element](repeating: .zero, count: m)
            x[e] = 1
            for _ in 0..<2 {
                for other in filled {
                    var dot = Element.zero
                    for k in 0..<m { dot.addProduct(columns[other][k], x[k]) }
                    for k in 0..<m { x[k].subtractProduct(dot, columns[other][k]) }
                }
            }
            let norm = Matrix(_rowCount: m, columnCount: 1, elements: x).frobeniusNorm
            if norm > bestNorm { best = x; bestNorm = norm }
        }
        columns[target] = best.map { $0 / bestNorm }
        filled.insert(target)
    }
}
