import AttestTestSupport
import LinearAlgebra
import MultiPrecision
import Testing
@testable import Symbolic

@Suite("NCPolynomial: derivative along a flow (Leibniz rule), checked against exact finite differences")
struct NCPolynomialFlowDerivativeTests {
    typealias F = Fixtures
    static let v1 = Symbol.matrix("V1"), v2 = Symbol.matrix("V2"), ve = Symbol.matrix("VE"), vs = Symbol.symmetric("VS")

    /// Ẇ1 = V1, Ẇ2 = V2, Ė = VE, Ṡ = VS with the V's constant: the flow of the straight path X0 + hV.
    static var straightFlow: Flow {
        try! Flow(rates: [F.w1: NCPolynomial(v1), F.w2: NCPolynomial(v2), F.e: NCPolynomial(ve), F.s: NCPolynomial(vs)],
                  constants: [v1, v2, ve, vs])
    }

    @Test("Leibniz on a word: d/dt(W₂ᵀW₂) = Ẇ₂ᵀW₂ + W₂ᵀẆ₂")
    func leibniz() throws {
        let w2 = F.p(F.w2), v = NCPolynomial(Self.v2)
        let d = try (w2.transposed() * w2).derivative(along: Self.straightFlow)
        #expect(d == v.transposed() * w2 + w2.transposed() * v)
        #expect(d.description == "W₂ᵀV₂ + V₂ᵀW₂")
    }

    @Test("Scalars and constants have zero derivative; an opaque symbol without a rate is an error")
    func constantsAndOpaque() throws {
        let flow = try Flow(rates: [F.w1: NCPolynomial(Self.v1)], constants: [Self.v1])
        #expect(try (F.p(F.eta) * NCPolynomial(Self.v1) + NCPolynomial(7)).derivative(along: flow).isZero)
        #expect(throws: SymbolicError.missingRate(F.e)) { try (F.p(F.w1) * F.p(F.e)).derivative(along: flow) }
        #expect(throws: SymbolicError.scalarRate(F.eta)) { try Flow(rates: [F.eta: F.p(F.w1)]) }
        #expect(throws: SymbolicError.nonSymmetricRate(F.s)) { try Flow(rates: [F.s: F.p(F.w1)]) }
    }

    @Test("Product rule and transpose rule on 100 random polynomials")
    func productRule() throws {
        var rng = SplitMix64(seed: 0x5EED_0004)
        let flow = Self.straightFlow
        for _ in 0..<100 {
            let p = F.randomPolynomial(&rng), q = F.randomPolynomial(&rng)
            let dp = try p.derivative(along: flow), dq = try q.derivative(along: flow)
            #expect(try (p * q).derivative(along: flow) == dp * q + p * dq)
            #expect(try p.transposed().derivative(along: flow) == dp.transposed())
            #expect(try (p + q).derivative(along: flow) == dp + dq)
        }
    }

    /// Random values for W1, W2, E, S, the V's and the scalars, all n×n.
    static func instance(seed: UInt64, n: Int) -> Assignment {
        let check = RandomizedCheck(seed: seed, sizes: n...n)
        return check.assignment(for: [F.w1, F.w2, F.e, F.s, F.eta, F.lambda, v1, v2, ve, vs], in: Alphabet(), trial: 0)
    }

    /// X(h) = X0 + h·V for every matrix symbol with a straight-line rate.
    static func moved(_ a: Assignment, by h: Rational) -> Assignment {
        var b = a
        for (x, v) in [(F.w1, v1), (F.w2, v2), (F.e, ve), (F.s, vs)] {
            b.matrices[x] = a.matrices[x]! + h * a.matrices[v]!
        }
        return b
    }

    @Test("d/dt P at X0 is the exact coefficient of h in P(X0 + hV): 60 random polynomials, exact interpolation")
    func finiteDifferencesExact() throws {
        var rng = SplitMix64(seed: 0x5EED_0005)
        for trial in 0..<60 {
            let p = F.randomPolynomial(&rng, maxTerms: 4, maxLength: 4)
            let a = Self.instance(seed: UInt64(trial), n: 2 + trial % 2)
            // P(X0 + hV) is a polynomial in h of degree ≤ deg P: sample it at h = 0…deg+1.
            let samples = try (0...(p.degree + 1)).map { h throws(SymbolicError) in try p.evaluate(at: Self.moved(a, by: Rational(h))) }
            let slope = Interpolation.linearCoefficient(samples)
            let symbolic = try p.derivative(along: Self.straightFlow).evaluate(at: a)
            #expect(slope == symbolic, "P = \(p)")
        }
    }

    @Test("Exact difference quotients converge linearly: [P(X0 + hV) − P(X0)]/h − Ṗ = O(h)")
    func differenceQuotients() throws {
        let p = try NCPolynomial(parsing: "W2' W2 E - S W1 W1' + eta W1 S W2", in: F.context)
        let a = Self.instance(seed: 99, n: 3)
        let derivative = try p.derivative(along: Self.straightFlow).evaluate(at: a)
        let p0 = try p.evaluate(at: a)
        var errors: [Rational] = []
        for k in 2...5 {
            let h = Rational(1) / Rational(10).power(k)
            let quotient = (try p.evaluate(at: Self.moved(a, by: h)) - p0) / h
            errors.append((quotient - derivative).maxAbs)
        }
        #expect(errors.allSatisfy { !$0.isZero })
        // Each tenfold smaller h gives (within 1 %) a tenfold smaller error: the remainder is h·P₂ + h²·P₃ + ….
        for (coarse, fine) in zip(errors, errors.dropFirst()) {
            let ratio = coarse / fine
            #expect(ratio > Rational(99) / Rational(10) && ratio < Rational(101) / Rational(10), "ratio \(ratio)")
        }
    }

    @Test("A rate that depends on the state: d/dt P = the h-coefficient of P(X0 + h·F(X0))")
    func stateDependentRate() throws {
        // Gradient flow of f(W2 W1) with opaque E held at its value at X0: Ẇ1 = −W2ᵀE, Ẇ2 = −E W1ᵀ.
        let w1 = F.p(F.w1), w2 = F.p(F.w2), e = F.p(F.e)
        let rates = [F.w1: -(w2.transposed() * e), F.w2: -(e * w1.transposed())]
        let flow = try Flow(rates: rates, constants: [F.e])
        let p = w2 * w1 * w1.transposed() + w2.transposed() * w2 * w2
        let a = Self.instance(seed: 5, n: 3)
        var samples: [Matrix<Rational>] = []
        for h in 0...4 {
            var b = a
            for (x, rate) in rates { b.matrices[x] = a.matrices[x]! + Rational(h) * (try rate.evaluate(at: a)) }
            samples.append(try p.evaluate(at: b))
        }
        #expect(Interpolation.linearCoefficient(samples) == (try p.derivative(along: flow).evaluate(at: a)))
    }
}
