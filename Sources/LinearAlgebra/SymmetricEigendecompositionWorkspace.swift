// The cyclic Jacobi eigendecomposition on preallocated work values: the one implementation of the method, which
// `SymmetricEigendecomposition(_:)` runs on a workspace of its own (SymmetricEigendecomposition.swift states the
// method and its accuracy).
//
// Implementation goals, in order of priority:
//   1. The numbers of the value expressions of the method (θ = (a_qq − a_pp)/(2a_pq), Rutishauser's rotation, …) for
//      entries at any mix of precisions: every scalar step is an assignment rounded as its value expression
//      (`_assignProduct` and the rest: at the larger operand precision), constants at the default precision. The
//      eigenvalues are ordered by a stable insertion sort with the comparison `<` (the order a stable sort gives),
//      and each eigenvector is signed so that its entry of largest magnitude is positive.
//   2. Nothing allocated per call with `BigFloat` when every entry is at the workspace's precision: every value is
//      made once and overwritten in place.
//   3. A call at another order or another default precision, or with an entry at another precision, runs on a fresh
//      workspace (made at the default precision, with the precision checks on); a workspace's own work values always
//      stay at its precision, which lets a call with every entry there skip the checks (`uniform`).

import MultiPrecision
import RealModule

/// Work values for the eigendecomposition A = Q·Λ·Qᵀ of n × n symmetric matrices at one working precision:
/// `decompose(_:)` leaves in `eigenvalues` and `eigenvectors` exactly what ``SymmetricEigendecomposition/init(_:maxSweeps:)``
/// returns and, with `BigFloat` at that precision, allocates nothing.
public struct SymmetricEigendecompositionWorkspace<Element: Scalar>: Sendable {
    /// The order n.
    public let order: Int
    /// The precision at which the work values were made (`Element.currentPrecision` at initialization).
    public let precision: Int
    /// The iteration cap, in sweeps.
    public let maxSweeps: Int
    /// λ₁ ≤ … ≤ λₙ of the last decomposition.
    public internal(set) var eigenvalues: [Element]
    /// Q of the last decomposition (column k a unit eigenvector for λ_k, its largest entry positive).
    public internal(set) var eigenvectors: Matrix<Element>
    /// The sweeps of the last decomposition.
    public internal(set) var sweeps = 0
    /// The matrix being diagonalized and the accumulated rotations, row-major; the order of the eigenvalues.
    var m: [Element], v: [Element], permutation: [Int]
    var rotation = _JacobiRotationScratch<Element>()
    /// Work values: magnitudes, the tolerances and bounds, the rotation's θ, t, c, s, τ and √(1 + x²).
    var magnitude = Element.zero, other = Element.zero, bound = Element.zero, floor = Element.zero,
        largest = Element.zero, sum = Element.zero, quotient = Element.zero, mean = Element.zero,
        theta = Element.zero, t = Element.zero, c = Element.zero, s = Element.zero, tau = Element.zero,
        root = Element.zero, square = Element.zero, shifted = Element.zero, product = Element.zero
    /// 0, 1, 2, u, u², 4·n·u at the working precision.
    let zero: Element, one: Element, two: Element, unitRoundoff: Element, unitRoundoffSquared: Element,
        symmetryFactor: Element

    /// Work values for n × n matrices at the default precision.
    public init(order: Int, maxSweeps: Int = 100) {
        precondition(order >= 0, "SymmetricEigendecompositionWorkspace: negative order \(order)")
        self.order = order
        self.maxSweeps = maxSweeps
        precision = Element.currentPrecision
        eigenvalues = (0..<order).map { _ in .zero }
        eigenvectors = .zeros(rows: order, columns: order)
        m = (0..<(order * order)).map { _ in .zero }
        v = (0..<(order * order)).map { _ in .zero }
        permutation = Array(0..<order)
        zero = .zero
        one = 1
        two = 2
        unitRoundoff = Element.unitRoundoff
        unitRoundoffSquared = unitRoundoff * unitRoundoff
        symmetryFactor = 4 * Element._integer(order) * unitRoundoff
    }

    /// Decomposes the symmetric `a` into `eigenvalues` and `eigenvectors`, exactly as
    /// `SymmetricEigendecomposition(a, maxSweeps: maxSweeps)`: in place (with `BigFloat`, allocating nothing) when `a`
    /// is n × n with every entry at the working precision, which is still the default precision. Entries at other
    /// precisions give the same numbers as that initializer too (with allocations); another order or default
    /// precision runs on a fresh workspace.
    ///
    /// - Throws: the errors of ``SymmetricEigendecomposition/init(_:maxSweeps:)``.
    public mutating func decompose(_ a: Matrix<Element>) throws {
        guard a.isSquare else { throw LinearAlgebraError.notSquare(operation: "symmetric eigendecomposition", shape: a.shape) }
        guard a.rowCount == order, Element.currentPrecision == precision, a._everyEntry(atPrecision: precision) else {
            var fresh = SymmetricEigendecompositionWorkspace(order: a.rowCount, maxSweeps: maxSweeps)
            try fresh._decompose(a, uniform: false)
            return (eigenvalues, eigenvectors, sweeps) = (fresh.eigenvalues, fresh.eigenvectors, fresh.sweeps)
        }
        try _decompose(a, uniform: true)
    }

