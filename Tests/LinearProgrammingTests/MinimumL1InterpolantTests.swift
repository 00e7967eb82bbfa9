import LinearAlgebra
import LinearProgramming
import MultiPrecision
import Testing

/// The minimum-ℓ1 interpolants of docs/theory.md §4.5, with the values stated there.
@Suite struct MinimumL1InterpolantTests {
    private func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    @Test func referenceInstanceHasTheUniqueMinimizerOfTheory() throws {
        // docs/theory.md §4.5: x_ℓ1 = (0, 0, 0, 7/5, −1/5), ‖x_ℓ1‖₁ = 8/5, certificate λ = (3/5, −1/5) with
        // Aᵀλ = (0.6, −0.2, 0.8, 1, −1): slack 1 − 0.8 = 1/5.
        let l1 = try MinimumL1Interpolant(a: [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]], y: [3, 1])
        #expect(l1.x == [0, 0, 0, r(7, 5), r(-1, 5)])
        #expect(l1.norm == r(8, 5))
        #expect(l1.uniqueness == .unique(certificate: [r(3, 5), r(-1, 5)], slack: r(1, 5)))
    }

    @Test func oppositeColumnsMakeTheMinimizerNonUnique() throws {
        // docs/theory.md §4.5 caution: with column 5 = −column 3 the minimizers form a segment, e.g.
        // (0, 0, 1/3, 4/3, 0) and (0, 0, 1/6, 4/3, −1/6), both of ℓ1 norm 5/3.
        let l1 = try MinimumL1Interpolant(a: [[1, 0, 1, 2, -1], [0, 1, -1, 1, 1]], y: [3, 1])
        #expect(l1.norm == r(5, 3))
        #expect(!l1.uniqueness.isUnique)
    }

    @Test func dependentSupportColumnsAreDetected() throws {
        // Columns 1 and 2 are equal: x1 + x2 = 1 has the minimizers (t, 1 − t), t ∈ [0, 1], all of norm 1.
        // Whichever vertex GLPK returns, S has one column; the certificate λ = 1 gives |A_jᵀλ| = 1 off S.
        let l1 = try MinimumL1Interpolant(a: [[1, 1]], y: [1])
        #expect(l1.norm == 1)
        #expect(l1.uniqueness == .noStrictCertificate)
    }

    @Test func inconsistentSystemIsInfeasible() {
        // Two equal rows with different right-hand sides: no interpolant at all.
        #expect(throws: LinearProgramError.infeasible(inputExact: true)) {
            try MinimumL1Interpolant(a: [[1, 1], [1, 1]], y: [1, 2])
        }
    }
}
