import AttestTestSupport
import LinearAlgebra
import MultiPrecision
import Testing
@testable import Symbolic

@Suite("TracePolynomial: canonical modulo rotation and transposition; derivative against finite differences")
struct TracePolynomialTests {
    typealias F = Fixtures

    func tr(_ text: String) throws -> TracePolynomial { try TracePolynomial(parsing: text, in: F.context) }

    @Test("Cyclic rotation: tr(W₁W₂E) = tr(W₂EW₁) = tr(EW₁W₂)")
    func rotation() throws {
        #expect(try tr("tr(W1 W2 E)") == tr("tr(W2 E W1)"))
        #expect(try tr("tr(W1 W2 E)") == tr("tr(E W1 W2)"))
        #expect(try tr("tr(W1 W2 E) - tr(E W1 W2)").isZero)
    }

    @Test("Transposition: tr(w) = tr(wᵀ), combined with rotation")
    func transposition() throws {
        #expect(try tr("tr(W1 W2 E)") == tr("tr(E' W2' W1')"))
        #expect(try tr("tr(W1 W2 E)") == tr("tr(W2' W1' E')"))
        #expect(try tr("tr(S W1)") == tr("tr(W1' S)"))
        #expect(try tr("tr(W1')") == tr("tr(W1)"))   // a one-letter word too
    }

    @Test("Different cyclic classes stay different: tr(W₁W₂) ≠ tr(W₁ᵀW₂), tr(W₁W₁W₂W₂) ≠ tr(W₁W₂W₁W₂)")
    func distinctClasses() throws {
        #expect(try tr("tr(W1 W2)") != tr("tr(W1' W2)"))
        #expect(try tr("tr(W1 W1 W2 W2)") != tr("tr(W1 W2 W1 W2)"))
        #expect(try tr("tr(W1 W2 E)") != tr("tr(W2 W1 E)"))
    }

    @Test("The canonical word is the least rotation of the word or its transpose")
    func canonicalWord() {
        let w1 = Letter(F.w1), w2 = Letter(F.w2), e = Letter(F.e)
        #expect(TraceWord(cyclic: Word([w2, w1, e])).word == Word([e, w2, w1]))
        #expect(TraceWord(cyclic: Word([w1.transposed(), w2.transposed()])).word == Word([w1, w2]))
        #expect(TraceWord(cyclic: .empty) == .identity)
    }

    @Test("Linearity, products of traces and scalars: tr(2ηA + B)·tr(B) canonicalizes term by term")
    func arithmetic() throws {
        let a = try tr("tr(2 eta W1 + W2) tr(W2)")
        let b = try tr("2 eta tr(W1) tr(W2) + tr(W2)^2")
        #expect(a == b)
        #expect(a.termCount == 2)
        #expect(try tr("tr(3 I)") == TracePolynomial(3) * TracePolynomial.trace(of: .one))
    }

    @Test("Canonical forms agree with traces of the evaluated matrices (40 random products of traces)")
    func evaluationAgrees() throws {
        var rng = SplitMix64(seed: 0x5EED_0006)
        let check = RandomizedCheck(seed: 11, sizes: 2...3)
        for trial in 0..<40 {
            let p = F.randomPolynomial(&rng, maxTerms: 3, maxLength: 4), q = F.randomPolynomial(&rng, maxTerms: 3, maxLength: 4)
            let a = check.assignment(for: [F.w1, F.w2, F.e, F.s, F.eta, F.lambda], in: F.alphabet, trial: trial)
            let canonical = TracePolynomial.trace(of: p) * TracePolynomial.trace(of: q.transposed())
            // Independently: the traces of the evaluated matrices, with no canonical words involved.
            let direct = (try p.evaluate(at: a)).trace * (try q.evaluate(at: a)).transposed().trace
            #expect(try canonical.evaluate(at: a) == direct)
            #expect(TracePolynomial(terms: canonical, transposingWords: true) == canonical)
        }
    }

    @Test("d/dt tr(P) is the h-coefficient of tr(P(X0 + hV)): 40 random polynomials, exact interpolation")
    func derivativeFiniteDifferences() throws {
        var rng = SplitMix64(seed: 0x5EED_0007)
        let flow = NCPolynomialFlowDerivativeTests.straightFlow
        for trial in 0..<40 {
            let p = F.randomPolynomial(&rng, maxTerms: 3, maxLength: 4)
            let q = F.randomPolynomial(&rng, maxTerms: 2, maxLength: 2)
            let t = TracePolynomial.trace(of: p) * TracePolynomial.trace(of: q)
            let a = NCPolynomialFlowDerivativeTests.instance(seed: UInt64(100 + trial), n: 2)
            let degree = p.degree + q.degree + 1
            let samples = try (0...degree).map { h throws(SymbolicError) in
                try t.evaluate(at: NCPolynomialFlowDerivativeTests.moved(a, by: Rational(h)))
            }
            #expect(Interpolation.linearCoefficient(samples) == (try t.derivative(along: flow).evaluate(at: a)))
        }
    }

    @Test("Printing: −2tr(E W₁ᵀW₂ᵀ) and its LaTeX")
    func printing() throws {
        let p = try tr("-2 tr(W2 W1 E')")
        #expect(p.description == "−2tr(E W₁ᵀW₂ᵀ)")
        #expect(p.plainText == "-2 tr(E W1' W2')")
        #expect(p.latex == "-2 \\mathrm{tr}(E W_1^\\top W_2^\\top)")
        #expect(try tr(p.description) == p)
        #expect(try tr(p.plainText) == p)
    }
}

extension TracePolynomial {
    /// The same polynomial with every trace's word transposed (a different representative of each class).
    init(terms p: TracePolynomial, transposingWords: Bool) {
        self.init()
        for term in p.terms {
            var product = TracePolynomial(TraceMonomial(scalars: term.monomial.scalars), coefficient: term.coefficient)
            for t in term.monomial.traces {
                product = product * TracePolynomial.trace(of: NCPolynomial(Monomial(word: transposingWords ? t.word.transposed() : t.word)))
            }
            self += product
        }
    }
}
