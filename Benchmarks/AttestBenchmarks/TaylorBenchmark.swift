import AttestTestSupport
import CAllocationCounter
import Dynamics
import Foundation
import MultiPrecision

/// P1a of docs/benchmark-problems.md (deep linear network gradient flow, t ∈ [0, 20]) with the Taylor stepper at
/// 256 and 512 bits: time, steps, tape passes, digits reached against the reference values, allocations per step.
/// `--taylor-json --problem p1b --t-end T` runs P1b (or P1a) on [0, T] and prints W₁(T)[0,0] and L(T) in full, for
/// Benchmarks/peers/p1_peers.py to compare (P1b has no published reference).
enum TaylorBenchmark {
    /// W_1(20)[0,0] and L(20) from docs/benchmark-problems.md (700-bit C/MPFR Taylor run, heyoka agreeing to ~72 digits).
    static let referenceW = "-5.463918410301220763504887101144814240753543651373316784588071749152267433441280299616460211864369914514399188125194623624365280617204501148090288371463246240592901011389844432166869968820207743964800528916997760641e-01"
    static let referenceLoss = "9.047816789152304883960852803156107004632699890718925327182110347097963224978196867643463900250597396177793095699013990175117845814098267046505832147623404294724713611158905830535156842019959138905668293640225196852e-10"

    /// One run's figures.
    struct Run {
        var seconds: Double
        var steps: Int
        var tapePasses: Int
        var order: Int
        var digitsW: Double
        var digitsLoss: Double
        var withinW: Bool
        var withinLoss: Bool
        var allocationsPerStep: Double
        var log2ErrorEstimate: Double
        var rejections: Int
        var tape: String
        /// W₁(T)[0,0] and L(T) (evaluated at `bits` + 64) in full.
        var w00: String
        var loss: String
    }

    /// Digits of agreement −log₁₀(|x − r|/|r|), computed at `bits` + 64.
    static func digits(_ x: BigFloat, _ reference: String, bits: Int) -> (digits: Double, log2Relative: Double) {
        let r = BigFloat(reference, precision: bits + 64)!
        let xx = x.rounded(toPrecision: bits + 64)
        let relative = BigFloat.abs((xx - r) / r)
        if relative.isZero { return (Double.infinity, -Double.infinity) }
        let log2Relative = BigFloat.log2(relative).doubleValue
        return (-log2Relative * log10(2.0), log2Relative)
    }

