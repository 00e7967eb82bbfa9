import AttestTestSupport
import Dynamics
import Foundation
import MultiPrecision

/// P1a of docs/benchmark-problems.md with the Gauss–Legendre, Fehlberg 7(8) and classical RK4 steppers: one
/// integration to t = 20 per call, timed, with its work counters and the digits reached against the reference
/// values (the same check as `TaylorBenchmark`). `Benchmarks/peers/p1_steppers.py` runs the ladders of tolerances
/// and step counts, takes medians and fits the cost-versus-digits laws.
enum SteppersBenchmark {
    /// Which stepper, and how its steps are controlled.
    enum Method: String {
        case gaussLegendre = "gl"
        case fehlberg78 = "rkf78"
        case rungeKutta4 = "rk4"
    }

    /// Integrates P1a to t = 20 once at `bits` and prints one JSON line.
    ///
    /// - Parameters:
    ///   - log2Tolerance: adaptive steps with both tolerances 2^`log2Tolerance` (Gauss–Legendre, Fehlberg 7(8)).
    ///   - fixedSteps: a fixed step 20/`fixedSteps` instead (required for RK4).
    ///   - stages: Gauss–Legendre's s.
    ///   - iteration: Gauss–Legendre's stage iteration.
    ///   - timeLimit: wall-clock seconds after which the run stops and reports the time reached (`completed`
    ///     false), so that a ladder never hangs on an infeasible rung.
    ///   - genericField: evaluate the field through `VectorFieldEvaluator` (the field's generic `evaluate`, one
    ///     allocation per operation) instead of `TapeFieldEvaluator`, for the share of that lever (issue 20).
    static func printJSON(method: Method, bits: Int, log2Tolerance: Int?, fixedSteps: Int?, stages: Int,
                          iteration: StageIteration, timeLimit: Double, genericField: Bool = false) {
        withPrecision(bits) {
            let field = DeepLinearNetworkFlow.p1a
            let x0 = field.initialState.map { BigFloat($0, precision: bits) }
            let end = BigFloat(20)
            let tolerance = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << -(log2Tolerance ?? -bits)))
            let configuration = StepperConfiguration(
                precision: bits, relativeTolerance: tolerance, absoluteTolerance: tolerance,
                fixedStep: fixedSteps.map { BigFloat(Rational(numerator: 20, denominator: BigInt($0))) },
                horizonEnd: end)
            let start = BenchmarkClock.now()
            var stepper = genericField
                ? make(method, VectorFieldEvaluator<DeepLinearNetworkFlow, BigFloat>(field, precision: bits), x0,
                       configuration, stages: stages, iteration: iteration)
                : make(method, TapeFieldEvaluator<DeepLinearNetworkFlow, BigFloat>(field, precision: bits), x0,
                       configuration, stages: stages, iteration: iteration)
            var completed = true
            var failure = ""
            while stepper.time < end {
                guard case .accepted = stepper.step(toward: end) else { completed = false; failure = "step failed"; break }
                if Double(BenchmarkClock.now() - start) / 1e9 > timeLimit {
                    completed = stepper.time == end
                    if !completed { failure = "time limit" }
                    break
                }
            }
            let seconds = Double(BenchmarkClock.now() - start) / 1e9
            let statistics = stepper.statistics
            var digitsW = -1.0, digitsL = -1.0, withinW = false, withinL = false
            if completed {
                let state = stepper.state
                let w = TaylorBenchmark.digits(state[0], TaylorBenchmark.referenceW, bits: bits)
                let loss = TaylorBenchmark.digits(field.loss(state.map { $0.rounded(toPrecision: bits + 64) }),
                                                  TaylorBenchmark.referenceLoss, bits: bits)
                digitsW = w.digits
                digitsL = loss.digits
                withinW = w.log2Relative <= -Double(bits - 10)
                withinL = loss.log2Relative <= log2(1e5) - Double(bits)
            }
            func json(_ x: Double) -> String { x.isFinite ? "\(x)" : "1e9" }
            print("{\"method\": \"\(method.rawValue)\", \"bits\": \(bits), \"stages\": \(method == .gaussLegendre ? stages : 0), \"log2Tolerance\": \(log2Tolerance.map(String.init) ?? "null"), \"fixedSteps\": \(fixedSteps.map(String.init) ?? "null"), \"completed\": \(completed), \"failure\": \"\(failure)\", \"timeReached\": \(stepper.time.doubleValue), \"seconds\": \(seconds), \"steps\": \(statistics.acceptedSteps), \"rejected\": \(statistics.rejectedSteps), \"evaluations\": \(statistics.functionEvaluations), \"stageIterations\": \(statistics.stageIterations), \"jacobians\": \(statistics.jacobianEvaluations), \"digitsW\": \(json(digitsW)), \"digitsL\": \(json(digitsL)), \"withinW\": \(withinW), \"withinL\": \(withinL), \"field\": \"\(genericField ? "generic" : "tape")\", \"description\": \"\(stepper.methodDescription)\"}")
        }
    }

    /// The stepper of `method` on `rhs`.
    static func make<RHS: RightHandSide<BigFloat>>(_ method: Method, _ rhs: RHS, _ x0: [BigFloat],
                                                   _ configuration: StepperConfiguration<BigFloat>, stages: Int,
                                                   iteration: StageIteration) -> any Stepper<BigFloat> {
        switch method {
        case .gaussLegendre:
            return try! GaussLegendreStepper(stages: stages, rightHandSide: rhs, time: BigFloat(0), state: x0,
                                             configuration: configuration, iteration: iteration)
        case .fehlberg78:
            return try! ExplicitRungeKuttaStepper(tableau: .fehlberg78, rightHandSide: rhs, time: BigFloat(0),
                                                  state: x0, configuration: configuration)
        case .rungeKutta4:
            return try! ExplicitRungeKuttaStepper(tableau: .classicalRungeKutta4, rightHandSide: rhs,
                                                  time: BigFloat(0), state: x0, configuration: configuration)
        }
    }

    /// Parses `--stepper-json` arguments and runs `printJSON`.
    static func main(_ arguments: ArraySlice<String>) {
        func value(_ name: String) -> String? {
            arguments.firstIndex(of: name).map { arguments[arguments.index(after: $0)] }
        }
        guard let method = value("--method").flatMap(Method.init(rawValue:)) else {
            print("--stepper-json needs --method gl|rkf78|rk4"); return
        }
        let iteration: StageIteration
        switch value("--iteration") {
        case "newton": iteration = .newton
        case "fixed-point": iteration = .fixedPoint
        default: iteration = .automatic
        }
        printJSON(method: method, bits: value("--bits").flatMap { Int($0) } ?? 256,
                  log2Tolerance: value("--log2-tolerance").flatMap { Int($0) },
                  fixedSteps: value("--steps").flatMap { Int($0) }, stages: value("--stages").flatMap { Int($0) } ?? 8,
                  iteration: iteration, timeLimit: value("--time-limit").flatMap { Double($0) } ?? 600,
                  genericField: arguments.contains("--generic-field"))
    }
}
