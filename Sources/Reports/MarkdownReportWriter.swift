import Claims

/// Renders a report as Markdown: a summary table, then one section per claim with its statement, source and a
/// table of instances (numbers rounded to `significantDigits`; the JSON report keeps every digit).
public struct MarkdownReportWriter: Sendable {
    /// Significant digits of the numbers in tables.
    public var significantDigits: Int

    /// Creates the writer.
    public init(significantDigits: Int = 6) {
        self.significantDigits = significantDigits
    }

    /// The Markdown text.
    public func render(_ report: Report) -> String {
        var out: [String] = []
        out.append("# Attest report")
        out.append("")
        out.append("\(report.tool.name) \(report.tool.version) (GMP \(report.tool.gmp), MPFR \(report.tool.mpfr)), "
                   + "\(report.time), \(report.machine.os), \(report.machine.processors) cores."
                   + (report.incompleteness.map { " **\(escape($0))**" } ?? ""))
        out.append("")
        out.append("| claim | expected | verdict | instances | met |")
        out.append("|---|---|---|---|---|")
        for claim in report.claims {
            out.append("| `\(claim.id)` | \(claim.expected.rawValue) | **\(claim.displayVerdict)** | \(claim.instances.count) | "
                       + (claim.metExpectation ? "yes" : "**no**") + " |")
        }
        out.append("")
        out.append("\(report.summary.met) of \(report.summary.claims) claims met their expectation.")
        for line in report.resume?.lines ?? [] { out.append("- " + escape(line)) }
        for claim in report.claims {
            out.append("")
            out.append("## `\(claim.id)`: \(escape(claim.title))")
            out.append("")
            out.append("- **Verdict:** \(claim.displayVerdict)")
            for line in claim.checkedLines { out.append("- **Checked:** " + escape(String(line.dropFirst("checked: ".count)))) }
            out.append("- **Claim (the file's statement, not read by Attest):** \(escape(claim.statement))")
            if let latex = claim.statementLatex { out.append("- **LaTeX:** $\(latex)$") }
            out.append("- **Source:** \(escape(claim.source))")
            for hypothesis in claim.hypotheses { out.append("- **Hypothesis:** \(escape(hypothesis))") }
            out.append("- **Kind:** `\(claim.kind)`; **expected** \(claim.expected.rawValue)")
            if let counterexample = claim.counterexample { out.append("- **Counterexample:** \(escape(counterexample))") }
            if let missing = claim.missingWork { out.append("- **Incomplete:** \(escape(missing))") }
            for line in claim.search?.lines ?? [] { out.append("- **Search:** \(escape(line))") }
            if let evidence = claim.instances.first(where: { $0.verdict.isViolation && $0.evidence != nil })?.evidence {
                out.append("")
                out.append("```")
                out.append(evidence)
                out.append("```")
            }
            out.append("")
            let names = measurementNames(claim)
            out.append("| # | parameters | bits | verdict | margin | error | " + names.map(escape).joined(separator: " | ") + " |")
            out.append("|---:|---|---:|---|---:|---:|" + String(repeating: "---:|", count: names.count))
            for instance in claim.instances {
                let values = names.map { name in
                    instance.measurements.first { $0.name == name }.map { $0.displayValue(digits: significantDigits) } ?? ""
                }
                let cells = ["\(instance.index)", escape(instance.parameterText),
                             instance.precisionBits.map(String.init) ?? "exact", instance.verdict.rawValue,
                             instance.displayMargin(digits: significantDigits),
                             instance.marginError ?? "—"] + values
                out.append("| " + cells.joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func measurementNames(_ claim: ClaimReport) -> [String] {
        var names: [String] = []
        for instance in claim.instances { for m in instance.measurements where !names.contains(m.name) { names.append(m.name) } }
        return names
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
