/// Prints a `SweepTable` as LaTeX (booktabs, numbers in siunitx `\num{}`), Markdown or CSV, with the same content.
public enum SweepTableWriter {
    /// The formats, by file extension or `--format`.
    public enum Format: String, CaseIterable, Sendable {
        /// A booktabs table in a `table` float, with caption and label; `standalone` makes a whole document.
        case latex
        /// A Markdown table with the caption above and the note below.
        case markdown
        /// CSV with a header row (RFC 4180 quoting, CRLF line ends).
        case csv

        /// The format of a file name's extension (`.tex`, `.md`, `.csv`), or `nil`.
        public init?(fileName: String) {
            switch fileName.split(separator: ".").last?.lowercased() {
            case "tex": self = .latex
            case "md", "markdown": self = .markdown
            case "csv": self = .csv
            default: return nil
            }
        }
    }

    /// The table in `format`.
    public static func render(_ table: SweepTable, format: Format, standalone: Bool = false) -> String {
        switch format {
        case .latex: return latex(table, standalone: standalone)
        case .markdown: return markdown(table)
        case .csv: return csv(table)
        }
    }

    /// The LaTeX text (needs `booktabs`, `siunitx` and `graphicx`): a float with caption and label, `table` when the
    /// tabular fits a column and `table*` (both columns of a two-column paper) when it does not, scaled down only when
    /// it is wider than the page's text; or, standalone, a cropped page (the `standalone` class) with the caption
    /// above and the note below, both as wide as the table.
    /// A column title in LaTeX: a claim-file key such as `step_size` or `max_precision` (lower-case words joined by
    /// underscores, one of them longer than a letter) is set as text with its underscores escaped; anything else,
    /// such as `D_j` or `‖D_j(t) − D_j(0)‖`, as mixed text and math.
    static func columnTitle(_ title: String) -> String {
        let words = title.split(separator: "_", omittingEmptySubsequences: false)
        let isKey = words.count > 1 && words.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) } }
            && words.dropFirst().contains { $0.count > 1 }
        return isKey ? LaTeXReportWriter.escape(title) : LaTeXMath.mixed(title)
    }

    static func latex(_ table: SweepTable, standalone: Bool) -> String {
        let e = LaTeXMath.mixed
        var tabular = ["\\begin{tabular}{" + table.columns.map { $0.numeric ? "r" : "l" }.joined() + "}", "\\toprule",
                       table.columns.map { columnTitle($0.title) }.joined(separator: " & ") + " \\\\", "\\midrule"]
        for row in table.rows {
            let cells = zip(table.columns, row).map { column, cell in
                // Text in braces: a cell such as "[3, 2]" right after `\\` would be read as its optional argument.
                column.numeric && cell != "—" ? "\\num{\(cell)}" : (cell == "—" ? "---" : "{\(LaTeXReportWriter.escape(cell))}")
            }
            tabular.append(cells.joined(separator: " & ") + " \\\\")
        }
        tabular += ["\\bottomrule", "\\end{tabular}"]
        var lines: [String]
        if standalone {
            lines = ["\\documentclass[border=8pt]{standalone}", "\\usepackage[T1]{fontenc}", "\\usepackage{booktabs}",
                     "\\usepackage{siunitx}", "\\newsavebox{\\attesttable}", "\\begin{document}",
                     "% \\label{\(table.label)}", "\\sbox{\\attesttable}{%"]
            lines += tabular
            lines += ["}%", "\\begin{tabular}{@{}c@{}}",
                      "\\parbox{\\wd\\attesttable}{\\centering Table: \(e(table.caption))}\\\\[6pt]",
                      "\\usebox{\\attesttable}\\\\[4pt]",
                      "\\parbox{\\wd\\attesttable}{\\footnotesize \(e(table.note))}",
                      "\\end{tabular}", "\\end{document}"]
        } else {
            // The tabular is measured first: wider than a column, the float is a `table*` across both columns of a
            // two-column paper (the same as `table` in one column); wider than that, it is scaled down to fit.
            lines = ["% Needs \\usepackage{booktabs}, \\usepackage{siunitx} and \\usepackage{graphicx}.",
                     "\\ifdefined\\attestsweepbox\\else\\newsavebox{\\attestsweepbox}\\fi",
                     "\\sbox{\\attestsweepbox}{\\small%"]
            lines += tabular
            lines += ["}%",
                      "\\ifdim\\wd\\attestsweepbox>\\columnwidth\\def\\attestsweepfloat{table*}\\else\\def\\attestsweepfloat{table}\\fi",
                      "\\begin{\\attestsweepfloat}[htbp]", "\\centering", "\\small", "\\caption{\(e(table.caption))}"]
            if !table.label.isEmpty { lines.append("\\label{\(table.label)}") }
            lines += ["\\ifdim\\wd\\attestsweepbox>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox{\\attestsweepbox}}"
                        + "\\else\\usebox{\\attestsweepbox}\\fi",
                      "\\par\\smallskip\\footnotesize \(e(table.note))", "\\end{\\attestsweepfloat}"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The Markdown text.
    static func markdown(_ table: SweepTable) -> String {
        func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["**\(cell(table.caption))**", ""]
        lines.append("| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { $0.numeric ? "---:|" : "---|" }.joined())
        for row in table.rows { lines.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        lines += ["", table.note]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The CSV text.
    static func csv(_ table: SweepTable) -> String {
        let rows = [table.columns.map(\.title)] + table.rows
        return rows.map { $0.map(CSVReportWriter.quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}
