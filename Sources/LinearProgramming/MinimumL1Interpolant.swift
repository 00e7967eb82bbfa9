import LinearAlgebra
import MultiPrecision

/// The minimum-ℓ1 interpolant x_ℓ1 = argmin { ‖x‖₁ : A x = y }, computed exactly, with a certificate of optimality
/// and a decision on uniqueness (docs/theory.md §4.5).
///
/// Optimality: the linear program min 𝟙ᵀ(p + q) subject to A(p − q) = y, p, q ≥ 0 is solved by ``LinearProgram``
/// (GLPK's exact simplex, certificate checked in `Rational`); x = p − q, and its dual λ satisfies ‖Aᵀλ‖∞ ≤ 1 and
/// yᵀλ = ‖x‖₁. Uniqueness: the rank of A_S and a second exact linear program, max t subject to A_Sᵀλ = σ,
/// |A_jᵀλ| ≤ 1 − t (j ∉ S), 0 ≤ t ≤ 1; see ``L1Uniqueness``.
///
/// ```swift
/// let l1 = try MinimumL1Interpolant(a: [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]], y: [3, 1])
/// l1.x            // [0, 0, 0, 7/5, -1/5]
/// l1.uniqueness   // .unique(certificate: [3/5, -1/5], slack: 1/5)
/// ```
public struct MinimumL1Interpolant: Sendable {
    /// A minimizer (a vertex of the solution set).
    public let x: [Rational]
    /// min ‖x‖₁.
    public let norm: Rational
    /// An optimal dual λ of the ℓ1 program: ‖Aᵀλ‖∞ ≤ 1 and yᵀλ = ‖x‖₁.
    public let dual: [Rational]
    /// Whether x is the only minimizer, with the evidence.
    public let uniqueness: L1Uniqueness

    /// Solves min ‖x‖₁ subject to A x = y and decides uniqueness.
    ///
    /// - Throws: `LinearProgramError` (for instance `.infeasible` when A x = y has no solution).
    public init(a: Matrix<Rational>, y: [Rational]) throws(LinearProgramError) {
        let m = a.rowCount, n = a.columnCount
        guard y.count == m else { throw .shapeMismatch(rows: m, columns: n, rightHandSide: y.count, costs: n) }
        let split = Matrix(rows: m, columns: 2 * n) { i, j in j < n ? a[i, j] : -a[i, j - n] }
        let program = try LinearProgram(minimizing: Array(repeating: 1, count: 2 * n), subjectTo: split, equals: y)
        let optimum = try program.solve()
        let x = (0..<n).map { optimum.x[$0] - optimum.x[$0 + n] }
        self.x = x
        self.norm = optimum.objective
        self.dual = optimum.dual
        self.uniqueness = try Self.decideUniqueness(a: a, x: x)
    }

    /// The uniqueness decision of ``L1Uniqueness`` for the minimizer x.
    static func decideUniqueness(a: Matrix<Rational>, x: [Rational]) throws(LinearProgramError) -> L1Uniqueness {
        let m = a.rowCount, n = a.columnCount
        let support = (0..<n).filter { !x[$0].isZero }
        let off = (0..<n).filter { x[$0].isZero }
        if !support.isEmpty {
            let gram = Matrix(rows: support.count, columns: support.count) { k, l in
                (0..<m).reduce(Rational(0)) { $0 + a[$1, support[k]] * a[$1, support[l]] }
            }
            let singular = (try? LUDecomposition(gram))?.isSingular ?? true
            if singular { return .dependentSupportColumns }
        }
        if off.isEmpty { return .unique(certificate: Array(repeating: 0, count: m), slack: 1) }
        // Variables: λ⁺ (m), λ⁻ (m), t, then one slack per inequality: 2 per j ∉ S and one for t ≤ 1.
        let rows = support.count + 2 * off.count + 1
        let columns = 2 * m + 1 + 2 * off.count + 1
        let tColumn = 2 * m
        var entries = [Rational](repeating: 0, count: rows * columns)
        var b: [Rational] = []
        var row = 0
        func setLambda(_ row: Int, column j: Int, sign: Rational) {
            for i in 0..<m where !a[i, j].isZero {
                entries[row * columns + i] = sign * a[i, j]
                entries[row * columns + m + i] = -sign * a[i, j]
            }
        }
        for j in support {
            setLambda(row, column: j, sign: 1)
            b.append(x[j].isNegative ? -1 : 1)
            row += 1
        }
        for (k, j) in off.enumerated() {
            for (offset, sign) in [(0, Rational(1)), (1, Rational(-1))] {
                setLambda(row, column: j, sign: sign)
                entries[row * columns + tColumn] = 1
                entries[row * columns + tColumn + 1 + 2 * k + offset] = 1
                b.append(1)
                row += 1
            }
        }
        entries[row * columns + tColumn] = 1
        entries[row * columns + columns - 1] = 1
        b.append(1)
        var costs = [Rational](repeating: 0, count: columns)
        costs[tColumn] = -1
        let matrix = Matrix(rows: rows, columns: columns) { i, j in entries[i * columns + j] }
        let optimum = try LinearProgram(minimizing: costs, subjectTo: matrix, equals: b).solve()
        let slack = optimum.x[tColumn]
        guard !slack.isZero else { return .noStrictCertificate }
        // The certificate itself, checked directly: A_Sᵀλ = σ and 1 − max_{j∉S} |A_jᵀλ| = slack.
        let lambda = (0..<m).map { optimum.x[$0] - optimum.x[m + $0] }
        func correlation(_ j: Int) -> Rational { (0..<m).reduce(Rational(0)) { $0 + a[$1, j] * lambda[$1] } }
        for j in support where correlation(j) != (x[j].isNegative ? -1 : 1) {
            throw .certificateFailed("the uniqueness certificate has A_jᵀλ ≠ sign(x_j) at j = \(j + 1)")
        }
        let largest = off.map { correlation($0).magnitude }.max()!
        guard Rational(1) - largest >= slack else {
            throw .certificateFailed("the uniqueness certificate's slack \(Rational(1) - largest) is below the LP's \(slack)")
        }
        return .unique(certificate: lambda, slack: Rational(1) - largest)
    }
}
