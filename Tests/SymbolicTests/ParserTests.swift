import MultiPrecision
import Testing
@testable import Symbolic

@Suite("Parser: the claim-file syntax and its errors")
struct ParserTests {
    typealias F = Fixtures

    @Test("Every spelling of the balancedness matrix parses to W₂ᵀW₂ − W₁W₁ᵀ", arguments: [
        "W2ᵀ*W2 - W1*W1ᵀ", "W2' W2 - W1 W1'", "transpose(W2)*W2 - W1*transpose(W1)", "W₂ᵀW₂ − W₁W₁ᵀ",
        "W2^T W2 - W1 W1^T", "W_2' · W_2 − W_1 ⋅ W_1⊤", "  W2'W2-W1W1'  ", "-(W1 W1') + W2' W2",
    ])
    func spellings(text: String) throws {
        let p = try NCPolynomial(parsing: text, in: F.context)
        #expect(p.description == "W₂ᵀW₂ − W₁W₁ᵀ")
    }

    @Test("Precedence: products bind tighter than sums, unary minus, powers and postfix operators")
    func precedence() throws {
        let c = F.context
        #expect(try NCPolynomial(parsing: "W1 + W2 W1", in: c) == F.p(F.w1) + F.p(F.w2) * F.p(F.w1))
        #expect(try NCPolynomial(parsing: "-W1 W2", in: c) == -(F.p(F.w1) * F.p(F.w2)))
        #expect(try NCPolynomial(parsing: "W1 - W2 - E", in: c) == F.p(F.w1) - F.p(F.w2) - F.p(F.e))
        #expect(try NCPolynomial(parsing: "(W2 W1)'", in: c) == F.p(F.w1).transposed() * F.p(F.w2).transposed())
        #expect(try NCPolynomial(parsing: "W2 W1'", in: c) == F.p(F.w2) * F.p(F.w1).transposed())
        #expect(try NCPolynomial(parsing: "W1^2 W2", in: c) == F.p(F.w1) * F.p(F.w1) * F.p(F.w2))
        #expect(try NCPolynomial(parsing: "W1²'", in: c) == (F.p(F.w1) * F.p(F.w1)).transposed())
        #expect(try NCPolynomial(parsing: "3/2 eta^2 W1", in: c)
                == (Rational(3) / Rational(2)) * F.p(F.eta) * F.p(F.eta) * F.p(F.w1))
        #expect(try NCPolynomial(parsing: "W1 / 4 + 0.25 W2", in: c) == (Rational(1) / Rational(4)) * (F.p(F.w1) + F.p(F.w2)))
        #expect(try NCPolynomial(parsing: "W1 * -W2", in: c) == -(F.p(F.w1) * F.p(F.w2)))
        #expect(try NCPolynomial(parsing: "W1 + 2", in: c) == F.p(F.w1) + NCPolynomial(2))
        #expect(try NCPolynomial(parsing: "2 I - W1^0", in: c) == .one)
    }

    @Test("Names: Greek letters, subscripts, lenient defaults (lowercase Greek is scalar)")
    func names() throws {
        let lenient = Context()
        let p = try NCPolynomial(parsing: "η W1 + λ₂ X + Grad12", in: lenient)
        #expect(p.symbols == [Symbol.scalar("eta"), Symbol.matrix("W1"), Symbol.scalar("lambda2"), Symbol.matrix("X"),
                              Symbol.matrix("Grad12")])
        #expect(try NCPolynomial(parsing: "eta W1", in: lenient) == p.coefficient(of: Symbol.scalar("eta"), power: 1) * F.p(F.eta))
    }

    @Test("d/dt, step, ⁺ and coeff parse into their nodes")
    func operators() throws {
        guard case .derivative(let inner) = try Expression(parsing: "d/dt(W2' W2)").node else { Issue.record("d/dt"); return }
        #expect(inner.formatted(.plain) == "W2' W2")
        guard case .derivative = try Expression(parsing: "ddt(W1)").node else { Issue.record("ddt"); return }
        guard case .step = try Expression(parsing: "(W1 W1')⁺").node else { Issue.record("⁺"); return }
        guard case .step = try Expression(parsing: "step(W1)").node else { Issue.record("step"); return }
        guard case .coefficient(_, let symbol, let k) = try Expression(parsing: "coeff(step(W1), η, 2)").node else {
            Issue.record("coeff"); return
        }
        #expect(symbol == "eta" && k == 2)
        guard case .product(let a, _) = try Expression(parsing: "d/dt(W1) W2").node, case .derivative = a.node else {
            Issue.record("d/dt binds to the next factor"); return
        }
        // `d` alone is an ordinary name.
        #expect(try Expression(parsing: "d W1").names == ["d", "W1"])
    }

    @Test("Source ranges point at the characters of each node")
    func ranges() throws {
        let e = try Expression(parsing: "W1 + tr(W2 E)")
        guard case .sum(let a, let b) = e.node else { Issue.record("sum"); return }
        #expect(a.range == 0..<2)
        #expect(b.range == 5..<13)
        #expect(e.range == 0..<13)
    }

    @Test("Parse errors name their position", arguments: [
        ("W2' W2 - (W1 W1'", 16, "column 17: expected ')' but found the end of the text"),
        ("W2 $ W1", 3, "column 4: unexpected character '$'"),
        ("W2 +", 4, "column 5: expected a symbol, a number or '(' but found the end of the text"),
        ("W_ + 1", 0, "column 1: 'W_' is not a valid name"),
        ("X^y", 2, "column 3: the exponent 'y' is not a non-negative integer or T"),
        ("tr W1", 3, "column 4: expected '(' after tr but found 'W1'"),
        ("W1 W2) + E", 5, "column 6: expected the end of the text (unbalanced ')') but found ')'"),
        ("coeff(W1, 2, 1)", 10, "column 11: expected a scalar symbol but found '2'"),
        ("1.2.3", 0, "column 1: '1.2.3' is not a number"),
        ("   ", 0, "column 1: the text is empty"),
        ("W1 + * W2", 5, "column 6: expected a symbol, a number or '(' but found '*'"),
    ])
    func errors(text: String, position: Int, message: String) {
        do {
            _ = try Parser.expression(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.position == position)
            #expect(error.description == message)
            #expect(error.pointer.hasSuffix("\n" + String(repeating: " ", count: position) + "^"))
        }
    }

    @Test("Equations need exactly one '='")
    func equations() throws {
        let eq = try Equation(parsing: "W2 W1 = W1 W2")
        #expect(eq.lhs.formatted(.plain) == "W2 W1")
        #expect(eq.rhs.formatted(.plain) == "W1 W2")
        #expect(throws: ParseError(.unexpectedEnd(expected: "'='"), at: 5, in: "W2 W1")) { try Equation(parsing: "W2 W1") }
        #expect(throws: ParseError.self) { try Equation(parsing: "A = B = C") }
    }

    @Test("Parentheses nested beyond the limit are an error, not a stack overflow (found by make fuzz)")
    func deepNesting() throws {
        let limit = Parser.maximumNesting
        let fits = String(repeating: "(", count: limit) + "W1" + String(repeating: ")", count: limit)
        #expect(try Expression(parsing: fits).formatted(.plain) == "W1")
        let deep = String(repeating: "(", count: 100_000) + "W1"
        #expect(throws: ParseError(.nestedTooDeeply(limit: limit), at: limit, in: deep)) { try Expression(parsing: deep) }
        #expect(throws: ParseError.self) { try Equation(parsing: "tr(" + deep + ") = 0") }
    }
}
