import LinearAlgebra
import MultiPrecision
import Testing
@testable import Symbolic

@Suite("RandomizedCheck: seeded exact instances, independent confirmation and counterexamples")
struct RandomizedCheckTests {
    typealias F = Fixtures

    @Test("The same seed gives the same instance; another seed another one")
    func deterministic() {
        let symbols = [F.w1, F.w2, F.s, F.eta]
        let a = RandomizedCheck(seed: 42).assignment(for: symbols, in: F.alphabet, trial: 0)
        let b = RandomizedCheck(seed: 42).assignment(for: symbols, in: F.alphabet, trial: 0)
        let c = RandomizedCheck(seed: 43).assignment(for: symbols, in: F.alphabet, trial: 0)
        #expect(a.matrices == b.matrices && a.scalars == b.scalars && a.dimensions == b.dimensions)
        #expect(a.matrices != c.matrices)
        let s = a.matrices[F.s]!
        #expect(s == s.transposed())
        #expect(a.scalars[F.eta]! > 0)
        #expect((2...3).contains(a.dimensions["n"]!))
    }

    @Test("Declared shapes get consistent sizes")
    func shapes() {
        var a = Alphabet()
        try! a.declare(.matrix("W1"), shape: Shape("d1", "d0"))
        try! a.declare(.matrix("W2"), shape: Shape("d2", "d1"))
        try! a.declare(.matrix("F"), shape: Shape(4, "d1"))
        let x = RandomizedCheck(seed: 3, sizes: 1...5).assignment(for: a.symbols, in: a, trial: 2)
        let w1 = x.matrices[Symbol("W1")]!, w2 = x.matrices[Symbol("W2")]!, f = x.matrices[Symbol("F")]!
        #expect(w2.columnCount == w1.rowCount)
        #expect(f.rowCount == 4 && f.columnCount == w1.rowCount)
        #expect(x.relevantDimensions == ["d0", "d1", "d2"])
    }

    @Test("W₂W₁ = W₁W₂ has a counterexample, and its matrices really do not commute")
    func commutatorCounterexample() throws {
        let check = RandomizedCheck(seed: 7)
        let outcome = try check.run(Equation(parsing: "W2 W1 = W1 W2"), in: F.context)
        let c = try #require(outcome.counterexample)
        let w1 = c.assignment.matrices[F.w1]!, w2 = c.assignment.matrices[F.w2]!
        #expect(c.lhs == .matrix(w2 * w1))
        #expect(c.rhs == .matrix(w1 * w2))
        #expect(w2 * w1 != w1 * w2)
        #expect(c.symbols == [F.w1, F.w2])
        #expect(c.description.hasPrefix("counterexample (seed 7, trial 0): n = "))
        #expect(c.description.contains("W₁ = ") && c.description.contains("left side  = "))
    }

    @Test("True identities agree on every trial; polynomial and trace forms of the check")
    func agreement() throws {
        let check = RandomizedCheck(seed: 9, trials: 5)
        guard case .agreed(let trials) = try check.run(Equation(parsing: "(W2 W1 S)' = S W1' W2'"), in: F.context) else {
            Issue.record("expected agreement"); return
        }
        #expect(trials == 5)
        let w1 = F.p(F.w1), w2 = F.p(F.w2)
        #expect(try check.run(w2 * w1, equals: w1 * w2).counterexample != nil)
        #expect(try check.run((w2 * w1).transposed(), equals: w1.transposed() * w2.transposed()).counterexample == nil)
        #expect(try check.run(TracePolynomial.trace(of: w2 * w1), equals: .trace(of: w1 * w2)).counterexample == nil)
        #expect(try check.run(TracePolynomial.trace(of: w2 * w1), equals: .trace(of: w1.transposed() * w2)).counterexample != nil)
    }

    @Test("Direct evaluation computes d/dt with dual numbers and coeff by interpolation, matching canonical forms")
    func directEvaluation() throws {
        var c = F.context
        try c.define("G1", as: "W2' E")
        try c.define("G2", as: "E W1'")
        try c.setFlow([("W1", "-G1"), ("W2", "-G2")], constants: ["E"])
        try c.setStep([("W1", "W1 - eta G1"), ("W2", "W2 - eta G2")])
        let instance = RandomizedCheck(seed: 1).assignment(for: [F.w1, F.w2, F.e, F.eta], in: c.alphabet, trial: 0)
        for text in ["d/dt(W1 W1' W2 + E)", "coeff(step(W2 W1 W1'), eta, 2)", "step(W1' W1) - W1' W1", "d/dt(tr(W1' W2 E))"] {
            let direct = try c.evaluateNumerically(Expression(parsing: text), at: instance)
            let canonical: NumericValue
            switch try c.evaluate(text) {
            case .matrix(let p): canonical = .matrix(try p.evaluate(at: instance))
            case .scalar(let s): canonical = .scalar(try s.evaluate(at: instance))
            }
            #expect(direct == canonical, "\(text)")
        }
        #expect(throws: SymbolicError.unsupportedNesting("d/dt", at: 4..<14)) {
            try c.evaluateNumerically(Expression(parsing: "d/dt(d/dt(W1))"), at: instance)
        }
    }
}
