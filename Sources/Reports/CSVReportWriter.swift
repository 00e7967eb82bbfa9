import Claims

/// Renders a report as CSV (RFC 4180): one row per instance, with every measured value and error at full digits.
///
/// The fixed column `checked` says what the kind checked (`ClaimKind.checked`), the same on every row of a claim.
/// Fixed columns come first (`claim`, `kind`, `expected`, `claim_verdict`, `instance`, `seed`, `precision_bits`,
/// `verdict`, `margin`, `margin_error`, `seconds`, `location`), then one `param:NAME` column per parameter and a
/// `NAME` / `NAME error` pair per measurement, in order of first appearance. Cells that do not apply are empty.
///
/// Incompleteness: the last fixed column, `complete`, is `true` on every row of a complete run and `false` on every
/// row of an interrupted one; and every claim that did not finish gets one more row with `verdict` = `NOT RUN` and
/// `location` saying how many of its instances did not run (docs/report-schema.md).
///
/// `layout: .long` (a `FILE.long.csv`) is the tidy layout instead: one row per measurement, with the columns
/// `claim, kind, instance, parameters, verdict, quantity, value, error, exact, complete` (the margin is the quantity
/// `margin`; `parameters` is `name=value; …`), so that `pandas.read_csv` loads it as it is whatever kinds are mixed.
/// `layout: .series` (a `FILE.series.csv`) holds the monitored series, one row per point:
/// `claim, instance, series, x_label, y_label, x, y, error`.
public struct CSVReportWriter: Sendable {
    /// The table's shape.
    public enum Layout: Sendable {
        /// One row per instance, one column pair per measurement name.
        case wide
        /// One row per measurement (tidy data).
        case long
        /// One row per point of each monitored series.
        case series
    }

    /// The table's shape.
    public var layout: Layout

    /// Creates the writer.
    public init(layout: Layout = .wide) {
        self.layout = layout
    }

    /// The columns of the long layout.
    public static let longColumns = ["claim", "kind", "instance", "parameters", "verdict", "quantity", "value", "error",
                                     "exact", "complete"]

    /// The columns of the series layout.
    public static let seriesColumns = ["claim", "instance", "series", "x_label", "y_label", "x", "y", "error"]

    /// The fixed leading columns.
    public static let fixedColumns = ["claim", "kind", "expected", "claim_verdict", "instance", "seed", "precision_bits",
                                      "verdict", "margin", "margin_error", "seconds", "location", "complete", "checked"]

    /// The `verdict` cell of the row that stands for a claim's instances that did not run.
    public static let notRun = "NOT RUN"

    /// The CSV text (CRLF line ends, as RFC 4180 asks).
    public func render(_ report: Report) -> String {
        switch layout {
        case .wide: return renderWide(report)
        case .long: return Self.table(longRows(report))
        case .series: return Self.table(seriesRows(report))
        }
    }

    private func longRows(_ report: Report) -> [[String]] {
        var rows = [Self.longColumns]
        for claim in report.claims {
            for instance in claim.instances {
                let parameters = instance.parameters.keys.sorted().map { "\($0)=\(instance.parameters[$0]!)" }
                    .joined(separator: "; ")
                let prefix = [claim.id, claim.kind, String(instance.index), parameters, instance.verdict.rawValue]
                if let margin = instance.margin {
                    rows.append(prefix + ["margin", margin, instance.marginError ?? "", instance.marginExact ?? "",
                                          String(report.complete)])
                }
                for m in instance.measurements {
                    rows.append(prefix + [m.name, m.value, m.error, m.exact ?? "", String(report.complete)])
                }
            }
            if let missing = claim.missingWork {
                rows.append([claim.id, claim.kind, "", "", Self.notRun, "the run was interrupted: " + missing, "", "", "",
                             String(report.complete)])
            }
        }
        return rows
    }

    private func seriesRows(_ report: Report) -> [[String]] {
        var rows = [Self.seriesColumns]
        for claim in report.claims {
            for instance in claim.instances {
                for series in instance.series ?? [] {
                    for i in series.x.indices {
                        rows.append([claim.id, String(instance.index), series.name, series.xLabel, series.yLabel,
                                     Self.number(series.x[i]), Self.number(series.y[i]),
                                     series.error.map { Self.number($0[i]) } ?? ""])
                    }
                }
            }
        }
        return rows
    }

    /// A double with all its digits (shortest round-trip form).
    static func number(_ x: Double) -> String { x.isNaN ? "nan" : "\(x)" }

    static func table(_ rows: [[String]]) -> String {
        rows.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private func renderWide(_ report: Report) -> String {
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
            let checked = claim.checkedLines.map { String($0.dropFirst("checked: ".count)) }.joined(separator: " | ")
            for instance in claim.instances {
                var row = [claim.id, claim.kind, claim.expected.rawValue, claim.displayVerdict, String(instance.index),
                           instance.seed.map(String.init) ?? "", instance.precisionBits.map(String.init) ?? "exact",
                           instance.verdict.rawValue, instance.margin ?? "", instance.marginError ?? "",
                           String(instance.seconds), instance.location ?? "", String(report.complete), checked]
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
                let row = [claim.id, claim.kind, claim.expected.rawValue, claim.displayVerdict, "", "", "", Self.notRun,
                           "", "", "", "the run was interrupted: " + missing, String(report.complete), checked]
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
