import Claims
import Foundation
import Reports
import Testing

/// Every verdict, in every format, carries the line that says what was checked, beside the claim's own statement
/// labelled as the claim's; interrupted claims read NOT RUN / PARTLY RUN; exact numbers print exactly.
@Suite("The verdict says what was checked")
struct VerdictLineTests {
    static let checked = "ℓ(t+1) ≤ (1 − η σ_min^{2(N−1)/N}) ℓ(t) at every step"

    static var report: Report {
        var report = ReportFixtures.report
        for i in report.claims.indices { report.claims[i].checked = [checked] }
        return report
    }

    static let formats: [ReportFormat] = [.text, .json, .markdown, .latex, .junit, .csv, .html]

    @Test("Every format carries the checked line and the claim's labelled statement", arguments: formats)
    func everyFormat(format: ReportFormat) {
        let text = format.render(Self.report)
        switch format {
        case .latex:
            // The formulas are set as math (σ_min^{2(N−1)/N} as a real sub- and superscript); the words stay text.
            #expect(text.contains("checked: $\\ell (t+1)$ \\ensuremath{\\leq}"))
            #expect(text.contains("\\sigma _{\\min}^{2(N-1)/N}") && !text.contains("textasciicircum"))
            #expect(text.contains("claim (the file's statement): $\\|x\\| \\le \\eta^2$"))
        case .json:
            #expect(text.contains("\"checked\" : [\n        \"\(Self.checked)\""))
        case .csv:
            #expect(text.components(separatedBy: "\r\n")[0].contains("checked"))
            #expect(text.contains(Self.checked))
        case .junit:
            #expect(text.contains("<property name=\"checked\" value=\"\(Self.checked)\"/>"))
            #expect(text.contains("<property name=\"claim statement\""))
        case .html:
            // Formulas as Unicode with real sub- and superscripts, not LaTeX source.
            #expect(text.contains("<dt>Checked</dt><dd class=\"checked\">ℓ(t+1) ≤ (1 − η σ<sub>min</sub><sup>2(N−1)/N</sup>) ℓ(t) at every step</dd>"))
            #expect(text.contains("<dt>Claim (the file's statement)</dt>"))
        case .markdown:
            #expect(text.contains("- **Checked:** \(Self.checked)"))
            #expect(text.contains("- **Claim (the file's statement, not read by Attest):** ‖x‖ ≤ η²"))
        default:
            #expect(text.contains("checked: " + Self.checked))
            #expect(text.contains("claim (the file's statement): ‖x‖ ≤ η²"))
        }
    }

    @Test("A kind that states nothing is named as such, not left blank")
    func missingDescription() {
        let text = TextReportWriter().render(ReportFixtures.report)
        #expect(text.contains("checked: (the kind k does not state what it checks)"))
    }

    @Test("An interrupted claim reads NOT RUN or PARTLY RUN, never INCONCLUSIVE")
    func interrupted() {
        var report = Self.report
        report.complete = false
        report.claims[0].complete = false
        report.claims[0].verdict = .inconclusive
        report.claims[0].totalInstances = 4
        report.claims[1].complete = false
        report.claims[1].verdict = .inconclusive
        report.claims[1].instances = []
        report.claims[1].totalInstances = 2
        #expect(report.claims[0].displayVerdict == "PARTLY RUN")
        #expect(report.claims[1].displayVerdict == "NOT RUN")
        for format in [ReportFormat.text, .markdown, .html] {
            let text = format.render(report)
            #expect(text.contains("PARTLY RUN") && text.contains("NOT RUN"), "\(format)")
        }
        let summary = TextReportWriter().render(report).components(separatedBy: "Summary")[1].split(separator: "\n")
        let rows = summary.filter { $0.hasPrefix("all_pass") || $0.hasPrefix("known-false") }
        #expect(rows.count == 2 && rows.allSatisfy { !$0.contains("INCONCLUSIVE") })
        #expect(rows[0].contains("PARTLY RUN") && rows[1].contains("NOT RUN"))
        // A FAIL found before the interruption stands.
        report.claims[2].complete = false
        #expect(report.claims[2].displayVerdict == "FAIL")
    }

    @Test("Exact measurements print exactly: counts as integers, fractions as fractions")
    func exactNumbers() {
        var report = Self.report
        report.claims[0].instances[0].measurements = [
            Measurement(name: "identities proved", value: "1", error: "0", exact: "1"),
            Measurement(name: "step", value: "0.0078125", error: "0", exact: "1/128"),
            Measurement(name: "tiny", value: "0.000000000000000000000000000001", error: "0", exact: "1/1000000000000000000000000000000"),
        ]
        let text = TextReportWriter(detail: .verbose).render(report)
        #expect(text.contains("identities proved = 1 (exact)"))
        #expect(text.contains("step = 1/128 (exact)"))
        #expect(text.contains("tiny = 1e-30 (exact)"))
        #expect(!text.contains("identities proved = 1.0") && !text.contains("(exactly"))
        let markdown = MarkdownReportWriter().render(report)
        #expect(markdown.contains("| 1 | 1/128 | 1e-30 |"))
    }

    @Test("A refuted identity's counterexample matrices are printed under its verdict")
    func evidence() {
        var report = Self.report
        let matrices = "counterexample (seed 1, trial 0): d0 = 2\n  A = [1 2]\n      [3 4]"
        report.claims[1].instances[1].evidence = matrices
        for format in [ReportFormat.text, .markdown] {
            #expect(format.render(report).contains("A = [1 2]"), "\(format)")
        }
        #expect(ReportFormat.html.render(report).contains("<pre class=\"evidence\">counterexample (seed 1, trial 0)"))
        #expect(ReportFormat.junit.render(report).contains("A = [1 2]"))
    }
}
