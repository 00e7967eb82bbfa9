import Claims
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing

/// The LaTeX → MathML converter behind the HTML report's statements: the elements it builds for each construct, a
/// refusal (no MathML, the text instead) for anything outside its subset, and every `statement_latex` of the shipped
/// claim files converted into well-formed MathML.
@Suite("LaTeX statements as MathML")
struct MathMLConverterTests {
    /// The MathML inside `<math …>…</math>`.
    static func body(_ latex: String) -> String? {
        guard let math = MathMLConverter.convert(latex), let open = math.firstIndex(of: ">"),
              let close = math.range(of: "</math>", options: .backwards) else { return nil }
        return String(math[math.index(after: open)..<close.lowerBound])
    }

    @Test("Fractions, scripts, limits, accents, fonts and text become the MathML elements TeX means")
    func elements() {
        #expect(Self.body("\\frac{a}{b}") == "<mfrac><mi>a</mi><mi>b</mi></mfrac>")
        #expect(Self.body("\\tfrac12") == "<mstyle displaystyle=\"false\"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>")
        #expect(Self.body("e^{-2\\lambda t}")
                == "<msup><mi>e</mi><mrow><mo form=\"prefix\">−</mo><mn>2</mn><mi>λ</mi><mi>t</mi></mrow></msup>")
        #expect(Self.body("a - b") == "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>")
        #expect(Self.body("\\sum_{j=1}^{N} x_j") == "<mrow><munderover><mo movablelimits=\"true\">∑</mo>"
                + "<mrow><mi>j</mi><mo>=</mo><mn>1</mn></mrow><mi>N</mi></munderover><msub><mi>x</mi><mi>j</mi></msub></mrow>")
        #expect(Self.body("\\|W\\|_F^2") == "<mrow><mo stretchy=\"false\">‖</mo><mi>W</mi>"
                + "<msubsup><mo stretchy=\"false\">‖</mo><mi>F</mi><mn>2</mn></msubsup></mrow>")
        #expect(Self.body("\\min_{Ax = y} Q") == "<mrow><munder><mi>min</mi><mrow><mi>A</mi><mi>x</mi><mo>=</mo><mi>y</mi>"
                + "</mrow></munder><mspace width=\"0.1667em\"/><mi>Q</mi></mrow>")
        #expect(Self.body("\\operatorname{range}(A^\\top)") == "<mrow><mi>range</mi><mo stretchy=\"false\">(</mo>"
                + "<msup><mi>A</mi><mi>⊤</mi></msup><mo stretchy=\"false\">)</mo></mrow>")
        #expect(Self.body("\\dot W_j") == "<msub><mover accent=\"true\"><mi>W</mi><mo>˙</mo></mover><mi>j</mi></msub>")
        #expect(Self.body("\\mathbb{Q}^d") == "<msup><mi>ℚ</mi><mi>d</mi></msup>")
        #expect(Self.body("\\alpha \\mathbb{1} + \\mathcal{L}") == "<mrow><mi>α</mi><mi>𝟙</mi><mo>+</mo><mi>ℒ</mi></mrow>")
        #expect(Self.body("\\Sigma_0") == "<msub><mi mathvariant=\"normal\">Σ</mi><mn>0</mn></msub>")
        #expect(Self.body("x \\quad \\text{for all } t") == "<mrow><mi>x</mi><mspace width=\"1em\"/>"
                + "<mtext>for all\u{A0}</mtext><mi>t</mi></mrow>")
        #expect(Self.body("10^{-30} < 0.9") == "<mrow><msup><mn>10</mn><mrow><mo form=\"prefix\">−</mo><mn>30</mn></mrow>"
                + "</msup><mo>&lt;</mo><mn>0.9</mn></mrow>")
        #expect(Self.body("\\bigl( x \\bigr)") == "<mrow><mo fence=\"true\" stretchy=\"true\" symmetric=\"true\" "
                + "minsize=\"1.2em\" maxsize=\"1.2em\">(</mo><mi>x</mi><mo fence=\"true\" stretchy=\"true\" "
                + "symmetric=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">)</mo></mrow>")
        #expect(Self.body("\\sqrt{2\\pi}") == "<msqrt><mrow><mn>2</mn><mi>π</mi></mrow></msqrt>")
        #expect(Self.body("\\log X") == "<mrow><mi>log</mi><mspace width=\"0.1667em\"/><mi>X</mi></mrow>")
        #expect(Self.body("\\log(x)") == "<mrow><mi>log</mi><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo></mrow>")
        #expect(MathMLConverter.convert("a < b")?.contains("alttext=\"a &lt; b\"") == true)
    }

    @Test("Anything outside the subset gives no MathML (the report then shows the text)")
    func refusals() {
        for latex in ["\\foo x", "{x", "x}", "a & b", "$x$", "x^", "\\frac{a}", "\\text{a $b$}", "\\bigl\\foo", "x_"] {
            #expect(MathMLConverter.convert(latex) == nil, "\(latex)")
        }
    }

    /// Every `statement_latex` in the shipped claim files (all are TOML literal strings, one per line).
    static func shippedStatements() throws -> [(file: String, latex: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var out: [(String, String)] = []
        let files = FileManager.default.enumerator(at: root.appendingPathComponent("proofs"), includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "toml", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("statement_latex") {
                let value = line.drop { $0 != "=" }.dropFirst().trimmingCharacters(in: .whitespaces)
                #expect(value.hasPrefix("'") && value.hasSuffix("'") && value.count >= 2,
                        "\(url.lastPathComponent): not a one-line literal string: \(line)")
                out.append((url.lastPathComponent, String(value.dropFirst().dropLast())))
            }
        }
        return out
    }

    @Test("Every statement_latex of the shipped claim files converts to well-formed MathML with no TeX left in it")
    func shippedClaimFiles() throws {
        let statements = try Self.shippedStatements()
        #expect(statements.count >= 50, "found only \(statements.count) statements")
        for (file, latex) in statements {
            let math = try #require(MathMLConverter.convert(latex), "\(file): \(latex)")
            let parser = XMLParser(data: Data(math.utf8))
            #expect(parser.parse(), "\(file): not well-formed: \(math)")
            // Outside the alttext, no backslash and no TeX braces survive.
            let shown = math.replacingOccurrences(of: "alttext=\"[^\"]*\"", with: "", options: .regularExpression)
            #expect(!shown.contains("\\") && !shown.contains("{") && !shown.contains("}") || latex.contains("\\{"),
                    "\(file): \(shown)")
        }
    }

    @Test("The HTML report shows a LaTeX statement as MathML, and text when it cannot convert it")
    func htmlReport() {
        var report = FigureFixtures.report
        report.claims[0].statementLatex = "\\ell(t+1) \\le \\bigl(1 - \\eta\\, \\sigma_{\\min}\\bigr) \\ell(t)"
        let html = HTMLReportWriter().render(report)
        #expect(html.contains("<div class=\"math\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\""))
        #expect(html.contains("<msub><mi>σ</mi><mi>min</mi></msub>"))
        #expect(!html.contains("<script"))
        report.claims[0].statementLatex = "\\unknowncommand x"
        let fallback = HTMLReportWriter().render(report)
        #expect(!fallback.contains("<math") && fallback.contains("<summary>LaTeX source</summary>"))
    }
}
