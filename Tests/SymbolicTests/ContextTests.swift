import MultiPrecision
import Testing
@testable import Symbolic

@Suite("Context: declarations, shape checking, definitions, flows and steps")
struct ContextTests {
    /// W1: d1×d0, W2: d2×d1, E: d2×d0, S: d1×d1 symmetric, eta scalar (strict).
    static var shaped: Context {
        var a = Alphabet(strict: true)
        try! a.declare(.matrix("W1"), shape: Shape("d1", "d0"))
        try! a.declare(.matrix("W2"), shape: Shape("d2", "d1"))
        try! a.declare(.matrix("E"), shape: Shape("d2", "d0"))
        try! a.declare(.symmetric("S"), shape: Shape("d1", "d1"))
        try! a.declare(.scalar("eta"))
        return Context(alphabet: a)
    }

    @Test("Well-formed products get their shapes")
    func shapes() throws {
        let c = Self.shaped
        #expect(try c.shape(of: Expression(parsing: "W2 W1")) == Shape("d2", "d0"))
        #expect(try c.shape(of: Expression(parsing: "W2' E")) == Shape("d1", "d0"))
        #expect(try c.shape(of: Expression(parsing: "W1 W1' + S + 2")) == Shape("d1", "d1"))
        #expect(try c.shape(of: Expression(parsing: "tr(W1' W1)")) == nil)
        #expect(try c.shape(of: Expression(parsing: "eta^2")) == nil)
    }

    @Test("Ill-formed products, sums, traces and powers are errors that name the place", arguments: [
        ("W1 W2", SymbolicError.shapeMismatch(operation: "a product", left: Shape("d1", "d0"), right: Shape("d2", "d1"), at: 0..<5)),
        ("W2 W1 + W1", .shapeMismatch(operation: "a sum", left: Shape("d2", "d0"), right: Shape("d1", "d0"), at: 0..<10)),
        ("tr(W1)", .notSquare(operation: "a trace", shape: Shape("d1", "d0"), at: 0..<6)),
        ("W1^2", .notSquare(operation: "a power", shape: Shape("d1", "d0"), at: 0..<4)),
        ("W1 + 1", .notSquare(operation: "adding a multiple of I", shape: Shape("d1", "d0"), at: 0..<6)),
        ("W1 X", .undeclaredName("X", at: 3..<4)),
        ("tr(W1' W1 + I)", .ambiguousIdentityTrace(Shape("d0", "d0"), at: 0..<14)),
        ("tr(W1' W1) W1", .traceAndMatrix(operation: "a product", at: 0..<13)),
        ("W1 / W1", .invalidDivision(at: 5..<7)),
        ("W1 / 0", .invalidDivision(at: 5..<6)),
        ("d/dt(W1)", .noFlow(at: 0..<8)),
        ("step(W1)", .noStep(at: 0..<8)),
        ("coeff(W1, W2, 1)", .invalidCoefficient("'W₂' is not a scalar symbol", at: 0..<16)),
    ])
    func errors(text: String, expected: SymbolicError) {
        #expect(throws: expected) { try Self.shaped.evaluate(text) }
    }

    @Test("Error messages say what and where")
    func messages() {
        do {
            _ = try Self.shaped.evaluate("W2 W1 + W1 W2")
        } catch {
            #expect(error.description == "shapes do not fit in a product: d1×d0 and d2×d1 (column 9)")
        }
    }

    @Test("Declarations: duplicates, reserved names, symmetric shapes")
    func declarations() {
        var a = Alphabet()
        #expect(throws: Never.self) { try a.declare(.matrix("W")) }
        #expect(throws: SymbolicError.duplicateName("W")) { try a.declare(.symmetric("W")) }
        #expect(throws: SymbolicError.notSquare(operation: "the symmetric symbol S", shape: Shape("a", "b"), at: nil)) {
            try a.declare(.symmetric("S"), shape: Shape("a", "b"))
        }
        var c = Context(alphabet: a)
        #expect(throws: SymbolicError.invalidName("tr")) { try c.define("tr", as: "W") }
        #expect(throws: SymbolicError.duplicateName("W")) { try c.define("W", as: "W W") }
    }

    @Test("Definitions expand; flows and steps check their symbols and shapes")
    func definitionsFlowsSteps() throws {
        var c = Self.shaped
        try c.define("G1", as: "W2' E")
        try c.define("G2", as: "E W1'")
        #expect(c.definition(named: "G1")?.shape == Shape("d1", "d0"))
        #expect(try c.evaluate("G1 - W2' E").isZero)
        #expect(throws: SymbolicError.invalidDeclaration("the rate of W₁ has shape d2×d1, but W₁ is d1×d0")) {
            try c.setFlow([("W1", "-G2")])
        }
        #expect(throws: SymbolicError.invalidDeclaration("η is a scalar symbol and cannot have a rate")) {
            try c.setFlow([("eta", "1")])
        }
        #expect(throws: SymbolicError.undeclaredName("X", at: nil)) { try c.setFlow([("X", "W1")]) }
        try c.setFlow([("W1", "-G1"), ("W2", "-G2")])
        // E is opaque: its derivative is unknown.
        #expect(throws: SymbolicError.missingRate(Symbol.matrix("E"))) { try c.evaluate("d/dt(G1)") }
        #expect(try c.evaluate("d/dt(W2' W2 - W1 W1')").isZero)
        try c.setStep([("W1", "W1 - eta G1"), ("W2", "W2 - eta G2")])
        #expect(try c.evaluate("coeff(step(W2' W2 - W1 W1'), eta, 1)").isZero)
        #expect(try c.evaluate("coeff(step(W2' W2 - W1 W1'), eta, 2) - (G2' G2 - G1 G1')").isZero)
    }

    @Test("symbols(in:) follows definitions, and the flow or step only where d/dt or step occurs")
    func symbolsClosure() throws {
        var c = Self.shaped
        try c.define("G1", as: "W2' E")
        try c.setFlow([("W1", "-G1")], constants: [])
        try c.setStep([("W1", "W1 - eta W1")])
        #expect(c.symbols(in: [try Equation(parsing: "W1 = W1")]).map(\.name) == ["W1"])
        #expect(c.symbols(in: [try Equation(parsing: "G1 = 0")]).map(\.name) == ["W2", "E"])
        #expect(c.symbols(in: [try Equation(parsing: "d/dt(W1) = 0")]).map(\.name) == ["W1", "W2", "E"])
        #expect(c.symbols(in: [try Equation(parsing: "step(W1) = 0")]).map(\.name) == ["W1", "eta"])
    }
}
