import Conjectures
import Dynamics
import MultiPrecision
import Testing

/// Expressions of the conjecture language evaluated in ball arithmetic: `ConjectureObservable` traced onto a tape
/// and run in Arb balls (`BallObservable`) along a validated flow, and `ConjectureBallProgram` (the lowered program
/// on ball registers). The enclosures must contain exact references: rationals at an exact state, and the closed
/// form exp(tA)x₀ of a linear flow; radii shrunk on purpose must miss them.
@Suite("Conjecture language: observables in ball arithmetic")
struct ConjectureBallObservableTests {
    static func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }

    /// A two-layer linear network with non-dyadic data and weights (the balancedness claim's instance).
    static func network() throws -> (program: ConjectureProgram, expression: ConjectureExpression, bound: BoundConjecture) {
        var program = try ConjectureProgram(symbols: ConjectureParserTests.symbols,
                                            dynamics: .gradientFlow(loss: "1/2 norm2(W2 W1 X - Y)", over: nil, extra: [:]))
        let expression = try program.compile(observable: "W2' W2 - W1 W1'", key: "p")
        let bound = try program.bind(
            dimensions: ["d0": 2, "d1": 3, "d2": 1, "m": 3], parameters: [:],
            values: ["X": [r(1, 3), 1, r(-1, 2), -1, r(1, 5), r(2, 3)], "Y": [1, r(-1, 3), r(1, 2)],
                     "W1": [r(1, 2), r(-1, 3), r(1, 5), r(1, 2), r(-1, 7), r(1, 4)], "W2": [r(1, 3), r(-1, 2), r(1, 6)]])
        return (program, expression, bound)
    }

    @Test("W2ᵀW2 − W1W1ᵀ over balls at an exact state contains its exact rational entries (tape and lowered program)")
    func exactState() throws {
        let (_, expression, bound) = try Self.network()
        let exact = try bound.evaluateExactly(expression, state: bound.initialState)
        let observable = ConjectureObservable(bound: bound, expression: expression)
        #expect(observable.isStateFunction)
        let integrator = ValidatedTaylorIntegrator(field: try bound.flow(), bits: 256)
        integrator.reset(time: 0, state: bound.initialState)
        let tape = BallObservable(observable, bits: 256).values(on: integrator)
        let state = bound.initialState.map { Ball($0, precision: 256) }
        let lowered = try ConjectureBallProgram(bound: bound, expressions: [expression], precision: 256)
            .values(state: state, initial: state)[0]
        #expect(tape.count == 9 && lowered.count == 9)
        for ((enclosure, ball), value) in zip(zip(tape, lowered), exact) {
            #expect(ball.contains(value), "\(ball) misses \(value)")
            #expect(ball.radiusUpperBound < 1e-74)
            let tapeBall = Ball(midpoint: enclosure.midpoint, radius: enclosure.radius, precision: 256)
            #expect(tapeBall.contains(value), "\(tapeBall) misses \(value)")
        }
    }

    @Test("x' = A x, A = [[0, 1], [1, 0]]: the enclosures of x(1) and of x'x contain exp(A)x₀ (cosh, sinh); a shrunk radius misses")
    func linearFlowClosedForm() throws {
        var program = try ConjectureProgram(symbols: [.matrix("A", .fixed(2), .fixed(2), role: .data), .vector("x", .fixed(2), role: .variable)],
                                            dynamics: .flow(["x": "A x"]))
        let square = try program.compile(observable: "x' x", key: "p1")
        let identity = try program.compile(observable: "x", key: "p2")
        let x0 = [Self.r(1, 3), Self.r(1, 1)]
        let bound = try program.bind(dimensions: [:], parameters: [:], values: ["A": [0, 1, 1, 0], "x": x0])
        let integrator = ValidatedTaylorIntegrator(field: try bound.flow(), bits: 256)
        integrator.reset(time: 0, state: bound.initialState)
        try integrator.advance(to: 1)
        // The reference: x(1) = (x₁ cosh 1 + x₂ sinh 1, x₁ sinh 1 + x₂ cosh 1), in balls at 512 bits.
        let e = Ball.exp(Ball(1, precision: 512)), inverse = Ball(1, precision: 512) / e
        let cosh = (e + inverse) / Ball(2, precision: 512), sinh = (e - inverse) / Ball(2, precision: 512)
        let a = Ball(x0[0], precision: 512), b = Ball(x0[1], precision: 512)
        let reference = [a * cosh + b * sinh, a * sinh + b * cosh]
        let norm = reference[0] * reference[0] + reference[1] * reference[1]
        let xs = BallObservable(ConjectureObservable(bound: bound, expression: identity), bits: 256).values(on: integrator)
        let squares = BallObservable(ConjectureObservable(bound: bound, expression: square), bits: 256).values(on: integrator)
        var missed = false
        for (enclosure, value) in zip(xs + squares, reference + [norm]) {
            let ball = Ball(midpoint: enclosure.midpoint, radius: enclosure.radius, precision: 256)
            #expect(ball.contains(value), "\(ball) misses \(value)")
            #expect(ball.radiusUpperBound < 1e-60, "\(ball) is too wide")
            if !ball._scalingRadius(byPowerOfTwo: -200).contains(value) { missed = true }
        }
        #expect(missed, "radii shrunk by 2^-200 still contain every reference: the test cannot catch an unsound bound")
    }

    @Test("relu, max and inverse have no ball version: obstacle(in:) names the operation and its column")
    func obstacles() throws {
        var program = try ConjectureProgram(symbols: [.vector("x", .fixed(2), role: .variable)], dynamics: .map(["x": "x/2"]))
        let branching = try program.compile(observable: "max(relu(x))", key: "property[0].bound")
        let smooth = try program.compile(observable: "x' x + exp(sum(x))", key: "property[1].bound")
        let bound = try program.bind(dimensions: [:], parameters: [:], values: ["x": [Self.r(1, 3), Self.r(-1, 2)]])
        let found = try #require(ConjectureBallProgram.obstacle(in: [smooth, branching], of: bound))
        #expect(found.key == "property[0].bound")
        #expect(found.name.contains("relu") || found.name.contains("max"))
        #expect(found.column != nil)
        #expect(ConjectureBallProgram.obstacle(in: [smooth], of: bound) == nil)
        #expect(ConjectureBallProgram.nonPolynomialOperation(in: [smooth], of: bound)?.name == "exp")
    }
}
