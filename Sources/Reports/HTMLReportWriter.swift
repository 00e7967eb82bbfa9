import Claims

/// Renders a report as one self-contained HTML file: the verdict table, then each claim's statement, source,
/// hypotheses, instances and inline SVG charts of its monitored quantities. No scripts, no external files, no
/// network: it opens the same anywhere.
///
/// Each verdict carries what the kind checked, beside the claim file's statement labelled as the claim's. A statement
/// given in LaTeX is rendered as MathML (`MathMLConverter`; browsers need no script for it), its LaTeX source kept
/// folded under it; other formulas are shown as Unicode with `_{…}` and `^{…}` set as real sub- and superscripts.
/// Wide tables and formulas scroll inside the page, which fits a 1280 px window.
public struct HTMLReportWriter: Sendable {
    /// Significant digits of the numbers in tables (the JSON report keeps every digit).
    public var significantDigits: Int

    /// Creates the writer.
    public init(significantDigits: Int = 6) {
        self.significantDigits = significantDigits
    }

    /// The CSS of the page.
    static let style = """
        body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 72em;
               color: #222; line-height: 1.4; padding: 0 1em; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9em; display: block; max-width: 100%;
                overflow-x: auto; }
        td, dd { overflow-wrap: break-word; } code { overflow-wrap: anywhere; }
        .PASS, .FAIL, .INCONCLUSIVE, .ERROR, .NOT-APPLICABLE, .NOT-RUN, .PARTLY-RUN { white-space: nowrap; }
        pre { white-space: pre-wrap; overflow-x: auto; max-width: 100%; background: #f7f7f7; padding: 0.5em; }
        .checked { font-weight: bold; } details { margin: 0.2em 0; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        td.num { text-align: right; font-family: "DejaVu Sans Mono", monospace; white-space: nowrap; }
        .PASS { color: #0a6b2d; font-weight: bold; } .FAIL { color: #b00020; font-weight: bold; }
        .INCONCLUSIVE { color: #a15c00; font-weight: bold; } .ERROR { color: #7a0099; font-weight: bold; }
        .NOT-APPLICABLE { color: #555; font-weight: bold; }
        .met { color: #0a6b2d; } .notmet { color: #b00020; font-weight: bold; }
        .warning { background: #fff3cd; border: 1px solid #e0c060; padding: 0.6em; }
        dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2em 1em; }
        dt { font-weight: bold; } dd { margin: 0; }
        .math { overflow-x: auto; max-width: 100%; padding: 0.2em 0; } math { font-size: 1.1em; }
        .words { color: #555; }
        figure { margin: 1em 0; } svg { max-width: 100%; height: auto; border: 1px solid #eee; }
        """