    /// Integrates P1a to t = 20 once at `bits`, with tolerance 2^`log2Tolerance` (default 2^−bits, order 90 at
    /// 256 bits, as heyoka's in the peers script; the framework's default 2^−(p−10), order 87, left L(20) at 71.9
    /// digits, 0.2 short of 10⁵·2^−256, through truncation).
    /// `field` and `end` choose another instance and horizon (digits against the P1a references are then
    /// meaningless; compare `w00` and `loss` instead).
    static func runP1a(bits: Int, log2Tolerance: Int? = nil, tapering: Bool = true, stateGuardBits: Int = 32,
                       field: DeepLinearNetworkFlow = .p1a, end endRational: Rational = Rational(20),
                       taperingGuardBits: Int = 32, taperingEveryLimbCount: Bool = true,
                       taperingHardwareDouble: Bool = true) -> Run {
        withPrecision(bits) {
            let x0 = field.initialState.map { BigFloat($0, precision: bits) }
            let tolerance = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << -(log2Tolerance ?? -bits)))
            let end = BigFloat(endRational, precision: bits)
            let configuration = StepperConfiguration(precision: bits, relativeTolerance: tolerance,
                                                     absoluteTolerance: tolerance, horizonEnd: end)
            let start = BenchmarkClock.now()
            let stepper = try! TaylorStepper(field: field, time: BigFloat(0), state: x0, configuration: configuration,
                                            tapering: tapering, stateGuardBits: stateGuardBits,
                                            taperingGuardBits: taperingGuardBits,
                                            taperingEveryLimbCount: taperingEveryLimbCount,
                                            taperingHardwareDouble: taperingHardwareDouble)
            // The first step, outside the allocation count (it is no different from the others).
            guard case .accepted = stepper.step(toward: end) else { preconditionFailure("P1a: first step failed") }
            let allocationsBefore = attest_allocation_count()
            while stepper.time < end {
                guard case .accepted = stepper.step(toward: end) else { preconditionFailure("P1a: step failed") }
            }
            let allocations = attest_allocation_count() - allocationsBefore
            let seconds = Double(BenchmarkClock.now() - start) / 1e9
            let statistics = stepper.statistics
            let state = stepper.state
            let w = digits(state[0], referenceW, bits: bits)
            // L from the final state at bits + 64, so that its own evaluation adds no rounding at p bits.
            let lossValue = field.loss(state.map { $0.rounded(toPrecision: bits + 64) })
            let loss = digits(lossValue, referenceLoss, bits: bits)
            return Run(seconds: seconds, steps: statistics.acceptedSteps, tapePasses: statistics.functionEvaluations,
                       order: stepper.order, digitsW: w.digits, digitsLoss: loss.digits,
                       withinW: w.log2Relative <= -Double(bits - 10),
                       withinLoss: loss.log2Relative <= log2(1e5) - Double(bits),
                       allocationsPerStep: Double(allocations) / Double(max(statistics.acceptedSteps - 1, 1)),
                       log2ErrorEstimate: stepper.log2AccumulatedLocalError,
                       rejections: statistics.rejectedSteps, tape: stepper.tapeSummary.description,
                       w00: state[0].description, loss: lossValue.description)
        }
    }

    /// One run at `bits` as a JSON line, for Benchmarks/peers/p1_peers.py.
    static func printJSON(bits: Int, log2Tolerance: Int?, tapering: Bool, stateGuardBits: Int,
                          field: DeepLinearNetworkFlow = .p1a, end: Rational = Rational(20),
                          taperingGuardBits: Int = 32, taperingEveryLimbCount: Bool = true,
                          taperingHardwareDouble: Bool = true) {
        let r = runP1a(bits: bits, log2Tolerance: log2Tolerance, tapering: tapering, stateGuardBits: stateGuardBits,
                       field: field, end: end, taperingGuardBits: taperingGuardBits,
                       taperingEveryLimbCount: taperingEveryLimbCount, taperingHardwareDouble: taperingHardwareDouble)
        print("{\"bits\": \(bits), \"w00\": \"\(r.w00)\", \"loss\": \"\(r.loss)\", \"seconds\": \(r.seconds), \"steps\": \(r.steps), \"tapePasses\": \(r.tapePasses), \"order\": \(r.order), \"digitsW\": \(r.digitsW), \"digitsL\": \(r.digitsLoss), \"withinW\": \(r.withinW), \"withinL\": \(r.withinLoss), \"allocationsPerStep\": \(r.allocationsPerStep), \"redoneSteps\": \(r.rejections), \"tape\": \"\(r.tape)\"}")
    }

    /// Prints the P1a table at 256 and 512 bits, medians of `repeats` runs (at most 3 at 512 bits).
    static func run(repeats: Int, precisions: [Int] = [256, 512]) {
        print("## Dynamics: Taylor stepper on P1a (t = 20)")
        print("")
        print("| bits | order | steps | tape passes | digits W₁[0,0] | digits L | W within 2^−(p−10) | L within 10⁵·2^−p | allocations/step | est. log₂ error | median s |")
        print("|---:|---:|---:|---:|---:|---:|:-:|:-:|---:|---:|---:|")
        for bits in precisions {
            let count = bits > 256 ? min(repeats, 3) : repeats
            var runs: [Run] = []
            for _ in 0..<max(count, 1) { runs.append(runP1a(bits: bits)) }
            let r = runs[0]
            let median = BenchmarkClock.median(runs.map(\.seconds))
            print("| \(bits) | \(r.order) | \(r.steps) | \(r.tapePasses) | \(fixed(r.digitsW, 1)) | \(fixed(r.digitsLoss, 1)) | \(r.withinW ? "yes" : "NO") | \(r.withinLoss ? "yes" : "NO") | \(fixed(r.allocationsPerStep, 1)) | \(fixed(r.log2ErrorEstimate, 1)) | \(fixed(median, 3)) |")
        }
        print("")
    }
}