    /// Decomposes an n × n `a` at the working precision, which is the default precision; with `uniform`, every entry
    /// of `a` is at that precision too (and nothing is allocated with `BigFloat`).
    mutating func _decompose(_ a: Matrix<Element>, uniform: Bool) throws {
        let n = order
        try _symmetrize(a, uniform: uniform)
        for k in 0..<(n * n) { v[k]._assign(k % (n + 1) == 0 ? one : zero, uniform: uniform) }
        _frobeniusNorm(uniform: uniform)   // into `sum`
        floor._assignProduct(unitRoundoffSquared, sum, uniform: uniform)   // u²·‖A‖_F
        var sweep = 0
        while true {
            var rotated = false
            for p in 0..<n {
                for q in (p + 1)..<max(n, p + 1) {
                    // Skip when |a_pq| ≤ floor or |a_pq| ≤ u·√|a_pp|·√|a_qq|.
                    magnitude._assign(m[p * n + q], uniform: uniform); magnitude._formMagnitude()
                    if magnitude <= floor { continue }
                    other._assign(m[p * n + p], uniform: uniform); other._formMagnitude(); other._formSquareRoot()
                    bound._assignProduct(unitRoundoff, other, uniform: uniform)
                    other._assign(m[q * n + q], uniform: uniform); other._formMagnitude(); other._formSquareRoot()
                    bound *= other
                    if magnitude <= bound { continue }
                    rotated = true
                    // θ = (a_qq − a_pp)/(2a_pq); t = sign(θ)/(|θ| + √(1 + θ²)), the smaller root of t² + 2θt − 1 = 0;
                    // c = 1/√(1 + t²); s = t·c; τ = s/(1 + c).
                    square._assignDifference(m[q * n + q], m[p * n + p], uniform: uniform)
                    product._assignProduct(two, m[p * n + q], uniform: uniform)
                    theta._assignQuotient(square, product, uniform: uniform)
                    _sqrtOnePlusSquare(theta, uniform: uniform)   // into `root`
                    magnitude._assign(theta, uniform: uniform); magnitude._formMagnitude()
                    shifted._assignSum(magnitude, root, uniform: uniform)
                    t._assignQuotient(one, shifted, uniform: uniform)
                    if theta < zero { t.negate() }
                    _sqrtOnePlusSquare(t, uniform: uniform)
                    c._assignQuotient(one, root, uniform: uniform)
                    s._assignProduct(t, c, uniform: uniform)
                    shifted._assignSum(one, c, uniform: uniform)
                    tau._assignQuotient(s, shifted, uniform: uniform)
                    // a_pp ← a_pp − t·a_pq, a_qq ← a_qq + t·a_pq, a_pq ← 0; then the other entries of rows and
                    // columns p, q and the columns p, q of the accumulated rotations.
                    product._assignProduct(t, m[p * n + q], uniform: uniform)
                    m[p * n + p] -= product
                    m[q * n + q] += product
                    m[p * n + q]._assign(zero, uniform: uniform)
                    m[q * n + p]._assign(zero, uniform: uniform)
                    for r in 0..<n where r != p && r != q {
                        rotation.rotate(m[r * n + p], m[r * n + q], s: s, tau: tau, uniform: uniform)
                        m[r * n + p]._assign(rotation.newX, uniform: uniform); m[p * n + r]._assign(rotation.newX, uniform: uniform)
                        m[r * n + q]._assign(rotation.newY, uniform: uniform); m[q * n + r]._assign(rotation.newY, uniform: uniform)
                    }
                    for r in 0..<n {
                        rotation.rotate(v[r * n + p], v[r * n + q], s: s, tau: tau, uniform: uniform)
                        v[r * n + p]._assign(rotation.newX, uniform: uniform); v[r * n + q]._assign(rotation.newY, uniform: uniform)
                    }
                }
            }
            if !rotated { break }
            sweep += 1
            if sweep >= maxSweeps { throw LinearAlgebraError.noConvergence(method: "Jacobi eigenvalue iteration", iterations: maxSweeps) }
        }
        // Ascending order (stable), then each eigenvector signed so that its entry of largest magnitude is positive.
        for k in 0..<n { permutation[k] = k }
        if n > 1 {
            for i in 1..<n {
                let key = permutation[i]
                var j = i
                while j > 0, m[key * n + key] < m[permutation[j - 1] * n + permutation[j - 1]] {
                    permutation[j] = permutation[j - 1]
                    j -= 1
                }
                permutation[j] = key
            }
        }
        if eigenvectors.rowCount != n || eigenvectors.columnCount != n { eigenvectors = .zeros(rows: n, columns: n) }
        if eigenvalues.count != n { eigenvalues = (0..<n).map { _ in zero } }
        for k in 0..<n {
            let source = permutation[k]
            eigenvalues[k]._assign(m[source * n + source])
            var largestRow = 0
            for r in 0..<n {
                magnitude._assign(v[r * n + source], uniform: uniform); magnitude._formMagnitude()
                other._assign(v[largestRow * n + source], uniform: uniform); other._formMagnitude()
                if magnitude > other { largestRow = r }
            }
            let flip = v[largestRow * n + source] < zero
            for r in 0..<n {
                eigenvectors._elements[r * n + k]._assign(v[r * n + source])
                if flip { eigenvectors._elements[r * n + k].negate() }
            }
        }
        sweeps = sweep
    }