    /// The HTML text.
    public func render(_ report: Report) -> String {
        var out = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
                   "<title>Attest report</title>", "<style>", Self.style, "</style>", "</head>", "<body>",
                   "<h1>Attest report</h1>"]
        out.append("<p>\(e(report.tool.name)) \(e(report.tool.version)) (GMP \(e(report.tool.gmp)), MPFR "
                   + "\(e(report.tool.mpfr))), \(e(report.time)), \(e(report.machine.os)), "
                   + "\(report.machine.processors) cores.</p>")
        if !report.complete {
            out.append("<p class=\"warning\"><strong>Incomplete:</strong> the run was interrupted; only the "
                       + "instances that finished are shown, and this report does not count as a full run. "
                       + e(report.incompleteness ?? "") + "</p>")
        }
        out.append("<p>\(report.summary.met) of \(report.summary.claims) claims met their expectation "
                   + "(\(report.summary.instances) instances).</p>")
        if let resume = report.resume {
            out.append("<ul>" + resume.lines.map { "<li>\(e($0))</li>" }.joined() + "</ul>")
        }
        out.append("<table><tr><th>claim</th><th>title</th><th>expected</th><th>verdict</th><th>instances</th>"
                   + "<th>met</th><th>seconds</th></tr>")
        for claim in report.claims {
            let seconds = claim.instances.reduce(0) { $0 + $1.seconds }
            out.append("<tr><td><a href=\"#\(anchor(claim.id))\"><code>\(e(claim.id))</code></a></td>"
                       + "<td>\(Self.formula(claim.title))</td><td>\(e(claim.expected.rawValue))</td>"
                       + "<td>\(verdict(claim))</td><td class=\"num\">\(claim.instances.count)</td>"
                       + (claim.metExpectation ? "<td class=\"met\">yes</td>" : "<td class=\"notmet\">no</td>")
                       + "<td class=\"num\">\(String(format: "%.2f", seconds))</td></tr>")
        }
        out.append("</table>")
        for claim in report.claims { out += section(claim) }
        out += ["</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    /// One claim's section.
    private func section(_ claim: ClaimReport) -> [String] {
        var out = ["<h2 id=\"\(anchor(claim.id))\"><code>\(e(claim.id))</code>: \(Self.formula(claim.title))</h2>", "<dl>"]
        out.append("<dt>Verdict</dt><dd>\(verdict(claim)) (expected \(e(claim.expected.rawValue)))</dd>")
        for line in claim.checkedLines {
            out.append("<dt>Checked</dt><dd class=\"checked\">\(Self.formula(String(line.dropFirst("checked: ".count))))</dd>")
        }
        out.append("<dt>Claim (the file's statement)</dt><dd>\(Self.statement(claim))</dd>")
        out.append("<dt>Source</dt><dd>\(e(claim.source))</dd>")
        for hypothesis in claim.hypotheses { out.append("<dt>Hypothesis</dt><dd>\(Self.formula(hypothesis))</dd>") }
        out.append("<dt>Kind</dt><dd><code>\(e(claim.kind))</code>, file <code>\(e(claim.file))</code></dd>")
        if let counterexample = claim.counterexample {
            out.append("<dt>Counterexample</dt><dd>\(e(counterexample))</dd>")
        }
        if let missing = claim.missingWork { out.append("<dt>Incomplete</dt><dd>\(e(missing))</dd>") }
        for line in claim.search?.lines ?? [] { out.append("<dt>Search</dt><dd>\(e(line))</dd>") }
        out.append("</dl>")
        if let evidence = claim.instances.first(where: { $0.verdict.isViolation && $0.evidence != nil })?.evidence {
            out.append("<pre class=\"evidence\">\(e(evidence))</pre>")
        }
        out.append("<table><tr><th>#</th><th>parameters</th><th>bits</th><th>verdict</th><th>margin</th>"
                   + "<th>error</th><th>where</th><th>measurements (value ± error)</th></tr>")
        for instance in claim.instances {
            let margin = instance.displayMargin(digits: significantDigits)
            let measurements = instance.measurements.map { m in
                "\(Self.formula(m.name)) = \(e(m.displayWithError(digits: significantDigits)))"
            }.joined(separator: "<br>")
            let note = [instance.location, instance.message].compactMap { $0 }.map(e).joined(separator: "<br>")
            out.append("<tr><td class=\"num\">\(instance.index)</td><td>\(e(instance.parameterText))</td>"
                       + "<td class=\"num\">\(instance.precisionBits.map(String.init) ?? "exact")</td>"
                       + "<td>\(verdict(instance.verdict))</td><td class=\"num\">\(e(margin))</td>"
                       + "<td class=\"num\">\(e(instance.marginError ?? "—"))</td><td>\(note)</td>"
                       + "<td>\(measurements)</td></tr>")
        }
        out.append("</table>")
        let svg = SVGChartWriter()
        for (_, chart) in ClaimCharts.charts(of: claim) {
            out.append("<figure>\(svg.renderElement(chart))</figure>")
        }
        return out
    }

    /// The claim's statement: its LaTeX rendered as MathML when the file gives LaTeX that `MathMLConverter` reads,
    /// above the Unicode text; the LaTeX source folded below.
    static func statement(_ claim: ClaimReport) -> String {
        let words = formula(claim.statement)
        guard let latex = claim.statementLatex else { return words }
        let source = "<details><summary>LaTeX source</summary><code>\(XMLText.escape(latex))</code></details>"
        guard let math = MathMLConverter.convert(latex) else { return words + source }
        return "<div class=\"math\">\(math)</div><div class=\"words\">\(words)</div>" + source
    }

    /// A claim's verdict as shown (NOT RUN / PARTLY RUN for an interrupted claim), coloured.
    private func verdict(_ claim: ClaimReport) -> String {
        let text = claim.displayVerdict
        return "<span class=\"\(text.replacingOccurrences(of: " ", with: "-"))\">\(e(text))</span>"
    }

    /// Unicode formula text as HTML: escaped, with `_{…}`/`^{…}` (and `_min`, `_j`, `_F`: a run of lowercase letters and
    /// digits, or one capital) as `<sub>` and
    /// `<sup>`, nested as written.
    static func formula(_ text: String) -> String {
        var out = ""
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            guard c == "_" || c == "^", let next = characters.first, next != " " else {
                out += XMLText.escape(String(c))
                continue
            }
            let tag = c == "_" ? "sub" : "sup"
            if next == "{" {
                var depth = 0, inner = ""
                var closed = false
                for (k, d) in characters.enumerated() {
                    if d == "{" { depth += 1; if depth == 1 { continue } }
                    if d == "}" { depth -= 1; if depth == 0 { characters = characters.dropFirst(k + 1); closed = true; break } }
                    inner.append(d)
                }
                if closed { out += "<\(tag)>\(formula(inner))</\(tag)>" } else { out += XMLText.escape(String(c)) }
            } else {
                // Unbraced: the run of letters and digits (`σ_min`, `x_ℓ1`, `z_t`), as the claim files write them.
                // An uppercase letter alone (`‖·‖_F`, `W_jW_j`), else a run of lowercase letters and digits.
                let run = next.isUppercase ? characters.prefix(1) : characters.prefix(while: Self.isSubscriptCharacter)
                guard !run.isEmpty else { out += XMLText.escape(String(c)); continue }
                characters = characters.dropFirst(run.count)
                out += "<\(tag)>\(XMLText.escape(String(run)))</\(tag)>"
            }
        }
        return out
    }

    /// A character that continues an unbraced sub- or superscript: an ASCII lowercase letter or digit, a Greek
    /// small letter, or ℓ (not a modifier letter such as ᵀ, which Unicode also counts as lowercase).
    static func isSubscriptCharacter(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || ("α"..."ω").contains(scalar) || scalar == "ℓ"
    }

    /// A verdict, coloured.
    private func verdict(_ verdict: Verdict) -> String {
        "<span class=\"\(verdict.rawValue.replacingOccurrences(of: " ", with: "-"))\">\(e(verdict.rawValue))</span>"
    }

    /// An id usable as an HTML anchor.
    private func anchor(_ id: String) -> String {
        "claim-" + String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" })
    }

    /// Escaped text.
    private func e(_ text: String) -> String { XMLText.escape(text) }
}
