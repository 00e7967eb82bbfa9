import AttestTestSupport
import Claims
import Foundation
import Reports
import Testing
@testable import AttestCommands

/// The machine-readable outputs of `attest check`: the JSON report against docs/report-schema.json (also through
/// python's `jsonschema` when it is installed), `--report -`, the long CSV layout and the series CSV.
@Suite("Report outputs for machines", .serialized)
struct ReportOutputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let schemaPath = root.appendingPathComponent("docs/report-schema.json").path

    static func schema() throws -> JSONSchemaSubset {
        try JSONSchemaSubset(data: Data(contentsOf: URL(fileURLWithPath: schemaPath)))
    }

    /// Whether python3 with the `jsonschema` module is installed.
    static let pythonJSONSchema: Bool = {
        guard let status = try? runProcess("/usr/bin/env", ["python3", "-c", "import jsonschema"]).status else { return false }
        return status == 0
    }()

    /// The claims of the runs: a pass, a known-false FAIL, an expected INCONCLUSIVE near miss, a flow with series.
    static let claims: [String: String] = [
        "a.toml": CLIClaims.holds, "b.toml": CLIClaims.refuted, "c.toml": CLIClaims.drift, "d.toml": CLIClaims.flow,
        "e.toml": CLIClaims.text(id: "near-miss-expected", kind: "dln-gd-balancedness-drift", expect: "inconclusive", """
            [model]
            widths = [2, 3, 2]
            samples = 3
            seed = 5
            [dynamics]
            step_size = "1/10"
            steps = 5
            [check]
            bound_factor = "0.592761572879028400395728209357153746861461733"
            [numerics]
            precision = 64
            max_precision = 64
            """),
    ]

    /// Every JSON report that a run writes validates, including `expected: "INCONCLUSIVE"`, the checked lines and
    /// a partial report; a report with a wrong type does not (the validator is not vacuous).
    @Test("Every JSON report validates against docs/report-schema.json")
    func reportsValidate() async throws {
        let folder = try ClaimFolder(Self.claims)
        defer { folder.cleanUp() }
        _ = await Attest.run(arguments: ["check", "--quiet", "--report", folder.file("r.json"), folder.path])
        let data = try Data(contentsOf: URL(fileURLWithPath: folder.file("r.json")))
        let schema = try Self.schema()
        #expect(try schema.problems(in: data) == [])
        let report = try JSONReportWriter.decode(data)
        #expect(report.claims.contains { $0.expected == .inconclusive && $0.verdict == .inconclusive })
        #expect(report.claims.allSatisfy { ($0.checked ?? []).isEmpty == false })

        // A partial report (what an interrupted run writes) validates too.
        var partial = report
        partial.complete = false
        partial.claims[0].instances.removeLast()
        partial.claims[0].complete = false
        partial.claims[0].totalInstances = report.claims[0].instances.count
        let partialData = Data(JSONReportWriter().render(partial).utf8)
        #expect(try schema.problems(in: partialData) == [])

        // The validator rejects what the schema forbids.
        let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"complete\" : true",
                                                                               with: "\"complete\" : \"yes\"")
        #expect(try !schema.problems(in: Data(broken.utf8)).isEmpty)
        let badVerdict = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"verdict\" : \"PASS\"",
                                                                                   with: "\"verdict\" : \"OK\"")
        #expect(try !schema.problems(in: Data(badVerdict.utf8)).isEmpty)

        // The fixture reports of the writer tests validate as well.
        #expect(try schema.problems(in: Data(JSONReportWriter().render(ReportSamples.report).utf8)) == [])
    }

    /// python's `jsonschema` (a full implementation of the standard) agrees with the Swift subset on the same file.
    @Test("python jsonschema accepts the report", .enabled(if: pythonJSONSchema, "python3 jsonschema is not installed"))
    func pythonAgrees() async throws {
        let folder = try ClaimFolder(Self.claims)
        defer { folder.cleanUp() }
        _ = await Attest.run(arguments: ["check", "--quiet", "--report", folder.file("r.json"), folder.path])
        let script = "import json,sys,jsonschema;jsonschema.validate(json.load(open(sys.argv[2])),json.load(open(sys.argv[1])));print('valid')"
        let result = try runProcess("/usr/bin/env", ["python3", "-c", script, Self.schemaPath, folder.file("r.json")])
        #expect(result.status == 0 && result.stdout.contains("valid"), "\(result.stderr)")
    }

    /// `--report -` puts exactly the JSON report on standard output; the text report goes to standard error.
    @Test("--report - writes the JSON report to standard output")
    func jsonToStandardOutput() throws {
        let binary = try #require(AttestTests.attestBinary())
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "b.toml": CLIClaims.refuted])
        defer { folder.cleanUp() }
        let result = try runBinary(binary, ["check", "--report", "-", folder.path])
        #expect(result.status == 0)
        let report = try JSONReportWriter.decode(Data(result.stdout.utf8))
        #expect(report.claims.map(\.id) == ["holds", "refuted"])
        #expect(try Self.schema().problems(in: Data(result.stdout.utf8)) == [])
        #expect(result.stderr.contains("Summary"))
    }

    /// The long layout has one row per measurement, the same columns on every row, and the margin as a quantity;
    /// the series CSV has one row per point.
    @Test("Long CSV: one row per measurement; series CSV: one row per point")
    func longAndSeriesCSV() async throws {
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "d.toml": CLIClaims.flow])
        defer { folder.cleanUp() }
        _ = await Attest.run(arguments: ["check", "--quiet", "--report", folder.file("r.json"),
                                         "--report", folder.file("r.long.csv"), "--report", folder.file("r.series.csv"),
                                         folder.path])
        let report = try JSONReportWriter.decode(Data(contentsOf: URL(fileURLWithPath: folder.file("r.json"))))
        let long = try String(contentsOfFile: folder.file("r.long.csv"), encoding: .utf8)
        let rows = long.components(separatedBy: "\r\n").dropLast().map(parseCSVRow)
        #expect(rows.first == CSVReportWriter.longColumns)
        #expect(rows.allSatisfy { $0.count == CSVReportWriter.longColumns.count })
        let expectedRows = report.claims.flatMap(\.instances).reduce(0) { $0 + $1.measurements.count + ($1.margin == nil ? 0 : 1) }
        #expect(rows.count - 1 == expectedRows)
        #expect(rows.filter { $0[5] == "margin" }.count == report.claims.flatMap(\.instances).count)

        let series = try String(contentsOfFile: folder.file("r.series.csv"), encoding: .utf8)
        let seriesRows = series.components(separatedBy: "\r\n").dropLast().map(parseCSVRow)
        #expect(seriesRows.first == CSVReportWriter.seriesColumns)
        let points = report.claims.flatMap(\.instances).flatMap { $0.series ?? [] }.reduce(0) { $0 + $1.x.count }
        #expect(points > 0 && seriesRows.count - 1 == points)
    }
}

