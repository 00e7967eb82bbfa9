import AttestTestSupport
import MultiPrecision
import Testing
@testable import Symbolic

@Suite("Printing in Unicode, plain text and LaTeX, and parse–print round trips")
struct PrintingTests {
    typealias F = Fixtures

    @Test("The issue's example: W₂ᵀW₂ − W₁W₁ᵀ and W_2^\\top W_2 - W_1 W_1^\\top")
    func balancedness() throws {
        let p = try NCPolynomial(parsing: "W2' W2 - W1 W1'", in: F.context)
        #expect(p.description == "W₂ᵀW₂ − W₁W₁ᵀ")
        #expect(p.plainText == "W2' W2 - W1 W1'")
        #expect(p.latex == "W_2^\\top W_2 - W_1 W_1^\\top")
    }

    @Test("Coefficients, scalars, the identity and ambiguous juxtapositions")
    func terms() throws {
        let p = try NCPolynomial(parsing: "3/2 eta^2 W1 + 2 - E W1' - eta", in: F.context)
        #expect(p.description == "−E W₁ᵀ + 2I − ηI + (3/2)η²W₁")
        #expect(p.plainText == "-E W1' + 2 I - eta I + (3/2) eta^2 W1")
        #expect(p.latex == "-E W_1^\\top + 2 I - \\eta I + \\frac{3}{2} \\eta^{2} W_1")
        #expect(NCPolynomial.zero.description == "0")
        #expect(NCPolynomial(Rational(-1) / Rational(3)).latex == "-\\frac{1}{3} I")
    }

    @Test("Round trips: parsing the Unicode and the plain text of 300 random polynomials gives them back")
    func roundTrips() throws {
        var rng = SplitMix64(seed: 0x5EED_0008)
        for _ in 0..<300 {
            let p = F.randomPolynomial(&rng, maxTerms: 5, maxLength: 4)
            #expect(try NCPolynomial(parsing: p.description, in: F.context) == p, "\(p)")
            #expect(try NCPolynomial(parsing: p.plainText, in: F.context) == p, "\(p.plainText)")
        }
        for _ in 0..<100 {
            let t = F.randomTracePolynomial(&rng)
            #expect(try TracePolynomial(parsing: t.description, in: F.context) == t, "\(t)")
            #expect(try TracePolynomial(parsing: t.plainText, in: F.context) == t, "\(t.plainText)")
        }
    }

    @Test("Expressions print as written, with the parentheses they need", arguments: [
        ("d/dt(W2' W2 - W1 W1')", "d/dt(W₂ᵀW₂ − W₁W₁ᵀ)", "\\frac{d}{dt}\\left(W_2^\\top W_2 - W_1 W_1^\\top\\right)"),
        ("step(W2' W2) - W2' W2", "(W₂ᵀW₂)⁺ − W₂ᵀW₂", "\\left(W_2^\\top W_2\\right)^{+} - W_2^\\top W_2"),
        ("eta^2 (G2' G2 - G1 G1')", "η²(G₂ᵀG₂ − G₁G₁ᵀ)", "\\eta^{2} \\left(G_2^\\top G_2 - G_1 G_1^\\top\\right)"),
        ("transpose(W3 W2) E", "(W₃W₂)ᵀE", "\\left(W_3 W_2\\right)^\\top E"),
        ("d/dt tr(W1' W1)", "d/dt(tr(W₁ᵀW₁))", "\\frac{d}{dt} \\mathrm{tr}(W_1^\\top W_1)"),
        ("coeff(step(W1), eta, 1)", "coeff(W₁⁺, η, 1)", "[\\eta^{1}]\\left(W_1^{+}\\right)"),
        ("3/2 W1 - (W2 - E)", "(3/2)W₁ − (W₂ − E)", "\\frac{3}{2} W_1 - \\left(W_2 - E\\right)"),
        ("W1'^2", "W₁ᵀ²", "{W_1^\\top}^{2}"),
        ("E W1 (-W2)", "E W₁(−W₂)", "E W_1 \\left(-W_2\\right)"),
    ])
    func expressions(text: String, unicode: String, latex: String) throws {
        let e = try Expression(parsing: text)
        #expect(e.description == unicode)
        #expect(e.latex == latex)
        // Printing and parsing again gives an expression with the same value.
        var c = F.context
        try c.define("G1", as: "W2' E")
        try c.define("G2", as: "E W1'")
        try c.setFlow([("W1", "-G1"), ("W2", "-G2")])
        try c.setStep([("W1", "W1 - eta G1"), ("W2", "W2 - eta G2")])
        if let value = try? c.evaluate(e) {
            #expect(try c.evaluate(e.description) == value)
            #expect(try c.evaluate(e.formatted(.plain)) == value)
        }
    }

    @Test("Declarations print as Ẇ₁ = −G₁, \\dot{W}_1 = -G_1 and W₁⁺ = W₁ − ηG₁")
    func declarations() throws {
        var c = Context()
        try c.define("G1", as: "W2' E")
        try c.setFlow([("W1", "-G1")])
        try c.setStep([("W1", "W1 - eta G1")])
        #expect(c.declarations(.unicode) == ["G₁ = W₂ᵀE", "Ẇ₁ = −G₁", "W₁⁺ = W₁ − ηG₁"])
        #expect(c.declarations(.latex) == ["G_1 = W_2^\\top E", "\\dot{W}_1 = -G_1", "W_1^{+} = W_1 - \\eta G_1"])
        #expect(c.declarations(.plain) == ["G1 = W2' E", "d/dt(W1) = -G1", "step(W1) = W1 - eta G1"])
    }
}
