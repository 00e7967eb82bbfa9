// attest-benchmarks: performance figures for docs/benchmarks.md. Never part of the test suite.
// Run with `make bench` (release build). `--leak-check` runs a long loop of operations for `make leaks`.
import Foundation

let arguments = CommandLine.arguments.dropFirst()
if arguments.contains("--leak-check") {
    LeakCheck.run()
} else {
    let repeats = arguments.firstIndex(of: "--repeats").flatMap { Int(arguments[arguments.index(after: $0)]) } ?? 9
    print("# attest-benchmarks (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores)")
    print("")
    NumberBenchmarks.run(repeats: repeats)
    MatrixProductBenchmark.run(repeats: repeats)
    SymbolicBenchmark.run(repeats: repeats)
}
