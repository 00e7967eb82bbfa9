import AttestTestSupport
import Conjectures
import Dynamics
import Foundation
import LinearAlgebra
import Models
import MultiPrecision
import Symbolic

/// The two speed targets of the conjecture language, each a paired run in one process (the built-in and the
/// conjecture alternately, medians):
///
/// - P1a (deep linear network, N = 3, d = 4, t ∈ [0, 20]) stated as `Benchmarks/conjectures/p1a-gradient-flow.toml`:
///   the gradient of ½‖W3W2W1 − Φ‖²_F derived automatically and traced onto the Taylor tape, against the built-in
///   hand-written field `DeepLinearNetworkFlow.p1a`, both integrated by the same Taylor stepper at 256 bits with
///   tolerance 2^−256 (the figures of `TaylorBenchmark`). Target: ratio ≤ 1.25 with the same digits.
/// - P2a (OMWU on the 3 × 3 game, η = 1/20) stated as `Benchmarks/conjectures/p2a-omwu-map.toml`: the map run by
///   the map iterator, against the built-in loop `MultiplicativeWeights.run` (which also measures KL and its
///   identity every step), 10⁴ steps at 256 bits. Target: ratio ≤ 1.5.
///
/// The expressions below are those of the claim files; `check(claimFile:contains:)` refuses to run when a file no
/// longer states them, so the two cannot drift apart.
enum ConjectureBenchmark {
    static let p1aLoss = "1/2 norm2(W3 W2 W1 - Phi)"
    static let p2aUpdates = ["x": "normalize(x ∘ exp(-eta (2 A y - A prev(y))))",
                             "y": "normalize(y ∘ exp(eta (2 A' x - A' prev(x))))"]
    static let p2aPayoff: [[Rational]] = [["-25/24", "-7/24", "89/24"], ["23/24", "-31/24", "-7/24"],
                                          ["-7/24", "23/24", "-25/24"]].map { $0.map { Rational($0)! } }

