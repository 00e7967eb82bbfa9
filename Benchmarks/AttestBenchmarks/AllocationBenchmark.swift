import AttestTestSupport
import CAllocationCounter
import Dynamics
import Foundation
import LinearAlgebra
import Models
import MultiPrecision

/// Allocations per step of the maps and steppers (issue 20: "maps run in place, no allocation per step"; RK and
/// Gauss–Legendre evaluate fields through a tape), after warm-up: each subject is run for N and for 2N steps, each
/// run counted with `attest_allocation_count()` (every malloc, calloc, realloc and aligned allocation of the
/// process, MPFR's and GMP's own included), and the count per step is (A(2N) − A(N)) / N, so that set-up costs
/// (tracing a tape, building a workspace, the first step) cancel. `attest-benchmarks --allocations [--steps N]`.
enum AllocationBenchmark {
    static func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }

    /// The allocations of `body`.
    static func count(_ body: () -> Void) -> UInt64 {
        let before = attest_allocation_count()
        body()
        return attest_allocation_count() - before
    }

    /// (A(2N) − A(N)) / N for `run(k)` = a whole run of k steps.
    static func perStep(_ n: Int, _ run: (Int) -> Void) -> Double {
        run(2)  // warm-up: caches, workspaces, metadata
        let once = count { run(n) }, twice = count { run(2 * n) }
        return (Double(twice) - Double(once)) / Double(n)
    }

    /// `map` iterated through `iterate` with no observer: the map and the iteration loop alone.
    static func iterated<Map: DiscreteMap>(_ map: Map, from x0: [Rational], bits: Int) -> (Int) -> Void {
        { steps in
            let problem = try! MapProblem(map: map, initialState: x0, steps: steps)
            let result = try! iterate(problem, scalar: BigFloat.self, options: MapOptions(precision: bits))
            precondition(result.step == steps, "\(Map.self) stopped early: \(result.termination)")
        }
    }

    /// OMWU on P2a (`OMWUPeerBenchmark`'s game).
    static var p2a: MultiplicativeWeights {
        let game = try! ZeroSumGame(payoff: Matrix(rows: 3, columns: 3, elements: [
            r(-25, 24), r(-7, 24), r(89, 24), r(23, 24), r(-31, 24), r(-7, 24), r(-7, 24), r(23, 24), r(-25, 24)]))
        return MultiplicativeWeights(game: game, method: .omwu, stepSize: r(1, 20))
    }

    /// Gradient descent on a deep linear network (widths 3, 4, 4, 2, six samples, square loss, η = 1/100): the map of
    /// the `dln-gd-*` kinds.
    static func deepLinearDescent() -> (DeepLinearGradientDescent, [Rational]) {
        let widths = [3, 4, 4, 2]
        let x = Matrix(rows: 3, columns: 6) { r(($0 * 5 + $1 * 3) % 7 - 3, 4) }
        let y = Matrix(rows: 2, columns: 6) { r(($0 * 2 + $1) % 5 - 2, 3) }
        let field = try! DeepLinearNetworkGradientFlow(widths: widths, x: x, y: y)
        let layers = (1..<widths.count).map { j in
            Matrix(rows: widths[j], columns: widths[j - 1]) { r(($0 * 3 + $1 * 5 + j) % 9 - 4, 8) }
        }
        return (field.gradientDescent(stepSize: r(1, 100)), DeepLinearNetworkGradientFlow.state(of: layers))
    }

    /// Deep matrix factorization W_3 W_2 W_1 ≈ A (3 × 3 factors, η = 1/50).
    static func factorization() -> (FactorizationDescent, [Rational]) {
        let target = Matrix(rows: 3, columns: 3) { r(($0 * 4 + $1 * 7) % 5 - 2, 2) }
        let map = FactorizationDescent(widths: [3, 3, 3, 3], loss: .target(target), stepSize: r(1, 50))
        let layers = (1...3).map { j in Matrix(rows: 3, columns: 3) { r($0 == $1 ? 2 : 0, 3) + r(($0 + 2 * $1 + j) % 5 - 2, 16) } }
        return (map, FactorizationDescent.state(of: layers))
    }

    /// Deep matrix factorization with the sensing loss ½Σ_i (⟨A_i, W_3 W_2 W_1⟩ − y_i)² (3 × 3, m = 3, η = 1/50).
    static func factorizationSensing() -> (FactorizationDescent, [Rational]) {
        let sensing = (0..<3).map { k in Matrix(rows: 3, columns: 3) { i, j in r((i + 2 * j + k) % 3 - 1, 1) } }
        let map = FactorizationDescent(widths: [3, 3, 3, 3], loss: .sensing(sensing, [2, 1, r(1, 2)]), stepSize: r(1, 50))
        return (map, factorization().1)
    }

    /// Mirror descent on 3 × 3 PSD matrix sensing with three symmetric measurements (η = 1/10, X_0 = I/3).
    static func mirrorDescent() -> (MatrixMirrorDescent, [Rational]) {
        let sensing = (0..<3).map { k in Matrix(rows: 3, columns: 3) { i, j in r((i + j + k) % 3 + (i == j ? 1 : 0), 2) } }
        let map = MatrixMirrorDescent(sensing: sensing, measurements: [r(1, 1), r(1, 2), r(3, 4)], stepSize: r(1, 10))
        return (map, map.initialState(alpha: r(1, 3)))
    }

    /// `steps` fixed steps h = 1/100 of P1a with `method`'s stepper, the field through `TapeFieldEvaluator` (or
    /// through the generic `VectorFieldEvaluator` when `generic`).
    static func stepped(_ method: SteppersBenchmark.Method, bits: Int, generic: Bool = false) -> (Int) -> Void {
        { steps in
            withPrecision(bits) {
                let field = DeepLinearNetworkFlow.p1a
                let x0 = field.initialState.map { BigFloat($0, precision: bits) }
                let end = BigFloat(20), tolerance = BigFloat(1).scaled(byPowerOfTwo: -bits)
                let configuration = StepperConfiguration(
                    precision: bits, relativeTolerance: tolerance, absoluteTolerance: tolerance,
                    fixedStep: BigFloat(r(1, 100)), horizonEnd: end)
                var stepper = generic
                    ? SteppersBenchmark.make(method, VectorFieldEvaluator<DeepLinearNetworkFlow, BigFloat>(field, precision: bits),
                                             x0, configuration, stages: 4, iteration: .newton)
                    : SteppersBenchmark.make(method, TapeFieldEvaluator<DeepLinearNetworkFlow, BigFloat>(field, precision: bits),
                                             x0, configuration, stages: 4, iteration: .newton)
                for _ in 0..<steps {
                    guard case .accepted = stepper.step(toward: end) else { preconditionFailure("P1a: step failed") }
                }
            }
        }
    }

    /// `steps` evaluations of P1a's field through `TapeFieldEvaluator` alone, at one state.
    static func tapeEvaluations(bits: Int) -> (Int) -> Void {
        { steps in
            withPrecision(bits) {
                let field = DeepLinearNetworkFlow.p1a
                var rhs = TapeFieldEvaluator<DeepLinearNetworkFlow, BigFloat>(field, precision: bits)
                let x = field.initialState.map { BigFloat($0, precision: bits) }, t = BigFloat(0)
                var derivative = x.map { _ in BigFloat(0) }
                for _ in 0..<steps { rhs.evaluate(time: t, state: x, into: &derivative) }
            }
        }
    }

    /// Taylor steps of P1a at tolerance 2^−bits (order 90 at 256 bits), adaptive as in `TaylorBenchmark`.
    static func taylor(bits: Int) -> (Int) -> Void {
        { steps in
            withPrecision(bits) {
                let field = DeepLinearNetworkFlow.p1a
                let x0 = field.initialState.map { BigFloat($0, precision: bits) }
                let tolerance = BigFloat(1).scaled(byPowerOfTwo: -bits), end = BigFloat(20)
                let stepper = try! TaylorStepper(field: field, time: BigFloat(0), state: x0, configuration:
                    StepperConfiguration(precision: bits, relativeTolerance: tolerance, absoluteTolerance: tolerance,
                                         horizonEnd: end))
                for _ in 0..<steps {
                    guard case .accepted = stepper.step(toward: end) else { preconditionFailure("P1a: step failed") }
                }
            }
        }
    }

    static func run(steps n: Int, bits: Int) {
        print("| subject | allocations per step (A(2N) − A(N)) / N | N |")
        print("|---|---:|---:|")
        func row(_ name: String, _ n: Int, _ run: (Int) -> Void) {
            print("| \(name) | \(fixed(perStep(n, run), 2)) | \(n) |")
        }
        let omwu = p2a
        let omwuMap = MultiplicativeWeightsMap(omwu)
        row("OMWU map (P2a, state dimension \(omwuMap.dimension)), iterate, no observer", n, iterated(omwuMap, from: omwuMap.initialState, bits: bits))
        row("OMWU run (P2a), MultiplicativeWeights.run, KL every step", n) { steps in
            withPrecision(bits) { _ = try! omwu.run(steps: steps, from: 2, recordChanges: false) }
        }
        let (dln, dlnStart) = deepLinearDescent()
        row("DLN gradient descent (widths 3-4-4-2, dimension \(dln.dimension)), iterate", n, iterated(dln, from: dlnStart, bits: bits))
        let (dmf, dmfStart) = factorization()
        row("deep matrix factorization descent (3 × 3, depth 3, dimension \(dmf.dimension)), iterate", n, iterated(dmf, from: dmfStart, bits: bits))
        let (sensed, sensedStart) = factorizationSensing()
        row("deep matrix factorization descent, sensing loss (3 × 3, depth 3, m = 3), iterate", n, iterated(sensed, from: sensedStart, bits: bits))
        let scalar = ScalarFactorizationDescent(targets: [3, 2, 1, r(1, 2)].map { BigFloat($0 as Rational, precision: bits) },
                                                depth: 3, stepSize: r(1, 50))
        row("scalar factorization descent (4 modes, depth 3), iterate", n, iterated(scalar, from: Array(repeating: r(1, 10), count: 4), bits: bits))
        let baseline = Array(repeating: r(1, 10), count: 48)
        row("the iterator alone: a map that copies its 48 entries in place", n, iterated(_CopyMap(dimension: 48), from: baseline, bits: bits))
        row("the iterator alone: a map that writes nothing (48 entries)", n, iterated(_IdleMap(dimension: 48), from: baseline, bits: bits))
        let (mirror, mirrorStart) = mirrorDescent()
        row("mirror descent, 3 × 3 matrix sensing (dimension \(mirror.dimension)), iterate", max(n / 10, 5), iterated(mirror, from: mirrorStart, bits: bits))
        let m = max(n / 20, 5)
        row("TapeFieldEvaluator alone, P1a's field (one evaluation per step)", n, tapeEvaluations(bits: bits))
        row("RK4 on P1a, TapeFieldEvaluator (4 evaluations per step)", m, stepped(.rungeKutta4, bits: bits))
        row("RK4 on P1a, generic VectorFieldEvaluator (before the tape)", m, stepped(.rungeKutta4, bits: bits, generic: true))
        row("Fehlberg 7(8) on P1a, TapeFieldEvaluator (13 evaluations per step)", m, stepped(.fehlberg78, bits: bits))
        row("Gauss–Legendre s = 4 on P1a, TapeFieldEvaluator, Newton", max(m / 2, 3), stepped(.gaussLegendre, bits: bits))
        row("Taylor on P1a (order 90 at 256 bits, adaptive)", 10, taylor(bits: bits))
    }
}

/// x_{k+1} = whatever the spare vector holds (an earlier iterate): the iterator's own cost, with no write to `next`.
struct _IdleMap: DiscreteMap {
    var dimension: Int
    func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {}
}
