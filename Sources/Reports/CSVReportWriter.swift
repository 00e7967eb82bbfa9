import Claims

/// Renders a report as CSV (RFC 4180): one row per instance, with every measured value and error at full digits.
///
/// Fixed columns come first (`claim`, `kind`, `expected`, `claim_verdict`, `instance`, `seed`, `precision_bits`,
/// `verdict`, `margin`, `margin_error`, `seconds`, `location`), then one `param:NAME` column per parameter and a
/// `NAME` / `NAME error` pair per measurement, in order of first appearance. Cells that do not apply are empty.
///
/// Incompleteness: the last fixed column, `complete`, is `true` on every row of a complete run and `false` on every
/// row of an interrupted one; and every claim that did not finish gets one more row with `verdict` = `NOT RUN` and
/// `location` saying how many of its instances did not run (docs/report-schema.md).
public struct CSVReportWriter: Sendable {
    /// Creates the writer.
    public init() {}

    /// The fixed leading columns.
    public static let fixedColumns = ["claim", "kind", "expected", "claim_verdict", "instance", "seed", "precision_bits",
                                      "verdict", "margin", "margin_error", "seconds", "location", "complete"]

    /// The `verdict` cell of the row that stands for a claim's instances that did not run.
    public static let notRun = "NOT RUN"

    /// The CSV text (CRLF line ends, as RFC 4180 asks).
    public func render(_ report: Report) -> String {
        var parameterNames: [String] = []
        var measurementNames: [String] = []
        for claim in report.claims {
            for instance in claim.instances {
                for name in instance.parameters.keys.sorted() where !parameterNames.contains(name) { parameterNames.append(name) }
                for m in instance.measurements where !measurementNames.contains(m.name) { measurementNames.append(m.name) }
            }
        }
        var rows: [[String]] = [Self.fixedColumns + parameterNames.map { "param:\($0)" }
                                + measurementNames.flatMap { [$0, "\($0) error"] }]
        let searchColumn = report.claims.contains { $0.search != nil }     // a last column, only when a claim searched
        if searchColumn { rows[0].append("search") }
        for claim in report.claims {
            for instance in claim.instances {
                var row = [claim.id, claim.kind, claim.expected.rawValue, claim.verdict.rawValue, String(instance.index),
                           instance.seed.map(String.init) ?? "", instance.precisionBits.map(String.init) ?? "exact",
                           instance.verdict.rawValue, instance.margin ?? "", instance.marginError ?? "",
                           String(instance.seconds), instance.location ?? "", String(report.complete)]
                row += parameterNames.map { instance.parameters[$0] ?? "" }
                for name in measurementNames {
                    let m = instance.measurements.first { $0.name == name }
                    row += [m?.value ?? "", m?.error ?? ""]
                }
                if searchColumn { row.append(claim.search?.lines.joined(separator: "; ") ?? "") }
                rows.append(row)
            }
            if searchColumn && claim.instances.isEmpty, let search = claim.search {   // a threshold: no instance rows
                var row = [claim.id, claim.kind, claim.expected.rawValue, claim.verdict.rawValue]
                row += Array(repeating: "", count: rows[0].count - row.count - 1)
                row.append(search.lines.joined(separator: "; "))
                rows.append(row)
            }
            if let missing = claim.missingWork {
                let row = [claim.id, claim.kind, claim.expected.rawValue, claim.verdict.rawValue, "", "", "", Self.notRun,
                           "", "", "", "the run was interrupted: " + missing, String(report.complete)]
                rows.append(row + Array(repeating: "", count: parameterNames.count + 2 * measurementNames.count))
            }
        }
        return rows.map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quotes a cell when it holds a comma, quote, or line break.
    static func quote(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
