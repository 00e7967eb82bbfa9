import Claims
import Foundation

extension Report {
    /// The report of a run: copies the outcomes into report values (nothing is computed here beyond counting).
    ///
    /// - Parameters:
    ///   - result: the engine's result.
    ///   - tool: the tool and library versions.
    ///   - started: when the run started.
    ///   - machine: the machine (default: this one).
    ///   - resumeKeys: each claim's `ResumeKey` by id, computed before the run (`ResumeKey.keys`), recorded for
    ///     `--resume`.
    public init(result: CheckResult, tool: ToolInfo, started: Date, machine: MachineSummary = .current,
                resumeKeys: [String: ResumeKey] = [:]) {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        self.init(tool: tool, time: formatter.string(from: started), machine: machine, complete: result.isComplete,
                  claims: result.claims.map { outcome in
                      var claim = ClaimReport(outcome: outcome)
                      claim.resumeKey = resumeKeys[outcome.claim.id]
                      return claim
                  })
    }
}

extension ClaimReport {
    /// The report of one claim's outcome.
    public init(outcome: ClaimOutcome) {
        let claim = outcome.claim
        self.init(id: claim.id, title: claim.title, kind: claim.kind, file: claim.file, source: claim.source,
                  statement: claim.statement, statementLatex: claim.statementLaTeX, hypotheses: claim.hypotheses,
                  expected: Self.verdict(expected: claim.expectation), verdict: outcome.verdict,
                  metExpectation: outcome.metExpectation, complete: outcome.isComplete,
                  counterexample: outcome.counterexample.map { "instance \($0.instance.index): \($0.reproduction)" },
                  instances: outcome.instances.map(InstanceReport.init(outcome:)))
        totalInstances = claim.instances.count
        search = SearchReport(outcome: outcome)
        checked = claim.checked.isEmpty ? nil : claim.checked
    }

    /// The verdict that meets an expectation.
    static func verdict(expected: Expectation) -> Verdict {
        switch expected {
        case .pass: return .pass
        case .fail: return .fail
        case .inconclusive: return .inconclusive
        }
    }
}

extension InstanceReport {
    /// The report of one instance's outcome.
    public init(outcome: InstanceOutcome) {
        var parameters: [String: String] = [:]
        for entry in outcome.instance.parameters.reportEntries { parameters[entry.name] = entry.value }
        self.init(index: outcome.instance.index, parameters: parameters, seed: outcome.instance.seed,
                  precisionBits: outcome.precisionBits, verdict: outcome.verdict, margin: outcome.margin?.value,
                  marginError: outcome.margin?.error, seconds: outcome.seconds, location: outcome.location,
                  message: outcome.message, integratorStatistics: outcome.statistics.isEmpty ? nil : outcome.statistics,
                  measurements: outcome.measurements, attempts: outcome.attempts,
                  series: outcome.series.isEmpty ? nil : outcome.series, marginExact: outcome.margin?.exact)
        evidence = outcome.evidence
    }

    /// The parameters as `name=value` pairs sorted by name, joined by `, `.
    public var parameterText: String {
        parameters.keys.sorted().map { "\($0)=\(parameters[$0]!)" }.joined(separator: ", ")
    }
}
