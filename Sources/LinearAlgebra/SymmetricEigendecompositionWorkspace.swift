// The cyclic Jacobi eigendecomposition on preallocated work values, for iterations that decompose one symmetric
// matrix per step.
//
// Implementation goals, in order of priority:
//   1. The same numbers as `SymmetricEigendecomposition(a)`, bit for bit: the same symmetrization, the same skip
//      tests, the same rotations (Rutishauser's form, applied in place as its in-place path does), the same ordering
//      of the eigenvalues (a stable insertion sort with the same comparison, which is what the standard library's sort
//      does on so few entries) and the same signs of the eigenvectors. Every value the value-returning form makes anew
//      (|a_pq|, θ, t, c, s, τ, the new diagonal entries, the norms and bounds) is computed in a work value here with
//      the same single rounding, in the same order, at the same precision.
//   2. Nothing allocated per call with `BigFloat`.
//   3. Entries at another precision than the workspace's (where `SymmetricEigendecomposition` rotates out of place,
//      rounding at the largest operand precision) take the value-returning path.

import MultiPrecision
import RealModule

/// Work values for the eigendecomposition A = Q·Λ·Qᵀ of n × n symmetric matrices at one working precision:
/// `decompose(_:)` leaves in `eigenvalues` and `eigenvectors` exactly what ``SymmetricEigendecomposition/init(_:maxSweeps:)``
/// returns and, with `BigFloat`, allocates nothing.
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

    /// Whether `a` is n × n with every entry at the working precision, at that default precision.
    func _fits(_ a: Matrix<Element>) -> Bool {
        guard Element.currentPrecision == precision, a.rowCount == order, a.columnCount == order else { return false }
        for k in 0..<(order * order) where a._elements[k].precisionBits != precision { return false }
        return true
    }

    /// Decomposes the symmetric `a` into `eigenvalues` and `eigenvectors`, exactly as
    /// `SymmetricEigendecomposition(a, maxSweeps: maxSweeps)`: in place when `a` fits the workspace (n × n, every entry
    /// at the working precision, which is still the default precision), otherwise through that initializer.
    ///
    /// - Throws: the errors of ``SymmetricEigendecomposition/init(_:maxSweeps:)``.
    public mutating func decompose(_ a: Matrix<Element>) throws {
        guard _fits(a) else {
            let eig = try SymmetricEigendecomposition(a, maxSweeps: maxSweeps)
            (eigenvalues, eigenvectors, sweeps) = (eig.eigenvalues, eig.eigenvectors, eig.sweeps)
            return
        }
        let n = order
        try _symmetrize(a)
        for i in 0..<n { for j in 0..<n { v[i * n + j].set(i == j ? one : zero) } }
        _frobeniusNorm()   // into `sum`
        floor.formProduct(unitRoundoffSquared, sum)
        var sweep = 0
        while true {
            var rotated = false
            for p in 0..<n {
                for q in (p + 1)..<max(n, p + 1) {
                    // Skip when |a_pq| ≤ floor or |a_pq| ≤ u·√|a_pp|·√|a_qq|.
                    magnitude.set(m[p * n + q]); magnitude._formMagnitude()
                    if magnitude <= floor { continue }
                    other.set(m[p * n + p]); other._formMagnitude(); other._formSquareRoot()
                    bound.formProduct(unitRoundoff, other)
                    other.set(m[q * n + q]); other._formMagnitude(); other._formSquareRoot()
                    bound *= other
                    if magnitude <= bound { continue }
                    rotated = true
                    // θ = (a_qq − a_pp)/(2a_pq); t = sign(θ)/(|θ| + √(1 + θ²)); c = 1/√(1 + t²); s = t·c; τ = s/(1 + c).
                    square.formDifference(m[q * n + q], m[p * n + p])
                    product.formProduct(two, m[p * n + q])
                    theta.set(square); theta /= product
                    _sqrtOnePlusSquare(theta)   // into `root`
                    magnitude.set(theta); magnitude._formMagnitude()
                    shifted.formSum(magnitude, root)
                    t.set(one); t /= shifted
                    if theta < zero { t.negate() }
                    _sqrtOnePlusSquare(t)
                    c.set(one); c /= root
                    s.formProduct(t, c)
                    shifted.formSum(one, c)
                    tau.set(s); tau /= shifted
                    product.formProduct(t, m[p * n + q])
                    m[p * n + p] -= product
                    m[q * n + q] += product
                    m[p * n + q].set(zero)
                    m[q * n + p].set(zero)
                    for r in 0..<n where r != p && r != q {
                        rotation.rotate(m[r * n + p], m[r * n + q], s: s, tau: tau)
                        m[r * n + p].set(rotation.newX); m[p * n + r].set(rotation.newX)
                        m[r * n + q].set(rotation.newY); m[q * n + r].set(rotation.newY)
                    }
                    for r in 0..<n {
                        rotation.rotate(v[r * n + p], v[r * n + q], s: s, tau: tau)
                        v[r * n + p].set(rotation.newX); v[r * n + q].set(rotation.newY)
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
        for k in 0..<n {
            let source = permutation[k]
            eigenvalues[k].set(m[source * n + source])
            var largestRow = 0
            for r in 0..<n {
                magnitude.set(v[r * n + source]); magnitude._formMagnitude()
                other.set(v[largestRow * n + source]); other._formMagnitude()
                if magnitude > other { largestRow = r }
            }
            let flip = v[largestRow * n + source] < zero
            for r in 0..<n {
                eigenvectors._elements[r * n + k].set(v[r * n + source])
                if flip { eigenvectors._elements[r * n + k].negate() }
            }
        }
        sweeps = sweep
    }

    /// m ← `a` with (i, j) and (j, i) replaced by their mean, as `_symmetrized(_:operation:)`.
    mutating func _symmetrize(_ a: Matrix<Element>) throws {
        let operation = "symmetric eigendecomposition", n = order
        for k in 0..<(n * n) { m[k].set(a._elements[k]) }
        for k in 0..<(n * n) {   // (x − x) is NaN exactly for a NaN or infinite x
            quotient.formDifference(m[k], m[k])
            if quotient._isNaN { throw LinearAlgebraError.nonFiniteEntry(operation: operation) }
        }
        _maxAbs()   // into `largest`
        bound.formProduct(symmetryFactor, largest)   // 4·n·u·max|A|
        for i in 0..<n {
            for j in (i + 1)..<max(n, i + 1) {
                if m[i * n + j] == m[j * n + i] { continue }
                magnitude.formDifference(m[i * n + j], m[j * n + i]); magnitude._formMagnitude()
                guard magnitude <= bound else { throw LinearAlgebraError.notSymmetric(operation: operation, row: i, column: j) }
                mean.formSum(m[i * n + j], m[j * n + i])
                mean /= two
                m[i * n + j].set(mean)
                m[j * n + i].set(mean)
            }
        }
    }

    /// largest ← max |m_k| (as `Matrix.maxAbs`).
    mutating func _maxAbs() {
        largest.set(zero)
        for k in 0..<(order * order) {
            magnitude.set(m[k]); magnitude._formMagnitude()
            if magnitude > largest { largest.set(magnitude) }
        }
    }

    /// sum ← ‖m‖_F, scaled by the largest entry (as `Matrix.frobeniusNorm`).
    mutating func _frobeniusNorm() {
        _maxAbs()
        if largest == zero { return sum.set(zero) }
        sum.set(zero)
        for k in 0..<(order * order) {
            quotient.set(m[k]); quotient /= largest
            sum.addProduct(quotient, quotient)
        }
        sum._formSquareRoot()
        sum *= largest
    }

    /// root ← √(1 + x²) without overflow for large |x| (as `Scalar._sqrtOnePlusSquare`); uses `magnitude`,
    /// `quotient` and `square`.
    mutating func _sqrtOnePlusSquare(_ x: Element) {
        magnitude.set(x); magnitude._formMagnitude()
        if magnitude > one {
            quotient.set(one); quotient /= magnitude
            square.formProduct(quotient, quotient)
            root.formSum(one, square)
            root._formSquareRoot()
            root *= magnitude
        } else {
            square.formProduct(magnitude, magnitude)
            root.formSum(one, square)
            root._formSquareRoot()
        }
    }
}
