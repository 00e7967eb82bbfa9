import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// Rigorous mode's speed (issue 18): OMWU on P2a, 10⁵ steps at 256 bits, enclosed in balls with Lohner's QR method
/// (`MultiplicativeWeightsBallMap`, `LohnerIteration`), against the ordinary run of the built-in loop at 256 bits,
/// in paired runs (ordinary and rigorous alternately, 3 pairs by default), medians and the median of the paired ratios. Prints the enclosure of KL(10⁵) and its relative
/// radius (target ≤ 10⁻⁴⁰), and the ratio to one ordinary run and to the ordinary check (which runs at p and p + 64).
enum RigorousBenchmark {
    static func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }

    static func run(repeats: Int, steps: Int) {
        let game = try! ZeroSumGame(payoff: Matrix(rows: 3, columns: 3, elements: [
            r(-25, 24), r(-7, 24), r(89, 24), r(23, 24), r(-31, 24), r(-7, 24), r(-7, 24), r(23, 24), r(-25, 24)]))
        let ordinary = MultiplicativeWeights(game: game, method: .omwu, stepSize: r(1, 20))
        var ordinaryTimes: [Double] = [], guardTimes: [Double] = [], rigorousTimes: [Double] = []
        var kl = Ball(), ordinaryKL = BigFloat(0), worstDecrease = Ball(), undecided = 0
        for _ in 0..<max(repeats, 1) {
            let t0 = BenchmarkClock.now()
            ordinaryKL = withPrecision(256) { try! ordinary.run(steps: steps).finalKL }
            let t1 = BenchmarkClock.now()
            _ = withPrecision(320) { try! ordinary.run(steps: steps).finalKL }
            let t2 = BenchmarkClock.now()
            let map = MultiplicativeWeightsBallMap(game: game, optimistic: true, stepSize: r(1, 20), precisions: [256, 64])
            var iteration = LohnerIteration(map: map, start: map.uniformStart(precision: 256), precision: 256)
            var previous = map.divergence(iteration.enclosure, precision: 256)
            undecided = 0
            for t in 1...steps {
                guard iteration.advance() else { undecided += 1; break }
                let current = map.divergence(iteration.enclosure, precision: 256)
                if t >= 2 {
                    let change = current - previous
                    if change.isNegative != .certainlyTrue { undecided += 1 }
                    if t == steps { worstDecrease = change }
                }
                previous = current
            }
            kl = previous
            let t3 = BenchmarkClock.now()
            ordinaryTimes.append(Double(t1 - t0) / 1e9)
            guardTimes.append(Double(t2 - t1) / 1e9)
            rigorousTimes.append(Double(t3 - t2) / 1e9)
        }
        let relative = (kl.radius / BigFloat.abs(kl.midpoint)).doubleValue
        let ordinaryMedian = BenchmarkClock.median(ordinaryTimes), rigorousMedian = BenchmarkClock.median(rigorousTimes)
        let checkMedian = BenchmarkClock.median(zip(ordinaryTimes, guardTimes).map { $0 + $1 })
        print("## Rigorous mode: OMWU on P2a, \(steps) steps at 256 bits (paired runs, medians of \(max(repeats, 1)))")
        print("")
        print("| run | median s |")
        print("|---|---:|")
        print("| ordinary, 256 bits (one run) | \(fixed(ordinaryMedian, 3)) |")
        print("| ordinary check, 256 + 320 bits | \(fixed(checkMedian, 3)) |")
        print("| rigorous, 256 bits (Lohner QR, KL enclosed every step) | \(fixed(rigorousMedian, 3)) |")
        print("")
        print("Ratio of the medians, rigorous / ordinary run: \(fixed(rigorousMedian / ordinaryMedian, 2)); rigorous / ordinary check: \(fixed(rigorousMedian / checkMedian, 2)) (target ≤ 4)")
        // Paired ratios: each rigorous run against the ordinary runs of the same pair (the same load).
        let pairedCheck = (0..<rigorousTimes.count).map { rigorousTimes[$0] / (ordinaryTimes[$0] + guardTimes[$0]) }
        let pairedRun = (0..<rigorousTimes.count).map { rigorousTimes[$0] / ordinaryTimes[$0] }
        for k in rigorousTimes.indices {
            print("pair \(k + 1): ordinary \(fixed(ordinaryTimes[k], 3)) s, check \(fixed(ordinaryTimes[k] + guardTimes[k], 3)) s, rigorous \(fixed(rigorousTimes[k], 3)) s, rigorous / check \(fixed(pairedCheck[k], 2))")
        }
        print("Median of the paired ratios, rigorous / ordinary check: \(fixed(BenchmarkClock.median(pairedCheck), 2)) (target ≤ 4); rigorous / ordinary run: \(fixed(BenchmarkClock.median(pairedRun), 2))")
        print("KL(\(steps)) ∈ \(kl)")
        print("ordinary KL(\(steps)) = \(ordinaryKL.scientific(significantDigits: 20)), inside the enclosure: \(kl.contains(ordinaryKL) ? "yes" : "no")")
        print("relative radius of KL(\(steps)): \(relative) (target ≤ 1e-40)")
        print("last change KL_T − KL_{T−1} ∈ \(worstDecrease)")
        print("steps 2 … \(steps) whose decrease is not certain: \(undecided)")
    }
}
