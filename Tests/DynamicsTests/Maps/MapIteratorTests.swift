import Dynamics
import MultiPrecision
import Testing

/// Gradient descent on f(x) = ½ xᵀQx: x_{k+1} = x_k − η Q x_k.
struct QuadraticGradientDescent: DiscreteMap {
    var q: [[Rational]]
    var stepSize: Rational
    var dimension: Int { q.count }
    func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        let x = history[0], eta = T(stepSize)
        for i in 0..<dimension {
            var gradient = T(0)
            for j in 0..<dimension { gradient = gradient + T(q[i][j]) * x[j] }
            next[i] = x[i] - eta * gradient
        }
    }
}

/// Heavy ball on f(x) = ½ λ x²: x_{k+1} = x_k − η λ x_k + β (x_k − x_{k−1}) (reads the previous iterate).
struct HeavyBall: DiscreteMap {
    var curvature: Rational, stepSize: Rational, momentum: Rational
    var dimension: Int { 1 }
    var historyLength: Int { 2 }
    func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        let x = history[0][0], previous = history[1][0]
        next[0] = x - T(stepSize) * T(curvature) * x + T(momentum) * (x - previous)
    }
}

@Suite("Map iterator")
struct MapIteratorTests {
    static let matrix: [[Rational]] = [[q(2), q(1, 2), q(0)], [q(1, 2), q(1), q(1, 4)], [q(0), q(1, 4), q(1, 2)]]
    static let start: [Rational] = [q(1), q(-2), q(3)]

    /// (I − ηQ)^k x₀ exactly, over the rationals.
    static func exactIterate(_ k: Int, eta: Rational) -> [Rational] {
        var x = start
        for _ in 0..<k {
            x = (0..<3).map { i in x[i] - eta * (0..<3).reduce(Rational(0)) { $0 + matrix[i][$1] * x[$1] } }
        }
        return x
    }

    @Test("Gradient descent on a quadratic against (I − ηQ)^k x₀ computed exactly", arguments: [53, 256, 1024])
    func gradientDescent(bits: Int) throws {
        let eta = q(1, 4)
        let problem = try MapProblem(map: QuadraticGradientDescent(q: Self.matrix, stepSize: eta), initialState: Self.start,
                                     steps: 60)
        let exact = Self.exactIterate(60, eta: eta)
        let computed: [BigFloat]
        if bits == 53 {
            let result = try iterate(problem, scalar: Double.self, options: MapOptions(precision: 53))
            #expect(result.termination == .completed && result.step == 60)
            computed = result.state.map { $0.exactBigFloat }
        } else {
            let result = try iterate(problem, scalar: BigFloat.self, options: MapOptions(precision: bits))
            #expect(result.termination == .completed && result.step == 60 && result.evaluations == 60)
            computed = result.state
        }
        withPrecision(bits + 64) {
            // Each step rounds a few times and I − ηQ is a contraction: the error stays a few hundred ulps of x₀.
            let bound = BigFloat(Rational(numerator: 512, denominator: BigInt(1) << bits))
            for i in 0..<3 { expectClose(computed[i], BigFloat(exact[i]), within: bound, "x_60[\(i)] at \(bits) bits") }
        }
    }

    @Test("Heavy ball reads x_{k−1}: against the exact rational recurrence, with x₋₁ = x₀ by default and given explicitly")
    func heavyBall() throws {
        let map = HeavyBall(curvature: q(3), stepSize: q(1, 10), momentum: q(1, 2))
        for history in [nil, [[q(2)]]] as [[[Rational]]?] {
            let problem = try MapProblem(map: map, initialState: [q(1)], initialHistory: history, steps: 40)
            var previous = history?[0][0] ?? q(1), x = q(1)
            for _ in 0..<40 {
                let next = x - q(1, 10) * q(3) * x + q(1, 2) * (x - previous)
                previous = x; x = next
            }
            let result = try iterate(problem, scalar: BigFloat.self, options: MapOptions(precision: 256))
            withPrecision(320) {
                expectClose(result.state[0], BigFloat(x), within: BigFloat(twoToMinus(246)), "heavy ball x_40")
            }
        }
    }

