import LinearAlgebra
import MultiPrecision

// Implementation goals, in order of priority:
// 1. The returned optimum is proved optimal in exact arithmetic (primal feasibility, dual feasibility, equal
//    objectives), whatever GLPK did; GLPK only supplies the basis.
// 2. GLPK sees the exact program whenever it can: each row of [A | b] is multiplied by the least common multiple of
//    its denominators and c by that of its own (neither changes the optimal bases), and the resulting integers are
//    passed exactly when they have at most 53 bits.

extension LinearProgram {
    /// The exact optimum with its optimality certificate.
    ///
    /// GLPK's exact simplex (`glp_exact`) returns an optimal basis; the basic solution x_B (from B x_B = b) and the
    /// duals λ (from Bᵀλ = c_B) are recomputed by LU decomposition over `Rational`, then A x = b, x ≥ 0,
    /// c − Aᵀλ ≥ 0 and cᵀx = bᵀλ are checked exactly.
    ///
    /// - Throws: `LinearProgramError.infeasible` or `.unbounded` with GLPK's verdict; `.dataOutOfRange` when an
    ///   entry does not fit a double; `.solverFailed`, `.invalidBasis` or `.certificateFailed` when no certified
    ///   optimum results.
    public func solve() throws(LinearProgramError) -> LinearProgramOptimum {
        let m = constraintCount, n = variableCount
        let a = constraints, b = rightHandSide, c = costs
        var exact = true
        func double(_ r: Rational, _ what: String) throws(LinearProgramError) -> Double {
            if let d = Double(exactly: r) { return d }
            exact = false
            let d = Double(r)
            guard d.isFinite else { throw .dataOutOfRange("\(what) overflows a double after scaling") }
            return d
        }
        var rowMajor: [Double] = []
        rowMajor.reserveCapacity(m * n)
        var bDouble: [Double] = []
        for i in 0..<m {
            let scale = Rational(Self.commonDenominator((0..<n).map { a[i, $0] } + [b[i]]))
            for j in 0..<n { rowMajor.append(try double(a[i, j] * scale, "A[\(i + 1), \(j + 1)]")) }
            bDouble.append(try double(b[i] * scale, "b[\(i + 1)]"))
        }
        let costScale = Rational(Self.commonDenominator(c))
        var cDouble: [Double] = []
        for j in 0..<n { cDouble.append(try double(c[j] * costScale, "c[\(j + 1)]")) }

        switch _GLPKExactSimplex.solve(rowMajor: rowMajor, rows: m, columns: n, b: bDouble, c: cDouble) {
        case .infeasible: throw .infeasible(inputExact: exact)
        case .unbounded: throw .unbounded(inputExact: exact)
        case let .failed(code, status): throw .solverFailed(code: code, status: status)
        case let .optimal(basicColumns, basicRows):
            return try certify(basicColumns: basicColumns, basicRows: basicRows, inputExact: exact)
        }
    }

    /// Recomputes the basic solution of the basis (basic structural columns J, basic rows R) exactly and checks it.
    ///
    /// With the nonbasic rows N (|N| = |J|, their constraints active) and nonbasic columns at 0:
    /// A[N, J] x_J = b[N], and λ = 0 on R with A[N, J]ᵀ λ_N = c_J.
    func certify(basicColumns: [Int], basicRows: [Int], inputExact: Bool) throws(LinearProgramError)
        -> LinearProgramOptimum
    {
        let m = constraintCount, n = variableCount
        let a = constraints
        guard basicColumns.count + basicRows.count == m else {
            throw .invalidBasis("\(basicColumns.count + basicRows.count) basic variables for \(m) constraints")
        }
        let activeRows = (0..<m).filter { !basicRows.contains($0) }
        var x = [Rational](repeating: 0, count: n)
        var lambda = [Rational](repeating: 0, count: m)
        if !basicColumns.isEmpty {
            let basis = Matrix(rows: activeRows.count, columns: basicColumns.count) { i, j in
                a[activeRows[i], basicColumns[j]]
            }
            let xB: [Rational], lambdaN: [Rational]
            do {
                xB = try LUDecomposition(basis).solve(activeRows.map { rightHandSide[$0] })
                lambdaN = try LUDecomposition(basis.transposed()).solve(basicColumns.map { costs[$0] })
            } catch {
                throw .invalidBasis("the basis matrix is singular")
            }
            for (k, j) in basicColumns.enumerated() { x[j] = xB[k] }
            for (k, i) in activeRows.enumerated() { lambda[i] = lambdaN[k] }
        }
        // The certificate, checked from scratch.
        for i in 0..<m {
            var sum = Rational(0)
            for j in 0..<n where !a[i, j].isZero { sum.addProduct(a[i, j], x[j]) }
            guard sum == rightHandSide[i] else { throw .certificateFailed("row \(i + 1) of A x = b fails") }
        }
        if let j = x.firstIndex(where: { $0.isNegative }) {
            throw .certificateFailed("x[\(j + 1)] = \(x[j]) < 0 (primal infeasible)")
        }
        var reduced: [Rational] = []
        for j in 0..<n {
            var d = costs[j]
            for i in 0..<m where !a[i, j].isZero { d.subtractProduct(a[i, j], lambda[i]) }
            guard !d.isNegative else { throw .certificateFailed("reduced cost \(j + 1) is \(d) < 0 (dual infeasible)") }
            reduced.append(d)
        }
        var primal = Rational(0), dualValue = Rational(0)
        for j in 0..<n { primal.addProduct(costs[j], x[j]) }
        for i in 0..<m { dualValue.addProduct(rightHandSide[i], lambda[i]) }
        guard primal == dualValue else { throw .certificateFailed("cᵀx = \(primal) but bᵀλ = \(dualValue)") }
        return LinearProgramOptimum(x: x, objective: primal, dual: lambda, reducedCosts: reduced,
                                    basicColumns: basicColumns.sorted(), inputExact: inputExact)
    }

    /// The least common multiple of the denominators (1 for integers).
    static func commonDenominator(_ values: [Rational]) -> BigInt {
        values.reduce(BigInt(1)) { BigInt.lcm($0, $1.denominator) }
    }
}
