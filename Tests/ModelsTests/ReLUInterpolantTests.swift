import Models
import MultiPrecision
import Testing

@Suite("ReLUInterpolant: the exact construction of Zhang et al. (2017)")
struct ReLUInterpolantTests {
    func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    @Test("Hand-computed instance: x = 0, 1, 2 with labels 0, 1, 0 gives b = (−1, 1/2, 3/2), w = (0, 2, −6)")
    func handComputed() throws {
        let network = try ReLUInterpolant(fitting: [[r(2)], [r(0)], [r(1)]], labels: [r(0), r(0), r(1)], direction: [r(1)])
        // Sorted projections 0 < 1 < 2; M = [[1, 0, 0], [2, 1/2, 0], [3, 3/2, 1/2]], forward substitution by hand.
        #expect(network.biases == [r(-1), r(1, 2), r(3, 2)])
        #expect(network.outputWeights == [r(0), r(2), r(-6)])
        #expect(network.weightCount == 7)
        #expect(network([r(0)]) == 0 && network([r(1)]) == 1 && network([r(2)]) == 0)
        // Its kinks are at the biases, not at the points: c = 0 up to 1/2, then slope 2, then slope 2 − 6 from 3/2.
        #expect(network([r(1, 2)]) == 0 && network([r(3, 2)]) == 2 && network([r(5, 2)]) == -2)
    }

    @Test("Random rational data in d = 1…6: exact fit with 2n + d weights")
    func randomFits() throws {
        var rng = SeededGenerator(seed: 42)
        for (n, d) in [(8, 3), (12, 1), (25, 6)] {
            var points: [[Rational]] = []
            while points.count < n {
                let p = (0..<d).map { _ in r(rng.uniform(in: -20...20), rng.uniform(in: 1...8)) }
                if !points.contains(p) { points.append(p) }
            }
            let labels = (0..<n).map { _ in r(rng.uniform(in: -50...50), rng.uniform(in: 1...7)) }
            let (a, _) = try #require(ReLUInterpolant.separatingDirection(for: points, dimension: d, generator: &rng))
            #expect(ReLUInterpolant.separates(points, along: a))
            let network = try ReLUInterpolant(fitting: points, labels: labels, direction: a)
            #expect(network.weightCount == 2 * n + d)
            #expect(zip(points, labels).allSatisfy { network($0) == $1 })
        }
    }

    @Test("The moment-curve fallback separates points that random integer directions in −9…9 tie")
    func momentCurve() throws {
        // Points differing only along (1, −1, 0) scaled: every a with a_1 = a_2 ties them; the search still succeeds.
        let points = [[r(0), r(0), r(0)], [r(1), r(-1), r(0)], [r(0), r(0), r(1)]]
        var rng = SeededGenerator(seed: 3)
        let (a, _) = try #require(ReLUInterpolant.separatingDirection(for: points, dimension: 3, generator: &rng))
        #expect(ReLUInterpolant.separates(points, along: a))
        // Coinciding points cannot be separated by any direction.
        #expect(ReLUInterpolant.separatingDirection(for: [[r(1), r(2)], [r(1), r(2)]], dimension: 2, generator: &rng) == nil)
    }

    @Test("Ties are typed errors; fewer hidden units miss the point of largest projection")
    func failures() throws {
        #expect(throws: ReLUInterpolantError.tiedProjections(0, 1)) {
            try ReLUInterpolant(fitting: [[r(1), r(0)], [r(0), r(1)]], labels: [r(0), r(1)], direction: [r(1), r(1)])
        }
        let network = try ReLUInterpolant(fitting: [[r(0)], [r(1)], [r(2)]], labels: [r(0), r(1), r(0)],
                                          direction: [r(1)], hiddenUnits: 2)
        #expect(network.weightCount == 5)
        #expect(network([r(0)]) == 0 && network([r(1)]) == 1)
        #expect(network([r(2)]) == 3)        // w = (0, 2): c(2) = 2·(2 − 1/2) = 3 ≠ 0
    }

    @Test("Residuals and projection gaps: two units on x = 0, 1, 2 miss y_3 = 0 by 3; gaps by hand; one point has gap 0")
    func residualsAndGaps() throws {
        let network = try ReLUInterpolant(fitting: [[r(0)], [r(1)], [r(2)]], labels: [r(0), r(1), r(0)], direction: [r(1)],
                                          hiddenUnits: 2)
        let worst = network.largestResidual([[r(0)], [r(1)], [r(2)]], labels: [r(0), r(1), r(0)])
        #expect(worst.value == 3 && worst.at == 2)
        let exact = try ReLUInterpolant(fitting: [[r(0)], [r(1)]], labels: [r(5), r(-1)], direction: [r(1)])
        let none = exact.largestResidual([[r(0)], [r(1)]], labels: [r(5), r(-1)])
        #expect(none.value == 0 && none.at == nil)
        #expect(ReLUInterpolant.smallestGap([[r(0)], [r(2)], [r(3, 2)]], along: [r(1)]) == r(1, 2))
        #expect(ReLUInterpolant.smallestGap([[r(0), r(1)], [r(1), r(0)]], along: [r(1), r(3)]) == 2)
        #expect(ReLUInterpolant.smallestGap([[r(4)]], along: [r(1)]) == 0)
    }

    @Test("Coinciding points: distinct points keep their first labels; labels 1 and 2 on x = (2, 3) bound every fit by 1/2")
    func coincidentPoints() {
        let points = [[r(0), r(1)], [r(2), r(3)], [r(1), r(1)], [r(2), r(3)], [r(0), r(1)]]
        let groups = CoincidentPoints(points, labels: [r(0), r(1), r(5), r(2), r(0)])
        #expect(groups.distinct == [[r(0), r(1)], [r(2), r(3)], [r(1), r(1)]])
        #expect(groups.distinctLabels == [r(0), r(1), r(5)])
        // c takes one value on x = (2, 3); the best, 3/2, misses both labels 1 and 2 by exactly the bound.
        #expect(groups.misfitBound == r(1, 2))
        #expect(groups.conflict.map { [$0.0, $0.1] } == [1, 3])
        let clean = CoincidentPoints([[r(1)], [r(2)], [r(1)]], labels: [r(4), r(0), r(4)])
        #expect(clean.misfitBound == 0 && clean.conflict == nil && clean.distinct.count == 2)
    }
}
