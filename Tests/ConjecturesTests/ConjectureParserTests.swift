import Conjectures
import MultiPrecision
import Symbolic
import Testing

@Suite("Conjecture language: parser and shape checking")
struct ConjectureParserTests {
    @Test("the numeric syntax parses: ∘ .* ⊘ ./, functions, rational exponents, bare ones")
    func numericSyntax() throws {
        let e = try Expression(parsing: "normalize(x ∘ exp(-eta (2 A y - A prev(y))))")
        guard case .function("normalize", let arguments) = e.node, case .hadamard = arguments[0].node else {
            Issue.record("normalize(x ∘ …)"); return
        }
        #expect(try Expression(parsing: "a .* b").formatted(.plain) == Expression(parsing: "a ∘ b").formatted(.plain))
        guard case .entrywiseQuotient = try Expression(parsing: "a ./ b").node else { Issue.record("./"); return }
        guard case .function("pow", let p) = try Expression(parsing: "(1+k)^(3/4)").node,
              case .number(let r) = p[1].node else { Issue.record("^(3/4)"); return }
        #expect(r == Rational(numerator: 3, denominator: 4))
        guard case .function("pow", let q) = try Expression(parsing: "x^-1").node, case .number(let s) = q[1].node else {
            Issue.record("^-1"); return
        }
        #expect(s == Rational(-1))
        guard case .function("ones", let none) = try Expression(parsing: "ones").node else { Issue.record("ones"); return }
        #expect(none.isEmpty)
        #expect(try Expression(parsing: "W^(2)").formatted(.plain) == Expression(parsing: "W^2").formatted(.plain))
    }

    @Test("wrong argument counts name the function and the column")
    func argumentCounts() {
        #expect(throws: ParseError(.wrongArgumentCount(function: "inner", expected: "2", found: 1), at: 4, in: "1 + inner(a)")) {
            try Expression(parsing: "1 + inner(a)")
        }
        #expect(throws: ParseError(.wrongArgumentCount(function: "ones", expected: "0 or 2", found: 1), at: 0, in: "ones(3)")) {
            try Expression(parsing: "ones(3)")
        }
    }

    @Test("symbolic identities reject the numeric constructs, naming them and the column")
    func symbolicRejects() throws {
        let context = Context()
        #expect(throws: SymbolicError.notPolynomial("exp", at: 5..<12)) { try context.evaluate("W1 + exp(W2)") }
        #expect(throws: SymbolicError.notPolynomial("the entrywise product ∘", at: 0..<7)) { try context.evaluate("W1 ∘ W2") }
        let error = SymbolicError.notPolynomial("exp", at: 5..<11)
        #expect(error.description == "exp is not polynomial: symbolic identities use products, sums, transposes and traces (column 6)")
        // Function names are reserved.
        #expect(throws: SymbolicError.invalidName("exp")) {
            var c = Context()
            try c.define("exp", as: "W1")
        }
    }

    static let symbols: [ConjectureSymbol] = [
        .matrix("X", "d0", "m", role: .data), .matrix("Y", "d2", "m", role: .data),
        .matrix("W1", "d1", "d0", role: .variable), .matrix("W2", "d2", "d1", role: .variable),
    ]

    func error(_ loss: String, symbols: [ConjectureSymbol] = symbols) -> ConjectureError? {
        do {
            _ = try ConjectureProgram(symbols: symbols, dynamics: .gradientFlow(loss: loss, over: nil, extra: [:]))
            return nil
        } catch { return error }
    }

    @Test("shape mismatches name both shapes and the column")
    func shapeErrors() {
        #expect(error("1/2 norm2(W1 W2 X - Y)") == ConjectureError(key: "dynamics.gradient-flow", column: 11, message: "shape mismatch in a product: d1×d0 times d2×d1"))
        #expect(error("1/2 norm2(W2 W1 X - X)") == ConjectureError(key: "dynamics.gradient-flow", column: 11, message: "shape mismatch in a difference: d2×m and d0×m"))
        #expect(error("norm2(W2 W1 X - Y) + W1")?.message == "a sum of a scalar and d1×d0; write c I or c ones for a matrix of constants")
        #expect(error("W2 W1 X - Y") == ConjectureError(key: "dynamics.gradient-flow", column: 1, message: "the loss must be a scalar, but it has shape d2×m"))
    }

    @Test("unknown names suggest the closest one; non-differentiable losses name the function's column")
    func nameAndDifferentiability() {
        #expect(error("1/2 norm2(W2 W1 X - Yy)") == ConjectureError(key: "dynamics.gradient-flow", column: 21, message: "unknown name 'Yy' (did you mean Y?)"))
        #expect(error("1/2 norm2(W2 tahn(W1 X) - Y)")?.message == "unknown name 'tahn' (did you mean tanh?)")
        #expect(error("sum(W2 W1 X - Y) + max(W1)") == ConjectureError(key: "dynamics.gradient-flow", column: 20, message: "not differentiable: max(…) in a loss"))
        #expect(error("norm1(W2 W1 X - Y)") == ConjectureError(key: "dynamics.gradient-flow", column: 1, message: "not differentiable: norm1(…) in a loss"))
        #expect(error("1/2 norm2(W2 W1 X - Y") == ConjectureError(key: "dynamics.gradient-flow", column: 22, message: "expected ')' but found the end of the text"))
    }

    @Test("maps and flows: every variable needs an update; prev only in maps; I and ones take their shape from use")
    func dynamicsErrors() throws {
        let symbols: [ConjectureSymbol] = [.matrix("A", 3, 3, role: .data), .vector("x", 3, role: .variable), .vector("y", 3, role: .variable)]
        #expect(throws: ConjectureError(key: "dynamics.map.y", message: "the variable y has no update: add dynamics.map.y")) {
            try ConjectureProgram(symbols: symbols, dynamics: .map(["x": "normalize(x)"]))
        }
        #expect(throws: ConjectureError(key: "dynamics.flow.x", column: 1, message: "prev(…) may appear only in the updates of an explicit map (and their properties)")) {
            try ConjectureProgram(symbols: symbols, dynamics: .flow(["x": "prev(x) - x", "y": "0 y"]))
        }
        #expect(throws: ConjectureError(key: "dynamics.map.A", message: "'A' is constant data, not a variable")) {
            try ConjectureProgram(symbols: symbols, dynamics: .map(["x": "x", "y": "y", "A": "A"]))
        }
        let program = try ConjectureProgram(symbols: symbols, dynamics: .map(["x": "(I + A) x", "y": "1/3 ones + 0 y"]))
        #expect(program.readsPrevious == false)
        #expect(program.updates.map(\.shape) == [Shape(3, 1), Shape(3, 1)])
    }
}
