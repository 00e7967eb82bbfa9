import Conjectures
import Dynamics
import MultiPrecision
import Symbolic
import Testing

/// Seeded random token sequences through the whole core: parse, check, differentiate, bind, evaluate in BigFloat,
/// exactly and in Double, and trace into a Taylor tape. Every input must be accepted or rejected with an error;
/// nothing may crash.
@Suite("Conjecture language: random expressions never crash")
struct ConjectureRobustnessTests {
    static let tokens = ["W", "A", "x", "eta", "t", "(", ")", "+", "-", " ", "*", "/", "∘", "⊘", "'", "^2", "^(1/2)", "^-1",
                         "exp(", "log(", "tanh(", "sigmoid(", "sqrt(", "sum(", "norm2(", "inner(", ",", "max(", "abs(",
                         "ones", "I", "tr(", "inv(", "solve(", "1", "0", "1/2", "relu(", "normalize(", "rowsum(", "initial("]

    @Test("20000 seeded token sequences")
    func randomExpressions() throws {
        var generator = SeededGenerator(seed: 7)
        var program = try ConjectureProgram(
            symbols: [.matrix("A", "n", "n", role: .data), .vector("x", "n", role: .variable), .matrix("W", "n", "n", role: .variable)],
            parameters: ["eta"], dynamics: .flow(["x": "-(A x)", "W": "W' - W"]))
        var compiled: [ConjectureExpression] = []
        var rejected = 0
        for _ in 0..<20000 {
            let count = generator.uniform(in: 1...10)
            let text = (0..<count).map { _ in Self.tokens[generator.uniform(in: 0...(Self.tokens.count - 1))] }.joined()
            do {
                let e = try program.compile(observable: text, key: "fuzz")
                compiled.append(e)
                if e.isScalar { _ = try? program.gradient(of: e, withRespectTo: "W") }
                _ = try? program.timeDerivative(of: e)
                _ = program.polynomialForm(of: e)
            } catch {
                rejected += 1
                #expect(error.column == nil || error.column! >= 1)
            }
        }
        print("random expressions: \(compiled.count) compiled, \(rejected) rejected")
        #expect(compiled.count > 300)
        #expect(rejected > 10_000)
        let bound = try program.bind(dimensions: ["n": 2], parameters: ["eta": Rational(numerator: 1, denominator: 3)],
                                     values: ["A": [1, -1, 2, Rational(numerator: 1, denominator: 2)], "x": [1, -2], "W": [0, 1, -1, 3]])
        var evaluated = 0
        try withPrecision(128) {
            let state = bound.initialState.map { BigFloat($0) }
            for e in compiled {
                if (try? bound.evaluate(e, state: state, initial: state, time: BigFloat(1))) != nil { evaluated += 1 }
                _ = try? bound.evaluateExactly(e, state: bound.initialState, initial: bound.initialState, time: 1)
            }
        }
        print("random expressions: \(evaluated) evaluated")
        #expect(evaluated > 200)
        // The flow traces (Taylor) and evaluates in Double.
        let flow = try bound.flow()
        var rate = [Double](repeating: 0, count: flow.dimension)
        flow.evaluate(time: 0, state: bound.initialState.map { Double($0.description.contains("/") ? 0.5 : Double($0.description)!) }, into: &rate)
        #expect(rate.allSatisfy { $0.isFinite })
    }
}
