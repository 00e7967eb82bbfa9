import Foundation
import Claims
import Symbolic

/// Time to prove the deep-linear-network obligations of proofs/symbolic for N = 2…8: conservation of balancedness
/// under gradient flow (all j at once) and, for N ≤ 6, the exact gradient-descent change. The obligation text is
/// built here exactly as scripts/generate-symbolic-obligations.py writes it, so the benchmark needs no files.
enum SymbolicBenchmark {
    static func run(repeats: Int = 9) {
        print("## Symbolic proofs")
        print("")
        print("Median of \(repeats) runs, milliseconds per obligation (all j = 1…N−1 together). *prove*: canonical forms of")
        print("every identity (`Context.prove`); *cross-check*: the exact randomized check on 3 random rational instances;")
        print("*load + check*: reading the TOML text, validating, proving and cross-checking, as `attest check` does.")
        print("")
        print("| N | flow identities | flow: prove | flow: cross-check | flow: load + check | GD identities | GD: prove | GD: load + check |")
        print("|---|---|---|---|---|---|---|---|")
        _ = measure(flowObligation(2), repeats: 2)   // warm-up
        for n in 2...8 {
            let flow = measure(flowObligation(n), repeats: repeats)
            var row = "| \(n) | \(n - 1) | \(fixed(flow.prove, 3)) | \(fixed(flow.crossCheck, 3)) | \(fixed(flow.total, 3)) |"
            if n <= 6 {
                let gd = measure(gradientDescentObligation(n), repeats: repeats)
                row += " \(3 * (n - 1)) | \(fixed(gd.prove, 3)) | \(fixed(gd.total, 3)) |"
            } else {
                row += " — | — | — |"
            }
            print(row)
        }
        print("")
    }

    struct Result { var prove: Double, crossCheck: Double, total: Double }

    static func measure(_ text: String, repeats: Int) -> Result {
        var prove: [Double] = [], cross: [Double] = [], total: [Double] = []
        for _ in 0..<repeats {
            let start = BenchmarkClock.now()
            guard let obligation = try? ObligationFile.parse(text: text) else { fatalError("benchmark obligation is malformed") }
            let report = obligation.check()
            precondition(report.metExpectation, "benchmark obligation failed: \(report.verdictLine)")
            total.append(Double(BenchmarkClock.now() - start) / 1e6)

            let proveStart = BenchmarkClock.now()
            for claim in obligation.claims { precondition((try? obligation.context.prove(claim.equation))?.isProved == true) }
            prove.append(Double(BenchmarkClock.now() - proveStart) / 1e6)

            let crossStart = BenchmarkClock.now()
            for claim in obligation.claims {
                precondition((try? obligation.crossCheck.run(claim.equation, in: obligation.context))?.counterexample == nil)
            }
            cross.append(Double(BenchmarkClock.now() - crossStart) / 1e6)
        }
        return Result(prove: BenchmarkClock.median(prove), crossCheck: BenchmarkClock.median(cross), total: BenchmarkClock.median(total))
    }

    // The obligation texts, as in proofs/symbolic/balancedness-{flow,gd}-N*.toml.

    static func product(_ b: Int, _ a: Int) -> String {
        b < a ? "" : stride(from: b, through: a, by: -1).map { "W\($0)" }.joined(separator: " ")
    }

    static func gradient(_ n: Int, _ j: Int) -> String {
        var parts: [String] = []
        if j < n { parts.append("transpose(\(product(n, j + 1)))") }
        parts.append("E")
        if j > 1 { parts.append("transpose(\(product(j - 1, 1)))") }
        return parts.joined(separator: " ")
    }

    static func common(_ n: Int, expect: String, extraSymbols: String = "") -> String {
        var text = "id = \"bench\"\ntitle = \"t\"\nstatement = \"s\"\nsource = \"s\"\nexpect = \"\(expect)\"\n\n[symbols]\n"
        for k in 1...n { text += "W\(k) = { shape = [\"d\(k)\", \"d\(k - 1)\"] }\n" }
        text += "E = { shape = [\"d\(n)\", \"d0\"] }\n" + extraSymbols + "\n[definitions]\n"
        for j in 1...n { text += "G\(j) = \"\(gradient(n, j))\"\n" }
        return text
    }

    static func flowObligation(_ n: Int) -> String {
        var text = common(n, expect: "proved") + "\n[flow]\n"
        for j in 1...n { text += "W\(j) = \"-G\(j)\"\n" }
        for j in 1..<n {
            text += "\n[[identity]]\nclaim = \"d/dt(W\(j + 1)' W\(j + 1) - W\(j) W\(j)') = 0\"\n"
        }
        return text
    }

    static func gradientDescentObligation(_ n: Int) -> String {
        var text = common(n, expect: "proved", extraSymbols: "eta = \"scalar\"\n") + "\n[step]\n"
        for j in 1...n { text += "W\(j) = \"W\(j) - eta G\(j)\"\n" }
        for j in 1..<n {
            let d = "W\(j + 1)' W\(j + 1) - W\(j) W\(j)'"
            text += "\n[[identity]]\nclaim = \"step(\(d)) - (\(d)) = eta^2 (G\(j + 1)' G\(j + 1) - G\(j) G\(j)')\"\n"
            text += "\n[[identity]]\nclaim = \"coeff(step(\(d)), eta, 1) = 0\"\n"
            text += "\n[[identity]]\nclaim = \"tr(step(W\(j + 1)' W\(j + 1))) - tr(step(W\(j)' W\(j))) = "
                + "tr(W\(j + 1)' W\(j + 1)) - tr(W\(j)' W\(j)) + eta^2 (tr(G\(j + 1)' G\(j + 1)) - tr(G\(j)' G\(j)))\"\n"
        }
        return text
    }
}
