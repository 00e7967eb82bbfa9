import AttestTestSupport
import Conjectures
import Dynamics
import Foundation
import LinearAlgebra
import Models
import MultiPrecision

/// The two speed ratios of the conjecture language (issue 15), in paired runs (built-in and language alternately,
/// medians):
/// - P1a at 256 bits: the Taylor integration to t = 20 of the gradient flow derived from the loss
///   ½‖W3 W2 W1 − Φ‖²_F, against the hand-written P1a field (bound: 1.25×), with the digits of both final states;
/// - P2a at 256 bits: OMWU written as a map in the language, against the built-in OMWU loop (bound: 1.5×).
enum ConjectureBenchmark {
    static func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }

    /// The derived P1a flow.
    static func p1aFlow() -> ConjectureFlow {
        let p1a = DeepLinearNetworkFlow.p1a
        let program = try! ConjectureProgram(
            symbols: [.matrix("W1", 4, 4, role: .variable), .matrix("W2", 4, 4, role: .variable),
                      .matrix("W3", 4, 4, role: .variable), .matrix("Phi", 4, 4, role: .data)],
            dynamics: .gradientFlow(loss: "1/2 norm2(W3 W2 W1 - Phi)", over: nil, extra: [:]))
        let s = p1a.initialState
        let bound = try! program.bind(dimensions: [:], parameters: [:], values: [
            "W1": Array(s[0..<16]), "W2": Array(s[16..<32]), "W3": Array(s[32..<48]), "Phi": p1a.target])
        return try! bound.flow()
    }

    /// Integrates `field` from P1a's start to t = 20 at 256 bits (tolerance 2^−256); seconds and the final state.
    static func integrate<F: VectorField>(_ field: F) -> (seconds: Double, state: [BigFloat], tape: String) {
        withPrecision(256) {
            let x0 = DeepLinearNetworkFlow.p1a.initialState.map { BigFloat($0, precision: 256) }
            let tolerance = BigFloat(1).scaled(byPowerOfTwo: -256)
            let end = BigFloat(20)
            let configuration = StepperConfiguration(precision: 256, relativeTolerance: tolerance,
                                                     absoluteTolerance: tolerance, horizonEnd: end)
            let start = BenchmarkClock.now()
            let stepper = try! TaylorStepper(field: field, time: BigFloat(0), state: x0, configuration: configuration)
            while stepper.time < end {
                guard case .accepted = stepper.step(toward: end) else { preconditionFailure("P1a: step failed") }
            }
            return (Double(BenchmarkClock.now() - start) / 1e9, stepper.state, stepper.tapeSummary.description)
        }
    }

    /// The OMWU map of P2a in the language and its bound instance.
    static func omwuMap() -> (ConjectureMap, [Rational]) {
        let a: [Rational] = [r(-25, 24), r(-7, 24), r(89, 24), r(23, 24), r(-31, 24), r(-7, 24), r(-7, 24), r(23, 24), r(-25, 24)]
        let program = try! ConjectureProgram(
            symbols: [.matrix("A", 3, 3, role: .data), .vector("x", 3, role: .variable), .vector("y", 3, role: .variable)],
            parameters: ["eta"],
            dynamics: .map(["x": "normalize(x ∘ exp(-eta (2 A y - A prev(y))))",
                            "y": "normalize(y ∘ exp(eta (2 A' x - A' prev(x))))"]))
        let third = r(1, 3)
        let bound = try! program.bind(dimensions: [:], parameters: ["eta": r(1, 20)],
                                      values: ["A": a, "x": [third, third, third], "y": [third, third, third]])
        return (try! bound.map(), bound.initialState)
    }

    static func run(repeats: Int, omwuSteps: Int) {
        print("## Conjecture language: speed against the built-in kinds (paired runs, medians of \(repeats))")
        print("")
        // P1a
        let derived = p1aFlow(), builtIn = DeepLinearNetworkFlow.p1a
        var ours: [Double] = [], theirs: [Double] = [], ratios: [Double] = []
        var difference = 0.0, tapes = ("", "")
        for _ in 0..<max(repeats, 1) {
            let b = integrate(builtIn), d = integrate(derived)
            theirs.append(b.seconds); ours.append(d.seconds); ratios.append(d.seconds / b.seconds)
            difference = zip(b.state, d.state).map { abs(($0 - $1).doubleValue) }.max() ?? 0
            tapes = (d.tape, b.tape)
        }
        print("| problem | built-in median s | language median s | median ratio | bound | final states differ by |")
        print("|---|---:|---:|---:|---:|---:|")
        print("| P1a Taylor to t = 20, 256 bits | \(fixed(BenchmarkClock.median(theirs), 3)) | \(fixed(BenchmarkClock.median(ours), 3)) | \(fixed(BenchmarkClock.median(ratios), 3)) | 1.25 | \(difference) |")
        // P2a
        let (map, x0) = omwuMap()
        let game = try! ZeroSumGame(payoff: Matrix(rows: 3, columns: 3, elements: [
            r(-25, 24), r(-7, 24), r(89, 24), r(23, 24), r(-31, 24), r(-7, 24), r(-7, 24), r(23, 24), r(-25, 24)]))
        let omwu = MultiplicativeWeights(game: game, method: .omwu, stepSize: r(1, 20))
        var oursMap: [Double] = [], theirsMap: [Double] = [], ratiosMap: [Double] = []
        for _ in 0..<max(repeats, 1) {
            let t0 = BenchmarkClock.now()
            _ = withPrecision(256) { try! omwu.run(steps: omwuSteps) }
            let t1 = BenchmarkClock.now()
            _ = try! iterate(MapProblem(map: map, initialState: x0, steps: omwuSteps), scalar: BigFloat.self,
                             options: MapOptions(precision: 256))
            let t2 = BenchmarkClock.now()
            theirsMap.append(Double(t1 - t0) / 1e9); oursMap.append(Double(t2 - t1) / 1e9)
            ratiosMap.append(Double(t2 - t1) / Double(t1 - t0))
        }
        print("| P2a OMWU, \(omwuSteps) steps, 256 bits | \(fixed(BenchmarkClock.median(theirsMap), 3)) | \(fixed(BenchmarkClock.median(oursMap), 3)) | \(fixed(BenchmarkClock.median(ratiosMap), 3)) | 1.5 | |")
        print("")
        print("P1a tapes: language \(tapes.0); built-in \(tapes.1)")
        print("")
    }
}
