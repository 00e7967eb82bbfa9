import Claims
import Foundation
import Symbolic
import Testing

/// The TOML front-end serves every reader: each public entry point that reads TOML (claim files, the loader, sweep
/// files, the claim a sweep names, proof obligations, the document kinds) gets the inputs on which toml++ would stop
/// the process (`make fuzz` found them; Fuzz/Corpus/claim-file/regression-*) as an error with the file and the line,
/// never an abort.
@Suite("TOML front-end: hostile files through every public entry point give located errors")
struct TOMLFrontEndTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus/claim-file")

    /// (file name, 1-based line of the offending text).
    static let hostile: [(String, Int)] = [
        ("regression-triple-bracket.toml", 15),       // `[[[identity]]`: toml++ asserts on the third bracket
        ("regression-array-closing-brace.toml", 14),  // `["d0",}`: an array element starting with `}`
        ("regression-nul.toml", 2),                   // a NUL inside a string ends toml++'s C string
    ]

    /// A temporary folder holding `name` with `text`; returns the file's path.
    static func write(_ text: String, named name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toml-front-end-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The input as text (one of them holds bytes that are not UTF-8, which the fuzzer left in a title string: they
    /// become U+FFFD, and the toml++ trigger on line 14 stays).
    static func text(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: corpus.appendingPathComponent(name)), as: UTF8.self)
    }

    /// The single error of `body`, which must be a located claim-file problem of `file` at `line`.
    static func expectLocated(_ file: String, line: Int, _ body: () throws(ClaimFileErrors) -> Void,
                              sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("no error for \(file)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.errors.count == 1, sourceLocation: sourceLocation)
            #expect(error.errors.first?.file == file, "\(error)", sourceLocation: sourceLocation)
            #expect(error.errors.first?.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.description.contains("\(file):\(line):"), "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("Claim files: ClaimFileParser.parse(file:), parse(text:), ClaimLoader.load(files:)", arguments: hostile)
    func claimFiles(name: String, line: Int) throws {
        let text = try Self.text(name)
        let path = try Self.write(text, named: name)
        Self.expectLocated(path, line: line) { () throws(ClaimFileErrors) in _ = try ClaimFileParser().parse(file: path) }
        Self.expectLocated("t.toml", line: line) { () throws(ClaimFileErrors) in
            _ = try ClaimFileParser().parse(text: text, file: "t.toml", baseDirectory: ".")
        }
        Self.expectLocated(path, line: line) { () throws(ClaimFileErrors) in _ = try ClaimLoader().load(files: [path]) }
    }

    @Test("Document kinds read directly: SymbolicIdentityKind and ConjectureKind.readClaim(text:file:)", arguments: hostile)
    func documentKinds(name: String, line: Int) throws {
        let text = try Self.text(name)
        let symbolic = try #require(ClaimKindRegistry.standard.kind(named: "symbolic-identity") as? any DocumentClaimKind)
        Self.expectLocated("t.toml", line: line) { () throws(ClaimFileErrors) in
            _ = try symbolic.readClaim(text: text, file: "t.toml")
        }
        Self.expectLocated("t.toml", line: line) { () throws(ClaimFileErrors) in
            _ = try ConjectureKind().readClaim(text: text, file: "t.toml")
        }
    }

    @Test("Sweep files: a hostile sweep file, and a sweep that names a hostile claim file", arguments: hostile)
    func sweepFiles(name: String, line: Int) throws {
        let text = try Self.text(name)
        let sweep = try Self.write(text, named: name)
        Self.expectLocated(sweep, line: line) { () throws(ClaimFileErrors) in _ = try SweepFileParser().parse(file: sweep) }

        let claim = try Self.write(text, named: "claim.toml")
        let naming = try Self.write("[sweep]\nclaim = \"\(claim)\"\ncaption = \"c\"\nquantities = [\"x\"]\nrows = [\"seed\"]\n\n[grid]\nseed = [1, 2]\n",
                                    named: "sweep.toml")
        Self.expectLocated(claim, line: line) { () throws(ClaimFileErrors) in _ = try SweepFileParser().parse(file: naming) }
    }

    @Test("Proof obligations: ObligationFile.read(file:) and parse(text:)", arguments: hostile)
    func obligations(name: String, line: Int) throws {
        let text = try Self.text(name)
        let path = try Self.write(text, named: name)
        for fromFile in [true, false] {
            do {
                _ = fromFile ? try ObligationFile.read(file: path) : try ObligationFile.parse(text: text, file: path)
                Issue.record("no error for \(name)")
            } catch {
                #expect(error.file == path && error.line == line, "\(error)")
                #expect(error.message.hasPrefix("TOML syntax error at column"), "\(error)")
            }
        }
    }

    @Test("Every reader refuses a file over the size limit and a folder with the same words")
    func unreadable() throws {
        let big = try Self.write(String(repeating: "# padding\n", count: ClaimFileParser.maximumFileBytes / 10 + 1),
                                 named: "big.toml")
        let folder = (big as NSString).deletingLastPathComponent
        for path in [big, folder] {
            let reason = path == big ? "larger than the limit" : "it is a folder"
            #expect(throws: ClaimFileErrors.self) { try ClaimFileParser().parse(file: path) }
            do { _ = try ClaimFileParser().parse(file: path) } catch { #expect(error.description.contains(reason), "\(error)") }
            do { _ = try SweepFileParser().parse(file: path) } catch { #expect(error.description.contains(reason), "\(error)") }
            do { _ = try ObligationFile.read(file: path) } catch { #expect(error.message.contains(reason), "\(error)") }
        }
    }
}
