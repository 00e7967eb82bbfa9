import AttestTestSupport
import Claims
import Foundation
import Reports
import Testing

/// Every LaTeX output (the report table, its `table*` variant, a pgfplots figure `\input` from a subfolder, sweep
/// tables from `attest table` under the example sweeps' captions) compiled inside a real two-column article with
/// pdflatex; an overfull box of more than 1 pt fails. Skipped explicitly when pdflatex (with booktabs, siunitx and
/// pgfplots) is not installed: `scripts/make-docs.sh` installs it.
@Suite("LaTeX outputs in a two-column paper")
struct LaTeXPaperTests {
    static let pdflatex = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The widths of the overfull boxes that a pdflatex log reports, in points.
    static func overfullWidths(_ log: String) -> [Double] {
        let regex = try! NSRegularExpression(pattern: "Overfull \\\\[hv]box \\(([0-9.]+)pt too (wide|high)\\)")
        return regex.matches(in: log, range: NSRange(log.startIndex..., in: log)).compactMap { match in
            Range(match.range(at: 1), in: log).flatMap { Double(log[$0]) }
        }
    }

    @Test("The overfull-box reader finds what pdflatex writes")
    func logReader() {
        let log = "Overfull \\hbox (128.0013pt too wide) in paragraph at lines 4--7\nOverfull \\vbox (0.5pt too high) has"
        #expect(Self.overfullWidths(log) == [128.0013, 0.5])
    }

    @Test("Report table, table*, figure and sweep table compile in a two-column article without overfull boxes",
          .enabled(if: TeXInstallation.has(TeXInstallation.tables + TeXInstallation.figures),
                   "pdflatex with booktabs, siunitx and pgfplots is not installed (scripts/make-docs.sh installs TeX)"))
    func twoColumnPaper() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-paper-\(UUID())")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("figs"), withIntermediateDirectories: true)
        defer { if ProcessInfo.processInfo.environment["ATTEST_KEEP_PAPER"] == nil { try? FileManager.default.removeItem(at: folder) } }
        var report = FigureFixtures.report
        for i in report.claims.indices { report.claims[i].checked = ["ℓ(t+1) ≤ (1 − η σ_min^{2(N−1)/N}) ℓ(t) at every step"] }
        try LaTeXReportWriter().render(report).write(to: folder.appendingPathComponent("report.tex"), atomically: true, encoding: .utf8)
        try LaTeXReportWriter(wide: true, label: "tab:wide").render(report)
            .write(to: folder.appendingPathComponent("report-wide.tex"), atomically: true, encoding: .utf8)
        var inputs: [String] = []
        for file in FigureFiles.perClaim(report) where file.name.hasSuffix(".tex") {
            try file.text.write(to: folder.appendingPathComponent("figs/" + file.name), atomically: true, encoding: .utf8)
            inputs.append("\\begin{figure}[htbp]\\centering\\input{figs/\(file.name)}\\caption{x}\\end{figure}")
        }
        // Sweep tables from `attest table`: a quick sweep run here, and the same cells under the captions and labels
        // of the shipped example sweeps (formulas such as `max_{t,j} ‖D_j(t) − D_j(0)‖` in them).
        for (index, table) in try await Self.sweepTables().enumerated() {
            let latex = SweepTableWriter.render(table, format: .latex)
            #expect(!latex.contains("\\_\\{") && !latex.contains("max\\_"), "math printed literally: \(latex)")
            try latex.write(to: folder.appendingPathComponent("sweep-\(index).tex"), atomically: true, encoding: .utf8)
            inputs.append("\\input{sweep-\(index).tex}")
        }
        let document = """
            \\documentclass[twocolumn]{article}
            \\usepackage[T1]{fontenc}
            \\usepackage{amsmath,amssymb}
            \\usepackage{booktabs}
            \\usepackage{siunitx}
            \\usepackage{graphicx}
            \\usepackage{pgfplots}
            \\pgfplotsset{compat=1.16}
            \\usepackage[a4paper,margin=2cm]{geometry}
            \\begin{document}
            Text.
            \\input{report.tex}
            \\input{report-wide.tex}
            \(inputs.joined(separator: "\n"))
            \\end{document}
            """
        try document.write(to: folder.appendingPathComponent("paper.tex"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.pdflatex!)
        process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "paper.tex"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let log = (try? String(contentsOf: folder.appendingPathComponent("paper.log"), encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "pdflatex failed:\n\(log.suffix(3000))")
        let overfull = Self.overfullWidths(log).filter { $0 > 1 }
        #expect(overfull.isEmpty, "overfull boxes wider than 1 pt: \(overfull)")
    }

    /// Sweep tables: the reduced drift sweep of the sweep tests (run now, exact and fast), then its table under the
    /// caption, label and quantity labels of each sweep in examples/sweeps.
    static func sweepTables() async throws -> [SweepTable] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-paper-sweep-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try SweepFixtures.gdStepClaim.write(to: folder.appendingPathComponent("gd-step.toml"), atomically: true, encoding: .utf8)
        let sweep = """
            [sweep]
            claim = "gd-step.toml"
            caption = "Drift max_j |D_j(k) − D_j(0)| after two GD steps, by η and width"
            label = "tab:drift"
            quantities = ["max_j |D_j(k) − D_j(0)|", "margin"]
            reduce_over = "seed"
            significant_digits = 4
            [grid]
            step_size = ["1/100", "1/10"]
            widths = [[2, 3, 2], [3, 3, 3]]
            seed = [1, 2]
            """
        try sweep.write(to: folder.appendingPathComponent("sweep.toml"), atomically: true, encoding: .utf8)
        let parser = SweepFileParser()
        let spec = try parser.parse(file: folder.appendingPathComponent("sweep.toml").path)
        let table = try SweepTable(sweep: spec, result: await ClaimEngine().check(try parser.claims(of: spec)))
        var tables = [table]
        let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/sweeps")
        for file in try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted() where file.hasSuffix(".toml") {
            let example = try parser.parse(file: examples.appendingPathComponent(file).path)
            var shown = table
            shown.caption = example.caption
            shown.label = example.label
            tables.append(shown)
        }
        #expect(tables.count >= 3)
        return tables
    }
}