/// Fixture reports for the schema (the writer tests' own fixture lives in another test target).
enum ReportSamples {
    static var report: Report {
        let instance = InstanceReport(
            index: 0, parameters: ["seed": "1"], seed: 1, precisionBits: 128, verdict: .pass, margin: "1.5e-3",
            marginError: "2e-39", seconds: 0.5, location: "step 1", message: nil, integratorStatistics: ["steps": "5"],
            measurements: [Claims.Measurement(name: "identities proved", value: "1", error: "0", exact: "1")],
            attempts: [AttemptSummary(precisionBits: 128, verdict: .pass, margin: "1.5e-3", error: "2e-39", seconds: 0.5)],
            series: [Series(name: "KL", xLabel: "t", yLabel: "KL", logarithmic: true, x: [0, 1], y: [1, 0.5])])
        var claim = ClaimReport(id: "c", title: "t", kind: "k", file: "f.toml", source: "s", statement: "s",
                                statementLatex: nil, hypotheses: [], expected: .inconclusive, verdict: .pass,
                                metExpectation: false, complete: true, counterexample: nil, instances: [instance])
        claim.checked = ["x ≤ 1 at every step"]
        return Report(tool: ToolInfo(version: "0", gmp: "6", mpfr: "4"), time: "2026-01-01T00:00:00Z",
                      machine: MachineSummary(os: "Linux", architecture: "x86_64", processors: 2, memoryBytes: 1),
                      complete: true, claims: [claim])
    }
}

/// One CSV row (RFC 4180 quoting).
func parseCSVRow(_ line: String) -> [String] {
    var cells: [String] = [], cell = "", quoted = false
    var characters = Array(line)[...]
    while let c = characters.popFirst() {
        if quoted {
            if c == "\"" {
                if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
            } else { cell.append(c) }
        } else if c == "\"" { quoted = true }
        else if c == "," { cells.append(cell); cell = "" }
        else { cell.append(c) }
    }
    cells.append(cell)
    return cells
}

/// Runs a program to its end and returns its status and output.
func runProcess(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