    /// Stops when a claim file does not contain the expression the benchmark times.
    static func check(claimFile path: String, contains texts: [String]) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("cannot read \(path): run from the repository root"); exit(2)
        }
        for t in texts where !text.contains("\"\(t)\"") {
            print("\(path) no longer states \"\(t)\": update ConjectureBenchmark"); exit(2)
        }
    }

    // MARK: - P1a

    /// The conjecture's field for P1a, bound to the instance's values.
    static func p1aConjectureFlow() throws -> ConjectureFlow {
        let d = Dimension.fixed(4)
        let symbols = [ConjectureSymbol.matrix("Phi", d, d, role: .data)]
            + (1...3).map { ConjectureSymbol.matrix("W\($0)", d, d, role: .variable) }
        let program = try ConjectureProgram(symbols: symbols, dynamics: .gradientFlow(loss: p1aLoss, over: nil, extra: [:]))
        let field = DeepLinearNetworkFlow.p1a
        var values = ["Phi": field.target]
        for j in 0..<3 { values["W\(j + 1)"] = Array(field.initialState[(16 * j)..<(16 * (j + 1))]) }
        return try program.bind(dimensions: [:], parameters: [:], values: values).flow()
    }

    /// One P1a integration of `field` to t = 20 at `bits`, tolerance 2^−bits; the seconds and the final state.
    static func integrate<F: VectorField>(_ field: F, initialState: [Rational], bits: Int) -> (seconds: Double, state: [BigFloat], steps: Int) {
        withPrecision(bits) {
            let x0 = initialState.map { BigFloat($0, precision: bits) }
            let tolerance = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << bits))
            let end = BigFloat(20)
            let configuration = StepperConfiguration(precision: bits, relativeTolerance: tolerance,
                                                     absoluteTolerance: tolerance, horizonEnd: end)
            let start = BenchmarkClock.now()
            let stepper = try! TaylorStepper(field: field, time: BigFloat(0), state: x0, configuration: configuration)
            while stepper.time < end {
                guard case .accepted = stepper.step(toward: end) else { preconditionFailure("P1a: step failed") }
            }
            let seconds = Double(BenchmarkClock.now() - start) / 1e9
            return (seconds, stepper.state, stepper.statistics.acceptedSteps)
        }
    }

    static func runP1a(repeats: Int, bits: Int = 256) {
        check(claimFile: "Benchmarks/conjectures/p1a-gradient-flow.toml", contains: [p1aLoss])
        let builtIn = DeepLinearNetworkFlow.p1a
        let conjecture: ConjectureFlow
        do { conjecture = try p1aConjectureFlow() } catch { print("P1a conjecture: \(error)"); exit(2) }
        // The conjecture's state is W1, W2, W3 row-major, as the built-in's; map it by the layout to be sure.
        let offsets = (1...3).map { conjecture.layout.offset(of: "W\($0)")! }
        var initial = [Rational](repeating: Rational(0), count: 48)
        for j in 0..<3 { for i in 0..<16 { initial[offsets[j] + i] = builtIn.initialState[16 * j + i] } }
        var builtInTimes: [Double] = [], conjectureTimes: [Double] = []
        var lastBuiltIn: [BigFloat] = [], lastConjecture: [BigFloat] = []
        var steps = (0, 0)
        for _ in 0..<max(repeats, 1) {
            let a = integrate(builtIn, initialState: builtIn.initialState, bits: bits)
            let b = integrate(conjecture, initialState: initial, bits: bits)
            builtInTimes.append(a.seconds); conjectureTimes.append(b.seconds)
            lastBuiltIn = a.state; lastConjecture = b.state; steps = (a.steps, b.steps)
        }
        var reordered = [BigFloat](); reordered.reserveCapacity(48)
        for j in 0..<3 { for i in 0..<16 { reordered.append(lastConjecture[offsets[j] + i]) } }
        let digitsW = (TaylorBenchmark.digits(lastBuiltIn[0], TaylorBenchmark.referenceW, bits: bits).digits,
                       TaylorBenchmark.digits(reordered[0], TaylorBenchmark.referenceW, bits: bits).digits)
        let lossOf = { (s: [BigFloat]) in builtIn.loss(s.map { $0.rounded(toPrecision: bits + 64) }) }
        let digitsL = (TaylorBenchmark.digits(lossOf(lastBuiltIn), TaylorBenchmark.referenceLoss, bits: bits).digits,
                       TaylorBenchmark.digits(lossOf(reordered), TaylorBenchmark.referenceLoss, bits: bits).digits)
        let mb = BenchmarkClock.median(builtInTimes), mc = BenchmarkClock.median(conjectureTimes)
        print("## Conjecture language: P1a as a claim file against the built-in field (\(bits) bits, Taylor, tolerance 2^−\(bits), \(repeats) paired runs)")
        print("")
        print("| field | steps | digits W₁[0,0] | digits L(20) | median s |")
        print("|---|---:|---:|---:|---:|")
        print("| built-in `DeepLinearNetworkFlow` | \(steps.0) | \(fixed(digitsW.0, 1)) | \(fixed(digitsL.0, 1)) | \(fixed(mb, 3)) |")
        print("| conjecture `p1a-gradient-flow.toml` | \(steps.1) | \(fixed(digitsW.1, 1)) | \(fixed(digitsL.1, 1)) | \(fixed(mc, 3)) |")
        print("")
        print("ratio conjecture / built-in = \(fixed(mc / mb, 3)) (target ≤ 1.25); runs: built-in \(builtInTimes.map { fixed($0, 3) }), conjecture \(conjectureTimes.map { fixed($0, 3) })")
        print("")
    }

    // MARK: - P2a

    static func p2aConjectureMap() throws -> ConjectureMap {
        let n = Dimension.fixed(3)
        let symbols = [ConjectureSymbol.matrix("A", n, n, role: .data), ConjectureSymbol.vector("x", n, role: .variable),
                       ConjectureSymbol.vector("y", n, role: .variable)]
        let program = try ConjectureProgram(symbols: symbols, parameters: ["eta"], dynamics: .map(p2aUpdates))
        let third = Rational(numerator: 1, denominator: 3)
        return try program.bind(dimensions: [:], parameters: ["eta": Rational(numerator: 1, denominator: 20)],
                                values: ["A": p2aPayoff.flatMap { $0 }, "x": [third, third, third], "y": [third, third, third]]).map()
    }

    static func runP2a(repeats: Int, steps: Int = 10_000, bits: Int = 256) {
        check(claimFile: "Benchmarks/conjectures/p2a-omwu-map.toml", contains: Array(p2aUpdates.values))
        let game: ZeroSumGame
        let map: ConjectureMap
        do {
            game = try ZeroSumGame(payoff: Matrix(rows: p2aPayoff))
            map = try p2aConjectureMap()
        } catch { print("P2a: \(error)"); exit(2) }
        let builtIn = MultiplicativeWeights(game: game, method: .omwu, stepSize: Rational(numerator: 1, denominator: 20))
        var builtInTimes: [Double] = [], conjectureTimes: [Double] = []
        var builtInKL = BigFloat(0), conjectureX: [BigFloat] = []
        for _ in 0..<max(repeats, 1) {
            withPrecision(bits) {
                let start = BenchmarkClock.now()
                let run = builtIn.run(steps: steps)
                builtInTimes.append(Double(BenchmarkClock.now() - start) / 1e9)
                builtInKL = run.finalKL
            }
            withPrecision(bits) {
                let problem = try! MapProblem(map: map, initialState: map.bound.initialState, steps: steps)
                let start = BenchmarkClock.now()
                let result = try! iterate(problem, scalar: BigFloat.self, options: MapOptions(precision: bits))
                conjectureTimes.append(Double(BenchmarkClock.now() - start) / 1e9)
                conjectureX = result.state
            }
        }
        // KL of the conjecture's final iterate, for the digits (computed after the timing).
        let xs: [Rational] = ["1/6", "1/3", "1/2"].map { Rational($0)! }, ys: [Rational] = ["1/2", "1/3", "1/6"].map { Rational($0)! }
        let kl = withPrecision(bits + 64) { () -> BigFloat in
            let xo = map.layout.offset(of: "x")!, yo = map.layout.offset(of: "y")!
            var s = BigFloat(0)
            for i in 0..<3 {
                let p = BigFloat(xs[i]), q = BigFloat(ys[i])
                s = s + p * BigFloat.log(p / conjectureX[xo + i]) + q * BigFloat.log(q / conjectureX[yo + i])
            }
            return s
        }
        let reference = "2.1724591764269927140953617714860030249086332369323179839582227677636401084317098095159875602348418871080278621010670908655922788648198060280011720309589666182e-07"
        let digitsBuiltIn = TaylorBenchmark.digits(builtInKL, reference, bits: bits).digits
        let digitsConjecture = TaylorBenchmark.digits(kl, reference, bits: bits).digits
        let mb = BenchmarkClock.median(builtInTimes), mc = BenchmarkClock.median(conjectureTimes)
        print("## Conjecture language: P2a (OMWU) as a map against the built-in loop (\(bits) bits, \(steps) steps, \(repeats) paired runs)")
        print("")
        print("| loop | digits KL(10⁴) | median s |")
        print("|---|---:|---:|")
        print("| built-in `MultiplicativeWeights.run` (also measures KL every step) | \(fixed(digitsBuiltIn, 1)) | \(fixed(mb, 3)) |")
        print("| conjecture `p2a-omwu-map.toml` (map iterator) | \(fixed(digitsConjecture, 1)) | \(fixed(mc, 3)) |")
        print("")
        print("ratio conjecture / built-in = \(fixed(mc / mb, 3)) (target ≤ 1.5); runs: built-in \(builtInTimes.map { fixed($0, 3) }), conjecture \(conjectureTimes.map { fixed($0, 3) })")
        print("")
    }
}
