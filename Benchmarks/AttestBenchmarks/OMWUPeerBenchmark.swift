import CAllocationCounter
import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// OMWU on P2a (docs/benchmark-problems.md) through `MultiplicativeWeights.run` (the in-place map under `iterate`,
/// KL_t measured after every step, the reductions of `omwu-kl`), one run, as one JSON line: seconds (wall clock),
/// cpuSeconds (the process's CPU time over the same loop), KL_T and the allocations per step.
/// `Benchmarks/peers/omwu_peer.py` alternates it with the raw MPFR loop `omwu_peer.c`.
enum OMWUPeerBenchmark {
    static func printJSON(steps: Int, bits: Int) {
        func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }
        let game = try! ZeroSumGame(payoff: Matrix(rows: 3, columns: 3, elements: [
            r(-25, 24), r(-7, 24), r(89, 24), r(23, 24), r(-31, 24), r(-7, 24), r(-7, 24), r(23, 24), r(-25, 24)]))
        let omwu = MultiplicativeWeights(game: game, method: .omwu, stepSize: r(1, 20))
        withPrecision(bits) {
            _ = try! omwu.run(steps: 10, from: 2, recordChanges: false)
            let before = attest_allocation_count()
            let t0 = BenchmarkClock.now(), c0 = BenchmarkClock.cpuNow()
            let run = try! omwu.run(steps: steps, from: 2, recordChanges: false)
            let seconds = Double(BenchmarkClock.now() - t0) / 1e9, cpuSeconds = Double(BenchmarkClock.cpuNow() - c0) / 1e9
            let perStep = Double(attest_allocation_count() - before) / Double(steps)
            print("{\"seconds\": \(seconds), \"cpuSeconds\": \(cpuSeconds), \"kl\": \"\(run.finalKL.formatted(significantDigits: 40))\", \"increases\": \(run.increases.identity), \"largestStep\": \(run.largestChange.step), \"allocationsPerStep\": \(perStep)}")
        }
    }
}
