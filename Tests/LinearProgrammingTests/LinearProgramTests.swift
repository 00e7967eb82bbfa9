import LinearAlgebra
import LinearProgramming
import MultiPrecision
import Testing

/// Exact optima worked out by hand (each comment gives the vertex and the dual that prove it).
@Suite struct LinearProgramTests {
    private func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    @Test func oneConstraintPicksTheCheaperColumn() throws {
        // min x1 + x2, x1 + 2x2 = 2: x2 costs 1/2 per unit of b. λ = 1/2, reduced costs (1/2, 0).
        let optimum = try LinearProgram(minimizing: [1, 1], subjectTo: [[1, 2]], equals: [2]).solve()
        #expect(optimum.x == [0, 1])
        #expect(optimum.objective == 1)
        #expect(optimum.dual == [r(1, 2)])
        #expect(optimum.reducedCosts == [r(1, 2), 0])
        #expect(optimum.basicColumns == [1])
        #expect(optimum.inputExact)
    }

    @Test func twoActiveConstraintsGiveTheFractionalVertex() throws {
        // max x1 + x2 with x1 + 2x2 ≤ 4, 3x1 + x2 ≤ 6 (slacks x3, x4): vertex (8/5, 6/5), value 14/5;
        // λ solves [1 3; 2 1]λ = (−1, −1): λ = (−2/5, −1/5).
        let a: Matrix<Rational> = [[1, 2, 1, 0], [3, 1, 0, 1]]
        let optimum = try LinearProgram(minimizing: [-1, -1, 0, 0], subjectTo: a, equals: [4, 6]).solve()
        #expect(optimum.x == [r(8, 5), r(6, 5), 0, 0])
        #expect(optimum.objective == r(-14, 5))
        #expect(optimum.dual == [r(-2, 5), r(-1, 5)])
        #expect(optimum.reducedCosts == [0, 0, r(2, 5), r(1, 5)])
    }

    @Test func rationalDataIsScaledToExactIntegers() throws {
        // (1/3)x1 + (2/7)x2 = 1: x1 costs 3 per unit, x2 costs 7/2. Row scaled by 21 → 7x1 + 6x2 = 21, exact.
        let a: Matrix<Rational> = [[r(1, 3), r(2, 7)]]
        let optimum = try LinearProgram(minimizing: [1, 1], subjectTo: a, equals: [1]).solve()
        #expect(optimum.x == [3, 0])
        #expect(optimum.dual == [3])
        #expect(optimum.inputExact)
    }

    @Test func redundantRowLeavesAnAuxiliaryVariableBasic() throws {
        // The second row is twice the first, so GLPK's basis keeps one row's auxiliary variable basic.
        // min x1 + 2x2, x1 + x2 = 1: x = (1, 0), value 1.
        let a: Matrix<Rational> = [[1, 1], [2, 2]]
        let optimum = try LinearProgram(minimizing: [1, 2], subjectTo: a, equals: [1, 2]).solve()
        #expect(optimum.x == [1, 0])
        #expect(optimum.objective == 1)
        #expect(optimum.reducedCosts.allSatisfy { !$0.isNegative })
    }

    @Test func dataBeyondFiftyThreeBitsIsRoundedForGLPKButCertifiedExactly() throws {
        // (1 + 2⁻⁶⁰)x1 + 2x2 = 1: scaled by 2⁶⁰ the first entry needs 61 bits, so GLPK sees a rounded copy. x2 costs
        // 1/2 per unit against ≈ 1, so the optimum x = (0, 1/2) is unchanged and the certificate is exact.
        let epsilon = Rational(numerator: 1, denominator: BigInt(1) << 60)
        let a: Matrix<Rational> = [[1 + epsilon, 2]]
        let optimum = try LinearProgram(minimizing: [1, 1], subjectTo: a, equals: [1]).solve()
        #expect(!optimum.inputExact)
        #expect(optimum.x == [0, r(1, 2)])
        #expect(optimum.dual == [r(1, 2)])
    }

    @Test func infeasibleProgramIsAClearError() throws {
        // x1 + x2 = −1 has no solution with x ≥ 0.
        #expect(throws: LinearProgramError.infeasible(inputExact: true)) {
            try LinearProgram(minimizing: [1, 1], subjectTo: [[1, 1]], equals: [-1]).solve()
        }
        let message = LinearProgramError.infeasible(inputExact: true).description
        #expect(message.contains("infeasible"))
    }

    @Test func unboundedProgramIsAClearError() throws {
        // min −x1 with x1 − x2 = 0: the ray (1, 1) lowers the cost without end.
        #expect(throws: LinearProgramError.unbounded(inputExact: true)) {
            try LinearProgram(minimizing: [-1, 0], subjectTo: [[1, -1]], equals: [0]).solve()
        }
    }

    @Test func entriesBeyondTheDoubleRangeAreAClearError() throws {
        // 10⁴⁰⁰ has no double; GLPK would abort on it, so the wrapper refuses it and names the entry.
        let huge = Rational(BigInt(10).power(400))
        let error = #expect(throws: LinearProgramError.self) {
            try LinearProgram(minimizing: [1, 1], subjectTo: [[huge, 1]], equals: [1]).solve()
        }
        #expect(error?.description.contains("A[1, 1]") == true, "\(String(describing: error))")
    }

    @Test func malformedProgramsAreRejected() {
        #expect(throws: LinearProgramError.shapeMismatch(rows: 1, columns: 2, rightHandSide: 2, costs: 2)) {
            try LinearProgram(minimizing: [1, 1], subjectTo: [[1, 1]], equals: [1, 2])
        }
        #expect(throws: LinearProgramError.empty) {
            try LinearProgram(minimizing: [], subjectTo: Matrix(rows: 1, columns: 0) { _, _ in Rational(0) },
                              equals: [1])
        }
    }
}
