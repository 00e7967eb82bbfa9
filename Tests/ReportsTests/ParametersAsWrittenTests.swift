import AttestTestSupport
import Claims
import Foundation
import MultiPrecision
import Reports
import Testing

/// Parameters appear in every report as the claim file wrote them (`1/4` stays `1/4`, `0.25` stays `0.25`), while the
/// computation uses the exact value: two instances that write the same number differently give identical numbers.
@Suite("Parameters print as written")
struct ParametersAsWrittenTests {
    /// The GD-step claim of the sweep tests with one step size written three ways, and one other value.
    static let claim = SweepFixtures.gdStepClaim.replacingOccurrences(
        of: "step_size = [\"1/100\"]", with: "step_size = [\"1/4\", \"0.25\", \"25e-2\", \"1e-30\"]")

    /// Parses and runs the claim; returns its report.
    func run() async throws -> (ClaimSpec, Report) {
        let spec = try ClaimFileParser().parse(text: Self.claim, file: "gd-step.toml", baseDirectory: "/")
        let result = await ClaimEngine().check([spec])
        let report = Report(result: result, tool: ToolInfo(version: "0", gmp: "0", mpfr: "0"),
                            started: Date(timeIntervalSince1970: 0))
        return (spec, report)
    }

    @Test("The written text is kept for reports; the value computed with is the exact number")
    func writtenAndExact() async throws {
        let (spec, report) = try await run()
        let written = spec.instances.map { $0.parameters.reportEntries.first { $0.name == "step_size" }?.value }
        #expect(written == ["1/4", "0.25", "25e-2", "1e-30"])
        let values = spec.instances.map { $0.parameters.rational("step_size") }
        #expect(values == [Rational(numerator: 1, denominator: 4), Rational(numerator: 1, denominator: 4), Rational(numerator: 1, denominator: 4), try Rational(parsing: "1/1000000000000000000000000000000")])
        // Same exact value, same exact measurements, whichever way it was written.
        let claim = try #require(report.claims.first)
        #expect(claim.instances.count == 4)
        #expect(claim.instances[0].measurements == claim.instances[1].measurements)
        #expect(claim.instances[0].measurements == claim.instances[2].measurements)
        #expect(claim.instances[0].marginExact != nil && claim.instances[0].marginExact == claim.instances[1].marginExact)
        #expect(claim.instances.map { $0.parameters["step_size"] } == ["1/4", "0.25", "25e-2", "1e-30"])
    }

    @Test("Text, HTML, CSV (wide and long) and JSON show the parameter as written")
    func everyFormat() async throws {
        let (_, report) = try await run()
        let text = TextReportWriter(detail: .verbose).render(report)
        #expect(text.contains("step_size=1/4") && text.contains("step_size=0.25") && text.contains("step_size=25e-2"))
        #expect(text.contains("step_size=1e-30") && !text.contains("step_size=0.000"))
        let html = HTMLReportWriter().render(report)
        #expect(html.contains("step_size=1/4") && html.contains("step_size=0.25") && html.contains("step_size=25e-2"))
        let wide = parseCSV(CSVReportWriter().render(report))
        let column = try #require(wide[0].firstIndex(of: "param:step_size"))
        #expect(wide.dropFirst().map { $0[column] } == ["1/4", "0.25", "25e-2", "1e-30"])
        let long = parseCSV(CSVReportWriter(layout: .long).render(report))
        let parameters = try #require(long[0].firstIndex(of: "parameters"))
        #expect(long.dropFirst().contains { $0[parameters].contains("step_size=1/4") })
        #expect(long.dropFirst().contains { $0[parameters].contains("step_size=0.25") })
        let json = try JSONReportWriter.decode(Data(JSONReportWriter().render(report).utf8))
        #expect(json.claims[0].instances.map { $0.parameters["step_size"] } == ["1/4", "0.25", "25e-2", "1e-30"])
    }

    @Test("A sweep table's row parameters are as the grid wrote them")
    func sweepRows() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-written-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try SweepFixtures.gdStepClaim.write(to: folder.appendingPathComponent("gd-step.toml"), atomically: true, encoding: .utf8)
        let sweep = """
            [sweep]
            claim = "gd-step.toml"
            caption = "c"
            quantities = ["margin"]
            [grid]
            step_size = ["1/128", "0.5"]
            """
        try sweep.write(to: folder.appendingPathComponent("s.toml"), atomically: true, encoding: .utf8)
        let parser = SweepFileParser()
        let spec = try parser.parse(file: folder.appendingPathComponent("s.toml").path)
        let table = try SweepTable(sweep: spec, result: await ClaimEngine().check(try parser.claims(of: spec)))
        #expect(table.rows.map { $0[0] } == ["1/128", "0.5"])
        #expect(SweepTableWriter.render(table, format: .latex).contains("{1/128} & "))
    }
}
