import Claims
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing

/// Issue 21, "partial reports that look complete": an interrupted run's report says so in every format, where its
/// reader sees it; for JUnit, an error test case for the missing work, so that CI reads it as red.
@Suite("Incomplete runs: every format says so visibly")
struct IncompleteReportTests {
    /// The fixture report, interrupted: `all_pass` ran 2 of its 4 instances, a fourth claim `never-ran` none of its 3.
    static var report: Report {
        var report = ReportFixtures.report
        report.claims[0].complete = false
        report.claims[0].totalInstances = 4
        for c in 1..<3 { report.claims[c].totalInstances = report.claims[c].instances.count }
        report.claims.append(ClaimReport(id: "never-ran", title: "t", kind: "k", file: "proofs/d.toml", source: "s",
                                         statement: "s", statementLatex: nil, hypotheses: [], expected: .pass,
                                         verdict: .notApplicable, metExpectation: false, complete: false,
                                         counterexample: nil, instances: []))
        report.claims[3].totalInstances = 3
        report.complete = false
        return report
    }

    static let sentence = "INCOMPLETE: the run was interrupted; 2 claims did not finish (all_pass: 2 of its 4 instances "
        + "did not run; never-ran: none of its 3 instances ran). This report does not count as a full run."

    @Test("JUnit: one error test case per unfinished claim; the totals count them (errors 1 → 3)")
    func junit() throws {
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(JUnitReportWriter().render(Self.report).utf8))
        parser.delegate = collector
        #expect(parser.parse())
        let missing = collector.attributes("testcase").filter { $0["name"] == "instances not run" }
        #expect(missing.map { $0["classname"] } == ["attest.all_pass", "attest.never-ran"])
        let incomplete = collector.attributes("error").filter { $0["type"] == "INCOMPLETE" }
        #expect(incomplete.map { $0["message"] } == ["the run was interrupted: 2 of its 4 instances did not run",
                                                    "the run was interrupted: none of its 3 instances ran"])
        let totals = try #require(collector.attributes("testsuites").first)
        #expect(totals["errors"] == "3" && totals["tests"] == "\(ReportFixtures.instanceCount + 2)")
        let suites = collector.attributes("testsuite")
        #expect(suites.last?["name"] == "never-ran" && suites.last?["tests"] == "1" && suites.last?["errors"] == "1")
        // A complete report has no such test case.
        #expect(!JUnitReportWriter().render(ReportFixtures.report).contains("INCOMPLETE"))
        // Interrupted with every listed claim finished: still one error test case.
        var interrupted = ReportFixtures.report
        interrupted.complete = false
        let text = JUnitReportWriter().render(interrupted)
        #expect(text.contains("name=\"run not complete\"") && text.contains("errors=\"2\""))
    }

    @Test("CSV: a complete column (false on every row) and a NOT RUN row per unfinished claim")
    func csv() throws {
        let rows = parseCSV(CSVReportWriter().render(Self.report))
        let header = try #require(rows.first)
        let complete = try #require(header.firstIndex(of: "complete"))
        let verdict = try #require(header.firstIndex(of: "verdict")), location = try #require(header.firstIndex(of: "location"))
        #expect(rows.dropFirst().allSatisfy { $0.count == header.count && $0[complete] == "false" })
        let notRun = rows.filter { $0[verdict] == CSVReportWriter.notRun }
        #expect(notRun.map { $0[0] } == ["all_pass", "never-ran"])
        #expect(notRun.map { $0[location] } == ["the run was interrupted: 2 of its 4 instances did not run",
                                               "the run was interrupted: none of its 3 instances ran"])
        #expect(rows.count == 1 + ReportFixtures.instanceCount + 2)
        let full = parseCSV(CSVReportWriter().render(ReportFixtures.report))
        #expect(full.dropFirst().allSatisfy { $0[complete] == "true" && $0[verdict] != CSVReportWriter.notRun })
    }

    @Test("A resumed report lists what was rerun and why in text, Markdown, HTML and JSON")
    func resumeNotes() throws {
        var report = ReportFixtures.report
        report.resume = ResumeSummary(reused: 3, rerun: [ResumeNote(claim: "broken", instances: [0, 2], reason: "tolerance 1 in the report, 0 now")])
        let line = "resumed: claim broken, instances #0, #2 run again: tolerance 1 in the report, 0 now"
        #expect(report.resume?.lines == ["resumed: 3 instance results taken over from the earlier report", line])
        #expect(TextReportWriter(detail: .quiet).render(report).contains(line))
        #expect(MarkdownReportWriter().render(report).contains("- " + line))
        #expect(HTMLReportWriter().render(report).contains("<li>\(line)</li>"))
        let json = try JSONReportWriter.decode(Data(JSONReportWriter().render(report).utf8))
        #expect(json.resume == report.resume)
    }

    @Test("Text, Markdown, LaTeX, HTML and JSON state it where a reader sees it")
    func otherFormats() throws {
        let report = Self.report
        #expect(report.incompleteness == Self.sentence)
        let text = TextReportWriter().render(report)
        #expect(text.contains(Self.sentence) && text.contains("interrupted: none of its 3 instances ran"))
        #expect(TextReportWriter(detail: .quiet).render(report).contains(Self.sentence))
        let markdown = MarkdownReportWriter().render(report)
        #expect(markdown.contains("**\(Self.sentence)**") && markdown.contains("- **Incomplete:** 2 of its 4 instances did not run"))
        // LaTeX: in the caption, which the typeset document shows (not only in a % comment).
        let latex = LaTeXReportWriter().render(report)
        let caption = try #require(latex.split(separator: "\n").first { $0.hasPrefix("\\caption{") })
        #expect(caption.contains("\\textbf{INCOMPLETE: the run was interrupted; 2 claims did not finish"))
        let html = HTMLReportWriter().render(report)
        #expect(html.contains("<p class=\"warning\"><strong>Incomplete:</strong>") && html.contains("none of its 3 instances ran"))
        let json = try JSONReportWriter.decode(Data(JSONReportWriter().render(report).utf8))
        #expect(!json.complete && json.claims.map(\.totalInstances) == [4, 2, 4, 3])
        // A complete report says none of it.
        let full = ReportFixtures.report
        for rendered in [TextReportWriter().render(full), MarkdownReportWriter().render(full), LaTeXReportWriter().render(full),
                         HTMLReportWriter().render(full)] {
            #expect(!rendered.contains("INCOMPLETE") && !rendered.contains("Incomplete"))
        }
    }
}
