import Claims
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing

@Suite("Report writers: every format parses back")
struct ReportWriterTests {
    let report = ReportFixtures.report

    @Test("JSON decodes back to the same report, with snake_case keys and decimal strings")
    func json() throws {
        let text = JSONReportWriter().render(report)
        let decoded = try JSONReportWriter.decode(Data(text.utf8))
        var unsigned = decoded
        unsigned.digest = nil
        #expect(unsigned == report)
        #expect(decoded.digest == JSONReportWriter.digest(of: report) && decoded.digestCheck == nil)
        #expect(text.contains("\"schemaVersion\" : 1") && text.contains("\"precision_bits\" : 128"))
        #expect(text.contains("\"value\" : \"0.0034476281837765978459\""))
        #expect(text.contains("\"complete\" : true"))
        #expect(JSONReportWriter().render(report) == text)                  // pure: same input, same bytes
        var newer = report
        newer.schemaVersion = 99
        #expect(throws: ReportSchemaError.self) { try JSONReportWriter.decode(Data(JSONReportWriter().render(newer).utf8)) }
    }

    @Test("JUnit XML parses, one testcase per instance; failures carry the counterexample")
    func junit() throws {
        let text = JUnitReportWriter().render(report)
        let collector = XMLCollector()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.count("testcase") == ReportFixtures.instanceCount)
        #expect(collector.count("testsuite") == 3)
        #expect(collector.count("failure") == 2)                            // broken: FAIL and INCONCLUSIVE
        #expect(collector.count("error") == 1 && collector.count("skipped") == 1)
        let failure = try #require(collector.texts["failure"]?.first)
        #expect(failure.contains("claim broken") && failure.contains("seed=0") && failure.contains("at step 3, j = 1")
                && failure.contains("precision 128 bits") && failure.contains("margin -1"))
        #expect(collector.texts["system-out"]?.first?.contains("expected FAIL, counterexample") == true)
        #expect(collector.attributes("testsuites").first?["failures"] == "2")
    }

    @Test("CSV parses back: one row per instance, a fixed column set, quoted cells intact")
    func csv() throws {
        let rows = parseCSV(CSVReportWriter().render(report))
        #expect(rows.count == ReportFixtures.instanceCount + 1)
        let header = rows[0]
        #expect(Array(header.prefix(CSVReportWriter.fixedColumns.count)) == CSVReportWriter.fixedColumns)
        #expect(rows.allSatisfy { $0.count == header.count })
        let x = try #require(header.firstIndex(of: "param:X"))
        #expect(rows[1][x] == "data/x, \"quoted\".csv (2×3)")
        let ratio = try #require(header.firstIndex(of: "ratio, with comma"))
        #expect(rows[1][ratio] == "1/3 exact")
        let margin = try #require(header.firstIndex(of: "margin"))
        #expect(rows.dropFirst().map { $0[margin] } == ["1.25e-3", "0", "1.25e-3", "-7.0e-4", "-1", "1e-40", "", "1.25e-3"])
    }

    @Test("LaTeX: booktabs structure, one row per instance, controlled digits")
    func latex() throws {
        let text = LaTeXReportWriter().render(report)
        for piece in ["\\begin{tabular*}{\\linewidth}", "\\toprule", "\\midrule", "\\bottomrule", "\\end{tabular*}",
                      "\\begin{table}", "\\label{tab:attest}", "S[table-format="] {
            #expect(text.contains(piece), "\(piece)")
        }
        // The caption is above the table.
        #expect(text.range(of: "\\caption{")!.lowerBound < text.range(of: "\\begin{tabular*}")!.lowerBound)
        let rows = text.split(separator: "\n").filter { $0.first?.isNumber == true }
        #expect(rows.count == ReportFixtures.instanceCount)
        #expect(rows.allSatisfy { $0.components(separatedBy: " & ").count == 5 && $0.hasSuffix("\\\\") })
        #expect(text.contains("\\texttt{all\\_pass}") && text.contains(" & 1.250e-3 & 2.1e-39 \\\\"))
        #expect(LaTeXReportWriter(wide: true).render(report).contains("\\begin{table*}"))
        #expect(text.filter { $0 == "{" }.count == text.filter { $0 == "}" }.count)
        #expect(!text.unicodeScalars.contains { !$0.isASCII && $0 != "±" })
    }

    @Test("LaTeX: the standalone table compiles with pdflatex",
          .enabled(if: TeXInstallation.has(TeXInstallation.tables), "pdflatex with booktabs and siunitx is not installed"))
    func latexCompiles() throws {
        try compileWithPDFLaTeX(LaTeXReportWriter(standalone: true).render(report))
    }

    @Test("Markdown: summary table and one instance table per claim")
    func markdown() {
        let text = MarkdownReportWriter().render(report)
        #expect(text.hasPrefix("# Attest report"))
        #expect(text.contains("| `broken` | PASS | **FAIL** | 4 | **no** |"))
        #expect(text.components(separatedBy: "\n## ").count == 4)
        let instanceRows = text.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.dropFirst(2).first?.isNumber == true }
        #expect(instanceRows.count == ReportFixtures.instanceCount)
    }

    @Test("Text: blocks, counterexamples, escalations and a summary table, no times")
    func text() {
        let text = TextReportWriter().render(report)
        #expect(text.contains("Summary\nclaim"))
        #expect(text.contains("counterexample: instance 0: seed=0"))
        #expect(text.contains("64 bits INCONCLUSIVE"))
        #expect(text.contains("3 claims, 8 instances: 2 met their expectation, 1 did not."))
        #expect(!text.contains("0.125"))
        let quiet = TextReportWriter(detail: .quiet).render(report)
        #expect(quiet.hasPrefix("Summary\n"))
        var incomplete = report
        incomplete.complete = false
        #expect(TextReportWriter().render(incomplete).contains("INCOMPLETE"))
        #expect(!incomplete.allMetExpectations)
    }

    @Test("Formats by file extension")
    func formats() {
        #expect(ReportFormat(fileName: "out/r.json") == .json)
        #expect(ReportFormat(fileName: "r.MD") == .markdown)
        #expect(ReportFormat(fileName: "r.tex") == .latex && ReportFormat(fileName: "r.xml") == .junit)
        #expect(ReportFormat(fileName: "r.csv") == .csv && ReportFormat(fileName: "r.pdf") == nil)
    }

    @Test("Significant digits")
    func digits() {
        #expect(SignificantDigits.round("0.0034476281837765978459", digits: 4) == "0.003448")
        #expect(SignificantDigits.round("-5.090712604504363e-33", digits: 3) == "-5.09e-33")
        #expect(SignificantDigits.round("123456.7", digits: 2) == "1.2e+5")
        #expect(SignificantDigits.round("not a number", digits: 2) == "not a number")
        // An error estimate shortened for a table never shrinks: 1.3217e-76 is 1.3e-76 to nearest, 1.4e-76 up;
        // a value that already has two digits stays as it is.
        #expect(SignificantDigits.round("1.3217e-76", digits: 2) == "1.3e-76")
        #expect(SignificantDigits.round("1.3217e-76", digits: 2, rounding: .up) == "1.4e-76")
        #expect(SignificantDigits.round("0.0034401", digits: 2, rounding: .up) == "0.0035")
        #expect(SignificantDigits.scientific("1.3217e-76", digits: 2, rounding: .up) == "1.4e-76")
        #expect(SignificantDigits.scientific("1.3e-76", digits: 2, rounding: .up) == "1.3e-76")
        #expect(SignificantDigits.round("0", digits: 2, rounding: .up) == "0")
    }

    @Test("Atomic writes leave no temporary file; a missing folder is a typed error")
    func atomicWrite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-report-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.json").path
        try ReportFile.write("first", to: path)
        try ReportFile.write("second", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.json"])
        #expect(throws: ReportFileError.folderMissing(path: folder.path + "/none/r.json")) {
            try ReportFile.write("x", to: folder.path + "/none/r.json")
        }
    }
}

/// Collects element names, attributes and text from an XML document.
final class XMLCollector: NSObject, XMLParserDelegate {
    var elements: [(String, [String: String])] = []
    var texts: [String: [String]] = [:]
    private var stack: [(String, String)] = []

    func count(_ name: String) -> Int { elements.filter { $0.0 == name }.count }
    func attributes(_ name: String) -> [[String: String]] { elements.filter { $0.0 == name }.map(\.1) }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        stack.append((name, ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].1 += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let (element, text) = stack.removeLast()
        texts[element, default: []].append(text)
    }
}

/// A small RFC 4180 reader: quoted cells with doubled quotes, commas and line breaks inside.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], cell = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { cell.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
            } else { cell.unicodeScalars.append(c) }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(cell); cell = ""
        } else if c == "\r" {
            continue
        } else if c == "\n" {
            row.append(cell); rows.append(row); row = []; cell = ""
        } else {
            cell.unicodeScalars.append(c)
        }
    }
    return rows
}

