import Conjectures
import Dynamics
import MultiPrecision
import Symbolic
import Testing

/// Seeded random token sequences through the whole core: parse, check, differentiate, bind, evaluate in BigFloat and
/// exactly. Every input must be accepted or rejected with an error; nothing may crash.
@Suite("Conjecture language: random expressions never crash")
struct ConjectureRobustnessTests {
    static let tokens = ["W", "A", "x", "eta", "t", "(", ")", "+", "-", " ", "*", "/", "∘", "⊘", "'", "^2", "^(1/2)", "^-1",
                         "exp(", "log(", "tanh(", "sigmoid(", "sqrt(", "sum(", "norm2(", "inner(", ",", "max(", "abs(",
                         "ones", "I", "tr(", "inv(", "solve(", "1", "0", "1/2", "relu(", "normalize(", "rowsum(", "initial("]

    @Test("20000 seeded token sequences")
    func randomExpressions() throws {
        var generator = SeededGenerator(seed: 7)
        let program = try ConjectureProgram(
            symbols: [.matrix("A", "n", "n", role: .data), .vector("x", "n", role: .variable), .matrix("W", "n", "n", role: .variable)],
            parameters: ["eta"], dynamics: .flow(["x": "-(A x)", "W": "W' - W"]))
        let values: [String: [Rational]] = ["A": [1, -1, 2, Rational(numerator: 1, denominator: 2)], "x": [1, -2], "W": [0, 1, -1, 3]]
        var compiled = 0, rejected = 0, evaluated = 0, unbound = 0
        try withPrecision(128) {
            for _ in 0..<20000 {
                let count = generator.uniform(in: 1...10)
                let text = (0..<count).map { _ in Self.tokens[generator.uniform(in: 0...(Self.tokens.count - 1))] }.joined()
                var local = program
                let e: ConjectureExpression
                do throws(ConjectureError) { e = try local.compile(observable: text, key: "fuzz") } catch {
                    rejected += 1
                    #expect(error.column == nil || error.column! >= 1)
                    continue
                }
                compiled += 1
                if e.isScalar { _ = try? local.gradient(of: e, withRespectTo: "W") }
                _ = try? local.timeDerivative(of: e)
                _ = local.polynomialForm(of: e)
                // Binding may fail with an error (an expression such as x' x' fixes n = 1); it never crashes.
                guard let bound = try? local.bind(dimensions: ["n": 2], parameters: ["eta": Rational(numerator: 1, denominator: 3)], values: values) else {
                    unbound += 1
                    continue
                }
                let state = bound.initialState.map { BigFloat($0) }
                if (try? bound.evaluate(e, state: state, initial: state, time: BigFloat(1))) != nil { evaluated += 1 }
                _ = try? bound.evaluateExactly(e, state: bound.initialState, initial: bound.initialState, time: 1)
            }
        }
        print("random expressions: \(compiled) compiled (\(evaluated) evaluated, \(unbound) not bindable), \(rejected) rejected")
        #expect(compiled > 300)
        #expect(rejected > 10_000)
        #expect(evaluated > 200)
    }
}
