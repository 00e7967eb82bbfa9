// attest-benchmarks: performance figures for docs/benchmarks.md. Never part of the test suite.
// Run with `make bench` (release build). `--leak-check` runs a long loop of operations for `make leaks`.
import AttestTestSupport
import Foundation
import MultiPrecision

let arguments = CommandLine.arguments.dropFirst()
if arguments.contains("--leak-check") {
    LeakCheck.run()
} else if arguments.contains("--omwu-json") {
    let steps = arguments.firstIndex(of: "--steps").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 10_000
    let bits = arguments.firstIndex(of: "--bits").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 256
    OMWUPeerBenchmark.printJSON(steps: steps, bits: bits)
} else if arguments.contains("--allocations") {
    let steps = arguments.firstIndex(of: "--steps").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 200
    let bits = arguments.firstIndex(of: "--bits").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 256
    AllocationBenchmark.run(steps: steps, bits: bits)
} else if arguments.contains("--stepper-json") {
    SteppersBenchmark.main(arguments)
} else if arguments.contains("--taylor-json") {
    let bits = arguments.firstIndex(of: "--bits").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 256
    let log2Tolerance = arguments.firstIndex(of: "--log2-tolerance").flatMap { Int(arguments[arguments.index(after: $0)]) }
    let guardBits = arguments.firstIndex(of: "--state-guard-bits").flatMap { Int(arguments[arguments.index(after: $0)]) }
    let problem = arguments.firstIndex(of: "--problem").map { arguments[arguments.index(after: $0)] } ?? "p1a"
    // The horizon as a decimal (e.g. 20, 2, 0.5), exactly.
    let end = arguments.firstIndex(of: "--t-end").flatMap { Rational(arguments[arguments.index(after: $0)]) }
    TaylorBenchmark.printJSON(bits: bits, log2Tolerance: log2Tolerance, tapering: !arguments.contains("--no-tapering"),
                              stateGuardBits: guardBits ?? 32, field: problem == "p1b" ? .p1b : .p1a,
                              end: end ?? Rational(20),
                              taperingGuardBits: arguments.firstIndex(of: "--tapering-guard-bits")
                                  .flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 32,
                              taperingEveryLimbCount: !arguments.contains("--tapering-sparse-levels"),
                              taperingHardwareDouble: !arguments.contains("--no-double-tail"))
} else if arguments.contains("--rigorous") {
    let repeats = arguments.firstIndex(of: "--repeats").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 3
    let steps = arguments.firstIndex(of: "--omwu-steps").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 100_000
    RigorousBenchmark.run(repeats: repeats, steps: steps)
} else if arguments.contains("--conjectures") {
    let repeats = arguments.firstIndex(of: "--repeats").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 5
    let steps = arguments.firstIndex(of: "--omwu-steps").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 10_000
    ConjectureBenchmark.run(repeats: repeats, omwuSteps: steps)
} else if arguments.contains("--taylor") {
    let repeats = arguments.firstIndex(of: "--repeats").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 5
    let bits = arguments.firstIndex(of: "--bits").flatMap { Int(arguments[arguments.index(after: $0)]) }
    TaylorBenchmark.run(repeats: repeats, precisions: bits.map { [$0] } ?? [256, 512])
} else {
    let repeats = arguments.firstIndex(of: "--repeats").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 9
    print("# attest-benchmarks (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
    print("")
    NumberBenchmarks.run(repeats: repeats)
    MatrixProductBenchmark.run(repeats: repeats)
    SymbolicBenchmark.run(repeats: repeats)
    TaylorBenchmark.run(repeats: repeats)
}
