import Claims
import Foundation
import Reports

/// A hand-made report with every verdict, an expected failure, special characters and an escalation.
enum ReportFixtures {
    static func instance(_ index: Int, _ verdict: Verdict, bits: Int? = 128, margin: String? = "1.25e-3",
                         location: String? = nil, message: String? = nil) -> InstanceReport {
        InstanceReport(
            index: index, parameters: ["seed": "\(index)", "widths": "[2, 3, 2]", "X": "data/x, \"quoted\".csv (2×3)"],
            seed: index, precisionBits: bits, verdict: verdict, margin: margin, marginError: margin == nil ? nil : "2.1e-39",
            seconds: 0.125, location: location, message: message, integratorStatistics: ["steps": "5"],
            measurements: [Measurement(name: "max_j ‖D_j‖_F", value: "0.0034476281837765978459", error: "2.26e-39"),
                           Measurement(name: "ratio, with comma", value: "1/3 exact", error: "0", exact: "1/3")],
            attempts: [AttemptSummary(precisionBits: 64, verdict: .inconclusive, margin: "1e-20", error: "1e-20", seconds: 0.01),
                       AttemptSummary(precisionBits: bits, verdict: verdict, margin: margin ?? "", error: "2.1e-39", seconds: 0.1)])
    }

    static var report: Report {
        let claims = [
            ClaimReport(id: "all_pass", title: "A & B < C", kind: "k", file: "proofs/a.toml", source: "Thm 1 §2",
                        statement: "‖x‖ ≤ η²", statementLatex: "\\|x\\| \\le \\eta^2", hypotheses: ["h1"], expected: .pass,
                        verdict: .pass, metExpectation: true, complete: true, counterexample: nil,
                        instances: [instance(0, .pass), instance(1, .pass, bits: nil, margin: "0")]),
            ClaimReport(id: "known-false", title: "false", kind: "k", file: "proofs/b.toml", source: "s", statement: "s",
                        statementLatex: nil, hypotheses: [], expected: .fail, verdict: .fail, metExpectation: true,
                        complete: true, counterexample: "instance 1: seed=1, at step 1, j = 2",
                        instances: [instance(0, .pass), instance(1, .fail, margin: "-7.0e-4", location: "step 1, j = 2")]),
            ClaimReport(id: "broken", title: "unmet", kind: "k", file: "proofs/c.toml", source: "s", statement: "s",
                        statementLatex: nil, hypotheses: [], expected: .pass, verdict: .fail, metExpectation: false,
                        complete: true, counterexample: "instance 0: seed=0",
                        instances: [instance(0, .fail, margin: "-1", location: "step 3, j = 1"),
                                    instance(1, .inconclusive, margin: "1e-40", message: "within the error"),
                                    instance(2, .error, margin: nil, message: "timed out after 1.0 s (--timeout)"),
                                    instance(3, .notApplicable)]),
        ]
        return Report(tool: ToolInfo(version: "0.1.0", gmp: "6.2.1", mpfr: "4.2.0"), time: "2026-01-02T03:04:05Z",
                      machine: MachineSummary(os: "Linux", architecture: "x86_64", processors: 2, memoryBytes: 1 << 34),
                      complete: true, claims: claims)
    }

    static var instanceCount: Int { report.claims.reduce(0) { $0 + $1.instances.count } }
}
