import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("ZeroSumGame and MultiplicativeWeights")
struct ZeroSumGameTests {
    func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    @Test("Exact equilibria of docs/theory.md §3.5: wRPS(1,2,3) and the 4×4 game (negated: x minimizes, v = +1/35)")
    func equilibria() throws {
        let wrps = try ZeroSumGame(payoff: Matrix(rows: [[0, 1, -2], [-1, 0, 3], [2, -3, 0]].map { $0.map { r($0) } }))
        #expect(wrps.equilibriumX == [r(1, 2), r(1, 3), r(1, 6)])
        #expect(wrps.equilibriumY == [r(1, 2), r(1, 3), r(1, 6)])
        #expect(wrps.value == 0)
        let g4 = try ZeroSumGame(payoff: Matrix(rows: [[-2, 2, 4, -1], [-2, 3, -5, 2], [3, -1, -3, -1], [0, -1, 2, 0]].map { $0.map { r($0) } }))
        #expect(g4.equilibriumX == [r(4, 35), r(6, 35), r(1, 5), r(18, 35)])
        #expect(g4.equilibriumY == [r(79, 245), r(57, 245), r(32, 245), r(11, 35)])
        #expect(g4.value == r(1, 35))
    }

    @Test("Games without a proven unique fully mixed equilibrium are typed errors")
    func rejected() throws {
        #expect(throws: GameError.self) { try ZeroSumGame(payoff: Matrix(rows: [[r(1), r(2)]])) }
        // Rock–paper–scissors plus a dominated strategy: not fully mixed.
        #expect(throws: GameError.self) {
            try ZeroSumGame(payoff: Matrix(rows: [[0, 1, -1, 2], [-1, 0, 1, 2], [1, -1, 0, 2], [2, 2, 2, 3]].map { $0.map { r($0) } }))
        }
        // A zero matrix: singular bordered systems.
        #expect(throws: GameError.singularBorderedSystem(player: "x")) { try ZeroSumGame(payoff: .zeros(rows: 2, columns: 2)) }
    }

    @Test("Planted random games (docs/benchmark-problems.md P2) against References/make_planted_game_reference.py: the payoff, and the recomputed equilibrium is the planted (p, q, s)")
    func planted() throws {
        let small = try ZeroSumGame(plantedSize: 3, seed: 0)
        #expect(small.payoff == (try Matrix(rows: [[r(59, 10), r(11, 5), r(8, 5)], [r(423, 70), r(117, 35), r(26, 35)],
                                                  [r(3, 70), r(117, 35), r(166, 35)]])))
        #expect(small.equilibriumX == [r(3, 10), r(1, 5), r(1, 2)] && small.equilibriumY == [r(2, 7), r(2, 7), r(3, 7)] && small.value == 3)
        let four = try ZeroSumGame(plantedSize: 4, seed: 1)
        #expect((0..<4).map { four.payoff[0, $0] } == [r(-331, 182), r(137, 182), r(-354, 91), r(-458, 91)])
        #expect(four.equilibriumX == [r(2, 7), r(3, 7), r(3, 14), r(1, 14)])
        #expect(four.equilibriumY == [r(5, 13), r(1, 13), r(4, 13), r(3, 13)] && four.value == -3)
    }

    @Test("P2a at 128 bits: KL_1 − KL_0 = 5.13084375e−4 and KL(10⁴)-scale values; identity = direct difference")
    func p2a() throws {
        let a = try Matrix(rows: [[-25, -7, 89], [23, -31, -7], [-7, 23, -25]].map { $0.map { r($0, 24) } })
        let game = try ZeroSumGame(payoff: a)
        #expect(game.equilibriumX == [r(1, 6), r(1, 3), r(1, 2)] && game.value == 0)
        let run = try withPrecision(128) {
            try MultiplicativeWeights(game: game, method: .omwu, stepSize: r(1, 20)).run(steps: 200)
        }
        #expect(abs(Double(run.identityChanges[0]) - 5.13084375e-4) < 1e-12)
        for t in 1..<200 { #expect(run.identityChanges[t] < 0) }
        for t in 0..<200 { #expect(abs(Double(run.identityChanges[t] - run.directChanges[t])) < 1e-30) }
    }
}