    /// m ← `a` with (i, j) and (j, i) replaced by their mean (a pair may differ by rounding, at most 4·n·u·max|A|).
    ///
    /// - Throws: ``LinearAlgebraError/nonFiniteEntry(operation:)`` for a NaN or infinite entry, and
    ///   ``LinearAlgebraError/notSymmetric(operation:row:column:)`` when a pair differs by more.
    mutating func _symmetrize(_ a: Matrix<Element>, uniform: Bool) throws {
        let operation = "symmetric eigendecomposition", n = order
        for k in 0..<(n * n) { m[k]._assign(a._elements[k], uniform: uniform) }
        for k in 0..<(n * n) {   // (x − x) is NaN exactly for a NaN or infinite x
            quotient._assignDifference(m[k], m[k], uniform: uniform)
            if quotient._isNaN { throw LinearAlgebraError.nonFiniteEntry(operation: operation) }
        }
        // Rounding in the computation of a mathematically symmetric matrix (say, a sum of products) stays below this.
        _maxAbs(uniform: uniform)   // into `largest`
        bound._assignProduct(symmetryFactor, largest, uniform: uniform)   // 4·n·u·max|A|
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                if m[i * n + j] == m[j * n + i] { continue }
                magnitude._assignDifference(m[i * n + j], m[j * n + i], uniform: uniform); magnitude._formMagnitude()
                guard magnitude <= bound else { throw LinearAlgebraError.notSymmetric(operation: operation, row: i, column: j) }
                mean._assignSum(m[i * n + j], m[j * n + i], uniform: uniform)
                mean /= two
                m[i * n + j]._assign(mean, uniform: uniform)
                m[j * n + i]._assign(mean, uniform: uniform)
            }
        }
    }

    /// largest ← max |m_k| (as `Matrix.maxAbs`: the first entry of largest magnitude, at its precision).
    mutating func _maxAbs(uniform: Bool) {
        largest._assign(zero, uniform: uniform)
        for k in 0..<(order * order) {
            magnitude._assign(m[k], uniform: uniform); magnitude._formMagnitude()
            if magnitude > largest { largest._assign(magnitude, uniform: uniform) }
        }
    }

    /// sum ← ‖m‖_F, scaled by the largest entry (as `Matrix.frobeniusNorm`).
    mutating func _frobeniusNorm(uniform: Bool) {
        _maxAbs(uniform: uniform)
        if largest == zero { return sum._assign(zero, uniform: uniform) }
        sum._assign(zero, uniform: uniform)
        for k in 0..<(order * order) {
            quotient._assignQuotient(m[k], largest, uniform: uniform)
            sum.addProduct(quotient, quotient)
        }
        sum._formSquareRoot()
        sum *= largest
    }

    /// root ← √(1 + x²) without overflow for large |x| (as `Scalar._sqrtOnePlusSquare`); uses `magnitude`,
    /// `quotient` and `square`.
    mutating func _sqrtOnePlusSquare(_ x: Element, uniform: Bool) {
        magnitude._assign(x, uniform: uniform); magnitude._formMagnitude()
        if magnitude > one {
            quotient._assignQuotient(one, magnitude, uniform: uniform)
            square._assignProduct(quotient, quotient, uniform: uniform)
            root._assignSum(one, square, uniform: uniform)
            root._formSquareRoot()
            root *= magnitude
        } else {
            square._assignProduct(magnitude, magnitude, uniform: uniform)
            root._assignSum(one, square, uniform: uniform)
            root._formSquareRoot()
        }
    }
}