    @Test("Divergence: gradient descent with η > 2/λ_max blows up, reported at the first iterate beyond 2^40")
    func divergence() throws {
        // Q = diag(3): x_{k+1} = (1 − 3η) x_k with η = 1 gives x_k = (−2)^k, beyond 2^40 first at k = 41.
        let problem = try MapProblem(map: QuadraticGradientDescent(q: [[q(3)]], stepSize: q(1)), initialState: [q(1)],
                                     steps: 1000)
        let result = try iterate(problem, scalar: Double.self)
        #expect(result.termination == .diverged(step: 41, reason: .normExceeded(limit: "1099511627776")))
        #expect(result.state[0] == -2_199_023_255_552)
        #expect(result.termination.description == "diverged at step 41: the max norm of the state exceeded 1099511627776")
    }

    @Test("Events, observers and recording: stop when f(x) ≤ ε; observe every step and chosen iterations")
    func eventsAndObservers() throws {
        // x_k = (1/2)^k (Q = 1, η = 1/2): f = x²/2 reaches 2^−21 exactly at k = 10.
        let problem = try MapProblem(map: QuadraticGradientDescent(q: [[q(1)]], stepSize: q(1, 2)), initialState: [q(1)],
                                     steps: 100)
        let threshold = Event<BigFloat>("f ≤ 2^-21", direction: .falling) { _, x in
            x[0] * x[0] / BigFloat(2) - BigFloat(twoToMinus(21))
        }
        var steps: [Int] = [], chosen: [(Int, BigFloat)] = []
        let every = Observer<BigFloat>(.everyStep) { steps.append($0.step) }
        let some = Observer<BigFloat>(.times([q(0), q(3), q(50)])) { chosen.append(($0.step, $0.state[0])) }
        var o = MapOptions(precision: 128)
        o.recordEvery = 5
        let result = try iterate(problem, scalar: BigFloat.self, options: o, observers: [every, some], events: [threshold])
        // f_10 = 2^−21 − 0 is zero, which counts as the crossing for a falling event (g ≤ 0).
        #expect(result.termination == .event(index: 0, step: 10))
        #expect(result.events.count == 1 && result.events[0].step == 10)
        #expect(steps == Array(0...10))
        #expect(chosen.map(\.0) == [0, 3])
        #expect(chosen[1].1 == BigFloat(Rational(numerator: 1, denominator: 8)))
        #expect(result.trajectory.map(\.step) == [0, 5, 10])
    }

    @Test("The time budget stops a long iteration; bad problems throw")
    func budgetsAndErrors() throws {
        let problem = try MapProblem(map: QuadraticGradientDescent(q: Self.matrix, stepSize: q(1, 4)),
                                     initialState: Self.start, steps: 100_000_000)
        var o = MapOptions(precision: 256)
        o.timeLimit = .milliseconds(100)
        let result = try iterate(problem, scalar: BigFloat.self, options: o)
        guard case let .timeBudgetExhausted(step, _) = result.termination else {
            Issue.record("got \(result.termination)"); return
        }
        #expect(step > 0 && step < 100_000_000 && result.step == step)
        #expect(throws: IntegrationError.self) {
            try MapProblem(map: HeavyBall(curvature: q(1), stepSize: q(1), momentum: q(0)), initialState: [q(1)],
                           initialHistory: [], steps: 1)
        }
        #expect(throws: IntegrationError.dimensionMismatch(expected: 3, actual: 1, what: "initial state")) {
            try MapProblem(map: QuadraticGradientDescent(q: Self.matrix, stepSize: q(1)), initialState: [q(1)], steps: 1)
        }
    }
}
