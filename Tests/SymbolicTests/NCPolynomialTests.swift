import AttestTestSupport
import MultiPrecision
import Testing
@testable import Symbolic

@Suite("NCPolynomial: canonical form and the laws of the free *-algebra")
struct NCPolynomialTests {
    typealias F = Fixtures

    @Test("Like terms are collected and zero terms dropped")
    func canonicalForm() {
        let w1 = F.p(F.w1), w2 = F.p(F.w2)
        let p = w2 * w1 + Rational(3) * (w2 * w1) - w1 * w2 - Rational(4) * (w2 * w1)
        #expect(p == -(w1 * w2))
        #expect(p.termCount == 1)
        #expect(p.coefficient(of: Monomial(word: Word([Letter(F.w1), Letter(F.w2)]))) == -1)
        #expect((w1 - w1).isZero)
        #expect(NCPolynomial(terms: [(Monomial.one, Rational(2)), (Monomial.one, Rational(-2))]).isZero)
        #expect(NCPolynomial(0).isZero)
    }

    @Test("Scalars are central and collect in front; symmetric symbols are their own transpose")
    func centralScalarsAndSymmetry() {
        let eta = F.p(F.eta), w1 = F.p(F.w1), s = F.p(F.s)
        #expect(eta * w1 == w1 * eta)
        #expect((w1 * eta * w1).description == "ηW₁W₁")
        #expect(s.transposed() == s)
        #expect((s * w1).transposed() == w1.transposed() * s)
        #expect(eta.isScalar && !w1.isScalar)
    }

    @Test("The noncommutative product keeps order: W₂W₁ ≠ W₁W₂")
    func noncommutative() {
        let w1 = F.p(F.w1), w2 = F.p(F.w2)
        #expect(w2 * w1 != w1 * w2)
        #expect((w2 * w1 - w1 * w2).description == "W₂W₁ − W₁W₂")
    }

    @Test("Powers, degree and symbols")
    func powersAndDegree() {
        let w1 = F.p(F.w1), one = NCPolynomial.one
        let p = (w1 + one).power(3)
        #expect(p == w1 * w1 * w1 + Rational(3) * (w1 * w1) + Rational(3) * w1 + one)
        #expect(p.degree == 3)
        #expect(p.termCount == 4)
        #expect(w1.power(0) == one)
        #expect((F.p(F.eta) * w1 * F.p(F.e)).symbols == [F.eta, F.w1, F.e])
    }

    @Test("Ring laws hold on 200 random polynomials (seeded)")
    func ringLaws() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        for _ in 0..<200 {
            let p = F.randomPolynomial(&rng), q = F.randomPolynomial(&rng), r = F.randomPolynomial(&rng)
            #expect((p + q) + r == p + (q + r))
            #expect(p + q == q + p)
            #expect((p * q) * r == p * (q * r))
            #expect(p * (q + r) == p * q + p * r)
            #expect((p + q) * r == p * r + q * r)
            #expect(p - p == .zero)
            #expect(p * .one == p && NCPolynomial.one * p == p)
            #expect((p * .zero).isZero)
            let c = Rational(Int.random(in: -5...5, using: &rng)) / Rational(7)
            #expect(c * (p + q) == c * p + c * q)
            #expect(c * (p * q) == (c * p) * q)
        }
    }

    @Test("Transpose laws on 200 random polynomials: involution, (PQ)ᵀ = QᵀPᵀ, linearity")
    func transposeLaws() {
        var rng = SplitMix64(seed: 0x5EED_0002)
        for _ in 0..<200 {
            let p = F.randomPolynomial(&rng), q = F.randomPolynomial(&rng)
            #expect(p.transposed().transposed() == p)
            #expect((p * q).transposed() == q.transposed() * p.transposed())
            #expect((p + q).transposed() == p.transposed() + q.transposed())
            #expect((p * p.transposed()).isSymmetric)
            #expect((p + p.transposed()).isSymmetric)
        }
    }

    @Test("Terms come out in canonical order (scalars ascending, longer words first)")
    func termOrder() throws {
        let p = try NCPolynomial(parsing: "2 + W1 + eta^2 W1 W2 + eta W2' W2 - W1 W1'", in: F.context)
        #expect(p.terms.map { $0.monomial.scalars.degree } == [0, 0, 0, 1, 2])
        #expect(p.description == "−W₁W₁ᵀ + W₁ + 2I + ηW₂ᵀW₂ + η²W₁W₂")
    }

    @Test("Expansion in powers of a scalar and the coefficient of ηᵏ")
    func expansion() throws {
        let p = try NCPolynomial(parsing: "W1 + eta W2 + eta^2 (W1 W2 - lambda W2) + 3 eta^2 lambda W2", in: F.context)
        let parts = p.expansion(in: F.eta)
        #expect(parts.keys.sorted() == [0, 1, 2])
        #expect(parts[0] == F.p(F.w1))
        #expect(parts[1] == F.p(F.w2))
        #expect(parts[2] == F.p(F.w1) * F.p(F.w2) + Rational(2) * F.p(F.lambda) * F.p(F.w2))
        #expect(p.coefficient(of: F.eta, power: 3).isZero)
    }
}
