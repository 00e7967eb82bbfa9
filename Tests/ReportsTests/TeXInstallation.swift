import Foundation
import Testing

/// pdflatex and the LaTeX packages that the compiling tests need, found once. Each such test declares them with
/// `.enabled(if: TeXInstallation.has(…))`, so that a machine without TeX lists it as skipped instead of letting it
/// pass without compiling anything (`scripts/make-docs.sh` installs TeX).
enum TeXInstallation {
    /// The packages of the report and sweep tables.
    static let tables = ["booktabs.sty", "siunitx.sty"]
    /// The packages of the standalone pgfplots figures.
    static let figures = ["pgfplots.sty", "standalone.cls"]

    /// The pdflatex executable, if installed.
    static let pdflatex = ["/usr/bin/pdflatex", "/usr/local/bin/pdflatex"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether pdflatex is installed and `kpsewhich` finds every one of `files`.
    static func has(_ files: [String]) -> Bool {
        guard pdflatex != nil else { return false }
        return files.allSatisfy { file in
            let which = Process()
            which.executableURL = URL(fileURLWithPath: "/usr/bin/kpsewhich")
            which.arguments = [file]
            which.standardOutput = FileHandle.nullDevice
            which.standardError = FileHandle.nullDevice
            guard (try? which.run()) != nil else { return false }
            which.waitUntilExit()
            return which.terminationStatus == 0
        }
    }
}

/// Compiles `document` with pdflatex in a fresh temporary folder (or in `folder`, beside the files it reads) and
/// expects a PDF. Call it only from a test enabled by `TeXInstallation.has(…)`.
func compileWithPDFLaTeX(_ document: String, in folder: URL? = nil,
                         sourceLocation: SourceLocation = #_sourceLocation) throws {
    let pdflatex = try #require(TeXInstallation.pdflatex, sourceLocation: sourceLocation)
    let place = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("attest-tex-\(UUID())")
    try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
    defer { if folder == nil { try? FileManager.default.removeItem(at: place) } }
    try document.write(to: place.appendingPathComponent("figure.tex"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: pdflatex)
    process.arguments = ["-interaction=nonstopmode", "-halt-on-error", "figure.tex"]
    process.currentDirectoryURL = place
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "pdflatex failed", sourceLocation: sourceLocation)
    #expect(FileManager.default.fileExists(atPath: place.appendingPathComponent("figure.pdf").path),
            sourceLocation: sourceLocation)
}
