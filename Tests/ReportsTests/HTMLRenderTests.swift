import Claims
import Foundation
import Reports
import Testing

/// The HTML report rendered by a real browser (headless Chromium, when installed): the page is no wider than a
/// 1280 px window, LaTeX statements are laid out as MathML, and other formulas show as text with sub- and
/// superscripts, not LaTeX source.
@Suite("HTML report in a browser")
struct HTMLRenderTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("Formulas in statements and checked lines become sub- and superscripts")
    func formulas() {
        var report = FigureFixtures.report
        report.claims[0].statement = "W_{j+1}ᵀW_{j+1} − W_jW_jᵀ = e^{−2ρt} σ_min"
        let html = HTMLReportWriter().render(report)
        #expect(html.contains("W<sub>j+1</sub>ᵀW<sub>j+1</sub> − W<sub>j</sub>W<sub>j</sub>ᵀ = e<sup>−2ρt</sup> σ<sub>min</sub>"))
        #expect(!html.contains("W_{j+1}ᵀW_{j+1} − W_jW_jᵀ = e^{−2ρt}</dd>"))
    }

    @Test("The page fits a 1280 px window", .enabled(if: chromium != nil, "Chromium is not installed"))
    func fitsWindow() throws {
        var report = FigureFixtures.report
        for i in report.claims.indices {
            report.claims[i].checked = ["‖D_j(k) − D_j(0)‖_F ≤ Σ_{t<k} η²(‖G_{j+1}(t)‖²_F + ‖G_j(t)‖²_F) for every j, k = 10"]
            report.claims[i].counterexample = String(repeating: "a_very_long_unbroken_token", count: 20)
        }
        // The page's own width, written into the DOM by a probe added for this test only.
        let probe = "document.body.setAttribute('data-width', String(document.documentElement.scrollWidth));"
        let dom = try Self.renderedDOM(HTMLReportWriter().render(report), probe: probe)
        let match = try #require(dom.range(of: "data-width=\"[0-9]+\"", options: .regularExpression), "no width in \(dom.prefix(300))")
        let width = Int(dom[match].filter(\.isNumber))!
        #expect(width <= 1280, "the page is \(width) px wide")
    }

    /// Every shipped `statement_latex`, laid out by Chromium's MathML: each formula has a size, every fraction's
    /// numerator sits above its denominator, every superscript is raised and to the right of its base, every limit
    /// below its operator, and the page still fits a 1280 px window.
    @Test("Shipped statements render as MathML: fractions stacked, scripts raised, limits below",
          .enabled(if: chromium != nil, "Chromium is not installed"))
    func statementsRender() throws {
        let statements = try MathMLConverterTests.shippedStatements()
        var report = FigureFixtures.report
        let template = report.claims[0]
        report.claims = statements.enumerated().map { index, statement in
            var claim = template
            claim.id = "s\(index)"
            claim.statementLatex = statement.latex
            return claim
        }
        let html = HTMLReportWriter().render(report)
        #expect(!html.contains("<script"))
        let probe = """
            const bad = [];
            const box = e => e.getBoundingClientRect();
            for (const f of document.querySelectorAll('mfrac')) {
              const [n, d] = f.children; if (!(box(n).bottom <= box(d).top + 0.5)) bad.push('mfrac');
            }
            for (const s of document.querySelectorAll('msup')) {
              const [b, p] = s.children;
              if (!(box(p).bottom < box(b).bottom - 1 && box(p).left >= box(b).right - 2)) bad.push('msup');
            }
            for (const u of document.querySelectorAll('munder')) {
              const [b, l] = u.children; if (!(box(l).top >= box(b).bottom - 1)) bad.push('munder');
            }
            let empty = 0, maths = document.querySelectorAll('math');
            for (const m of maths) { if (box(m).width <= 0 || box(m).height <= 0) empty++; }
            document.body.setAttribute('data-math', [maths.length, empty, bad.length].join(' ') + ' ' + bad.slice(0, 5).join(','));
            document.body.setAttribute('data-width', String(document.documentElement.scrollWidth));
            """
        let dom = try Self.renderedDOM(html, probe: probe)
        let match = try #require(dom.range(of: "data-math=\"[^\"]*\"", options: .regularExpression), "no probe in \(dom.prefix(300))")
        let fields = dom[match].dropFirst("data-math=\"".count).dropLast().split(separator: " ")
        #expect(fields.count >= 3 && Int(fields[0]) == statements.count, "\(fields)")
        #expect(fields.count >= 3 && fields[1] == "0" && fields[2] == "0", "formulas without size, then misplaced: \(fields)")
        let width = try #require(dom.range(of: "data-width=\"[0-9]+\"", options: .regularExpression))
        #expect(Int(dom[width].filter(\.isNumber))! <= 1280)
    }

    /// The DOM of `html` after headless Chromium (1280 × 900 window) ran `probe`, a script added for the test only.
    static func renderedDOM(_ html: String, probe: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-html-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("r.html")
        try html.replacingOccurrences(of: "</body>", with: "<script>" + probe + "</script></body>")
            .write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,900",
                             "--user-data-dir=" + folder.appendingPathComponent("profile").path, "--dump-dom", file.absoluteString]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return dom
    }
}
