import AttestTestSupport
import MultiPrecision
import Testing
@testable import Symbolic

@Suite("NCPolynomial: substitution and the discrete step")
struct NCPolynomialSubstitutionTests {
    typealias F = Fixtures

    @Test("Simultaneous substitution: transposed letters get the transposed replacement")
    func simultaneous() throws {
        let w1 = F.p(F.w1), w2 = F.p(F.w2)
        // Swap W1 and W2 at once: W2 W1ᵀ ↦ W1 W2ᵀ.
        let p = try (w2 * w1.transposed()).substituting([F.w1: w2, F.w2: w1])
        #expect(p == w1 * w2.transposed())
        // Unreplaced symbols stay.
        #expect(try (w1 * F.p(F.e)).substituting([F.w1: w2]) == w2 * F.p(F.e))
    }

    @Test("Substitution is a *-homomorphism on random polynomials")
    func homomorphism() throws {
        var rng = SplitMix64(seed: 0x5EED_0003)
        for _ in 0..<100 {
            let p = F.randomPolynomial(&rng), q = F.randomPolynomial(&rng)
            let map: [Symbol: NCPolynomial] = [F.w1: F.randomPolynomial(&rng, maxTerms: 2, maxLength: 2), F.eta: F.p(F.lambda) + NCPolynomial(2)]
            #expect(try (p * q).substituting(map) == (try p.substituting(map)) * (try q.substituting(map)))
            #expect(try p.transposed().substituting(map) == (try p.substituting(map)).transposed())
        }
    }

    @Test("The step X ↦ X − ηG expands exactly in powers of η: (W − ηG)ᵀ(W − ηG)")
    func stepExpansion() throws {
        let w = F.p(F.w1), g = F.p(F.e), eta = F.p(F.eta)
        let stepped = try (w.transposed() * w).substituting([F.w1: w - eta * g])
        let parts = stepped.expansion(in: F.eta)
        #expect(parts[0] == w.transposed() * w)
        #expect(parts[1] == -(g.transposed() * w + w.transposed() * g))
        #expect(parts[2] == g.transposed() * g)
        #expect(parts.count == 3)
    }

    @Test("Replacing a scalar by a matrix, or a symmetric symbol by a non-symmetric matrix, is an error")
    func invalidReplacements() {
        #expect(throws: SymbolicError.nonScalarReplacement(F.eta)) {
            try F.p(F.eta).substituting([F.eta: F.p(F.w1)])
        }
        #expect(throws: SymbolicError.nonSymmetricReplacement(F.s)) {
            try F.p(F.s).substituting([F.s: F.p(F.w1)])
        }
    }
}
