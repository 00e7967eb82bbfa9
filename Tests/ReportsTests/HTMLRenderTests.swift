import Claims
import Foundation
import Reports
import Testing

/// The HTML report rendered by a real browser (headless Chromium, when installed): the page is no wider than a
/// 1280 px window, and statements show as text with sub- and superscripts, not LaTeX source.
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-html-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var report = FigureFixtures.report
        for i in report.claims.indices {
            report.claims[i].checked = ["‖D_j(k) − D_j(0)‖_F ≤ Σ_{t<k} η²(‖G_{j+1}(t)‖²_F + ‖G_j(t)‖²_F) for every j, k = 10"]
            report.claims[i].counterexample = String(repeating: "a_very_long_unbroken_token", count: 20)
        }
        // The page's own width, written into the DOM by a probe added for this test only.
        let probe = "<script>document.body.setAttribute('data-width', String(document.documentElement.scrollWidth))</script>"
        let html = HTMLReportWriter().render(report).replacingOccurrences(of: "</body>", with: probe + "</body>")
        let file = folder.appendingPathComponent("r.html")
        try html.write(to: file, atomically: true, encoding: .utf8)
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
        let match = try #require(dom.range(of: "data-width=\"[0-9]+\"", options: .regularExpression), "no width in \(dom.prefix(300))")
        let width = Int(dom[match].filter(\.isNumber))!
        #expect(width <= 1280, "the page is \(width) px wide")
    }
}
