import AttestTestSupport
import Claims
import Foundation
import MultiPrecision
import Reports
import Testing

@Suite("Sweep tables: rows, reductions over seeds, LaTeX/Markdown/CSV with the same content")
struct SweepTableTests {
    static let claim = SweepFixtures.gdStepClaim

    static let sweep = """
        [sweep]
        claim = "gd-step.toml"
        caption = "Drift after two GD steps, by η"
        label = "tab:drift"
        quantities = ["max_j |D_j(k) − D_j(0)|"]
        reduce_over = "seed"
        significant_digits = 4

        [grid]
        step_size = ["1/100", "1/10"]
        seed = [1, 2, 3]
        """

    /// Runs the sweep; returns its table and the engine's outcomes.
    func run(_ sweep: String = SweepTableTests.sweep) async throws -> (SweepTable, CheckResult, SweepSpec) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-table-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.claim.write(to: folder.appendingPathComponent("gd-step.toml"), atomically: true, encoding: .utf8)
        try sweep.write(to: folder.appendingPathComponent("sweep.toml"), atomically: true, encoding: .utf8)
        let parser = SweepFileParser()
        let spec = try parser.parse(file: folder.appendingPathComponent("sweep.toml").path)
        let result = await ClaimEngine().check(try parser.claims(of: spec))
        return (try SweepTable(sweep: spec, result: result), result, spec)
    }

    @Test("One row per step size; min ≤ median ≤ max over seeds equal the engine's own measurements")
    func reduction() async throws {
        let (table, result, _) = try await run()
        #expect(table.columns.map(\.title) == ["step_size", "max_j |D_j(k) − D_j(0)| (min)",
                                               "max_j |D_j(k) − D_j(0)| (median)", "max_j |D_j(k) − D_j(0)| (max)",
                                               "± error", "verdict"])
        #expect(table.rows.map { $0[0] } == ["1/100", "1/10"] && table.rows.allSatisfy { $0[5] == "PASS" })
        for (row, eta) in zip(table.rows, ["1/100", "1/10"]) {
            let values = result.claims[0].instances
                .filter { $0.instance.parameters.reportEntries.contains { $0 == ("step_size", eta) } }
                .map { $0.measurements.first { $0.name == "max_j |D_j(k) − D_j(0)|" }!.exact! }
                .map { try! Rational(parsing: $0) }.sorted()
            #expect(values.count == 3)
            let expected = [values[0], values[1], values[2]].map {
                SignificantDigits.round(ExactDecimal.text($0) ?? BigFloat($0, precision: 200).scientific(significantDigits: 30), digits: 4)
            }
            #expect(Array(row[1...3]) == expected)
            #expect(row[4] == "0")   // exact arithmetic: no error
        }
        #expect(table.complete && table.note.contains("over seed"))
    }

    @Test("The three formats carry the same cells; LaTeX uses booktabs and \\num")
    func formats() async throws {
        let (table, _, _) = try await run()
        let latex = SweepTableWriter.render(table, format: .latex)
        #expect(latex.contains("\\toprule") && latex.contains("\\caption{Drift after two GD steps, by $\\eta$}"))
        #expect(latex.contains("\\label{tab:drift}") && latex.contains("\\begin{tabular}{lrrrrl}"))
        // The row title is the claim-file key step_size, set as text, not as "step" with the subscript "size".
        #expect(latex.contains("\\midrule") && latex.contains("step\\_size & ") && !latex.contains("\\mathrm{step}"))
        // Measured first: a `table` when it fits the column, else a `table*` across both columns.
        #expect(latex.contains("\\def\\attestsweepfloat{table*}\\else\\def\\attestsweepfloat{table}\\fi")
                && latex.contains("\\begin{\\attestsweepfloat}[htbp]") && latex.contains("\\end{\\attestsweepfloat}"))
        let markdown = SweepTableWriter.render(table, format: .markdown)
        let csv = SweepTableWriter.render(table, format: .csv)
        for row in table.rows {
            #expect(latex.contains("{\(row[0])} & " + row[1...4].map { "\\num{\($0)}" }.joined(separator: " & ")))
            #expect(markdown.contains("| " + row.joined(separator: " | ") + " |"))
            #expect(csv.contains(row.joined(separator: ",")))
        }
    }

    @Test("The LaTeX tables compile with pdflatex, also when a row starts with \"[\"",
          .enabled(if: TeXInstallation.has(TeXInstallation.tables), "pdflatex with booktabs and siunitx is not installed"))
    func latexCompiles() async throws {
        for sweep in [Self.sweep, Self.crowded] {
            let (table, _, _) = try await run(sweep)
            try compileWithPDFLaTeX(SweepTableWriter.render(table, format: .latex, standalone: true))
        }
    }

    /// The sweep with three row parameters, one of them a list (a row that starts with "[").
    static var crowded: String {
        sweep.replacingOccurrences(of: "reduce_over = \"seed\"\n", with: "")
            .replacingOccurrences(of: "seed = [1, 2, 3]", with: "seed = [1, 2, 3]\nwidths = [[2, 3, 2]]")
            .replacingOccurrences(of: "[sweep]", with: "[sweep]\nrows = [\"widths\", \"step_size\", \"seed\"]")
    }

    @Test("Unknown quantities, unlisted varying parameters and crowded rows are clear errors")
    func errors() async throws {
        let unknown = Self.sweep.replacingOccurrences(of: "[\"max_j |D_j(k) − D_j(0)|\"]", with: "[\"drift\"]")
        await #expect(throws: SweepTableError.self) { _ = try await run(unknown) }
        let noReduction = Self.sweep.replacingOccurrences(of: "reduce_over = \"seed\"\n", with: "")
            .replacingOccurrences(of: "[sweep]", with: "[sweep]\nrows = [\"step_size\"]")
        do { _ = try await run(noReduction); Issue.record("accepted") } catch let error as SweepTableError {
            #expect(error == .unlistedParameter("seed"))
        }
        let (table, _, _) = try await run(Self.crowded)
        #expect(table.rows.count == 6 && table.columns.count == 6 && table.rows[0][0] == "[2, 3, 2]")
        // latexCompiles checks that such a row does not become the optional argument of the previous row's `\\`.
    }

    @Test("Mixed verdicts read in one fixed order in every row (PASS/FAIL, never FAIL/PASS), whatever order the instances ran in")
    func verdictOrder() async throws {
        let (_, result, spec) = try await run()
        // The same instances with their verdicts replaced: row η = 1/100 runs PASS, FAIL, PASS; row η = 1/10 runs
        // FAIL, INCONCLUSIVE, PASS; a reversed instance order must give the same cells.
        var runs: [String: [Verdict]] = ["1/100": [.pass, .fail, .pass], "1/10": [.fail, .inconclusive, .pass]]
        var outcomes = result.claims[0].instances
        #expect(outcomes.count == 6)
        for i in outcomes.indices {
            let eta = outcomes[i].instance.parameters.reportEntries.first { $0.name == "step_size" }!.value
            outcomes[i].verdict = runs[eta]!.removeFirst()
        }
        for order in [outcomes, outcomes.reversed()] {
            let mixed = CheckResult(claims: [ClaimOutcome(claim: result.claims[0].claim, instances: Array(order))], isComplete: true)
            let table = try SweepTable(sweep: spec, result: mixed)
            let cells = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0], $0.last!) })
            #expect(cells == ["1/100": "PASS/FAIL", "1/10": "PASS/FAIL/INCONCLUSIVE"])
            let latex = SweepTableWriter.render(table, format: .latex)
            #expect(latex.contains("{PASS/FAIL} \\\\") && !latex.contains("FAIL/PASS"))
        }
    }
}
