import Conjectures
import Dynamics
import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// Maps of the conjecture language in ball arithmetic: the enclosures contain an independent high-precision run of
/// the same map, a shrunk radius is caught, and a map that branches on values is refused with a clear error.
@Suite("Conjecture language: maps in ball arithmetic")
struct ConjectureBallMapTests {
    static func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }

    @Test("OMWU in the language, 60 steps in balls at 256 bits, encloses the same map iterated at 1024 bits")
    func omwuEnclosure() throws {
        let program = try ConjectureMapTests.omwuProgram()
        let game = try ZeroSumGame(payoff: Matrix(rows: 3, columns: 3, elements: ConjectureMapTests.p2a))
        let third = Self.r(1, 3)
        let bound = try program.bind(dimensions: [:], parameters: ["eta": Self.r(1, 20)],
                                     values: ["A": ConjectureMapTests.p2a, "xs": game.equilibriumX, "ys": game.equilibriumY,
                                              "x": [third, third, third], "y": [third, third, third]])
        let map = try bound.map()
        let steps = 60
        let balls = ConjectureBallMap(map, precision: 256)
        var current = bound.initialState.map { Ball($0, precision: 256) }
        var previous = current
        for k in 0..<steps {
            let next = try balls.step(k, current: current, previous: previous)
            previous = current
            current = next
        }
        let reference = try iterate(MapProblem(map: map, initialState: bound.initialState, steps: steps), scalar: BigFloat.self,
                                    options: MapOptions(precision: 1024)).state
        for (ball, value) in zip(current, reference) {
            #expect(ball.contains(value), "\(ball) misses \(value)")
            #expect(ball.radiusUpperBound < 1e-30, "\(ball) is too wide")
            #expect(!ball._scalingRadius(byPowerOfTwo: -200).contains(value), "a shrunk radius is not caught")
        }
    }

    @Test("a map with relu is not available rigorously: the step throws and names the operation")
    func branchingMapIsRefused() throws {
        let program = try ConjectureProgram(symbols: [.vector("x", 2, role: .variable)], parameters: [],
                                            dynamics: .map(["x": "relu(x) - x/2"]))
        let bound = try program.bind(dimensions: [:], parameters: [:], values: ["x": [Self.r(1, 2), Self.r(-1, 3)]])
        let balls = ConjectureBallMap(try bound.map(), precision: 128)
        let start = bound.initialState.map { Ball($0, precision: 128) }
        #expect(throws: ConjectureRuntimeError.self) { try balls.step(0, current: start, previous: start) }
        do {
            _ = try balls.step(0, current: start, previous: start)
        } catch {
            #expect(error.message.contains("not available rigorously") && error.message.contains("relu"))
        }
    }
}
