import Foundation
import Testing

/// Every document that a file of the repository cites must be in the repository: markdown links and mentions of
/// `*.md` files must resolve to tracked files, nothing may point outside the package, and every cited section
/// "docs/theory.md §x.y" must be a heading of docs/theory.md.
@Suite("Every document cited in the repository exists in it")
struct DocumentReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Reference documents of the project's founders that never ship with the package. The names are assembled so
    /// that this file does not cite them itself.
    static let foreignDocuments = ["THEORY", "INTEGRATORS", "ARCHITECTURE", "PROBLEMS", "STYLE"].map { $0 + ".md" }
    /// Paths that leave the package.
    static let foreignPaths = [".." + "/shared", "shared" + "/bench"]

    @Test("Every cited *.md file exists, no file cites a document outside the repository, every cited section exists")
    func citedDocumentsExist() throws {
        let files = try Self.trackedFiles()
        #expect(files.count > 100, "found only \(files.count) files under \(Self.root.path)")
        let tracked = Set(files)
        let theorySections = try Self.theorySections()
        var problems: [String] = []
        for file in files where !file.hasSuffix("/DocumentReferenceTests.swift") {  // its examples are not citations
            guard let text = Self.text(of: file) else { continue }
            for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let place = "\(file):\(lineIndex + 1)"
                let line = String(line)
                for name in Self.foreignDocuments + Self.foreignPaths where line.contains(name) {
                    problems.append("\(place): cites \(name), which is not part of the repository")
                }
                for reference in Self.markdownReferences(in: line)
                where !Self.resolves(reference, from: file, tracked: tracked) {
                    problems.append("\(place): cites \(reference), which is not in the repository")
                }
                for section in Self.theorySectionReferences(in: line) where !theorySections.contains(section) {
                    problems.append("\(place): cites docs/theory.md §\(section), which has no such section")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.count) dangling citations:\n\(problems.joined(separator: "\n"))")
    }

    @Test("The scanner finds links, bare mentions and section numbers, and resolves relative paths")
    func scanner() {
        #expect(Self.markdownReferences(in: "see [the schema](../docs/claim-files.md#keys) and docs/theory.md §1.3")
                == ["../docs/claim-files.md", "docs/theory.md"])
        #expect(Self.markdownReferences(in: "written to r.md by the test") == [])
        #expect(Self.markdownReferences(in: "see Conventions.md and catalogue.md §2") == ["Conventions.md", "catalogue.md"])
        #expect(Self.theorySectionReferences(in: "docs/theory.md §3.3–3.5, §4.1 and §5; THEORY §9")
                == ["3.3", "3.5", "4.1", "5"])
        #expect(Self.theorySectionReferences(in: "(docs/theory.md §2.4, 40 output times)") == ["2.4"])
        let tracked: Set = ["docs/claim-files.md", "proofs/README.md", "README.md"]
        #expect(Self.resolves("../docs/claim-files.md", from: "proofs/README.md", tracked: tracked))
        #expect(Self.resolves("docs/claim-files.md", from: "Sources/Claims/ClaimSpec.swift", tracked: tracked))
        #expect(Self.resolves("claim-files.md", from: "docs/theory.md", tracked: tracked))
        #expect(!Self.resolves("docs/theory.md", from: "README.md", tracked: tracked))
        #expect(!Self.resolves("../../README.md", from: "proofs/README.md", tracked: tracked))
    }

    // MARK: - Scanning

    /// `*.md` paths cited on a line: every markdown link target, every path with a directory, every bare name that
    /// starts with a capital letter or is followed by a section sign. Other bare names (`r.md` as an output file
    /// in a test) are not citations.
    static func markdownReferences(in line: String) -> [String] {
        guard line.contains(".md") else { return [] }
        var found: [(Int, String)] = []
        for match in matches(#"\]\(([^)\s#]+\.md)(#[^)]*)?\)"#, in: line) {
            found.append((match.range.location, group(1, of: match, in: line)))
        }
        for match in matches(#"(?<![\w$./-])((?:\.{1,2}/)*[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*\.md)\b( ?'s)?( ?§)?"#,
                             in: line) {
            let path = group(1, of: match, in: line)
            let cited = path.contains("/") || path.first?.isUppercase == true
                || match.range(at: 3).location != NSNotFound
            if cited && !found.contains(where: { $0.1 == path }) { found.append((match.range.location, path)) }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Section numbers cited as "theory.md §a.b", "theory.md §a.b–c.d, §e and §f" on a line.
    static func theorySectionReferences(in line: String) -> [String] {
        guard line.contains("theory.md") else { return [] }
        var sections: [String] = []
        for match in matches(#"theory\.md(?:'s)? (§[0-9]+(?:\.[0-9]+)?(?:(?:–|-)§?[0-9]+(?:\.[0-9]+)?|(?:, | and |, and )§[0-9]+(?:\.[0-9]+)?)*)"#,
                             in: line) {
            let list = group(1, of: match, in: line)
            for number in matches(#"[0-9]+(?:\.[0-9]+)?"#, in: list) {
                sections.append((list as NSString).substring(with: number.range))
            }
        }
        return sections
    }

    /// Whether a cited path names a tracked file, relative to the citing file's folder or to the package root.
    static func resolves(_ reference: String, from file: String, tracked: Set<String>) -> Bool {
        let folder = (file as NSString).deletingLastPathComponent
        let candidates = [folder.isEmpty ? reference : folder + "/" + reference, reference]
        return candidates.contains { candidate in
            guard let normalized = normalize(candidate) else { return false }
            return tracked.contains(normalized)
        }
    }

    /// `a/b/../c/./d` → `a/c/d`; nil when the path leaves the package.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The section numbers of docs/theory.md's headings ("## §1 …", "### §1.3 …").
    static func theorySections() throws -> Set<String> {
        let text = try String(contentsOf: root.appendingPathComponent("docs/theory.md"), encoding: .utf8)
        var sections: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("#") {
            let line = String(line)
            for match in matches(#"^#+ §([0-9]+(?:\.[0-9]+)?)\b"#, in: line) {
                sections.insert(group(1, of: match, in: line))
            }
        }
        return sections
    }

    // MARK: - Files

    /// The package's files, relative to its root: `git ls-files` in a clone, otherwise a walk that skips build
    /// products and hidden folders.
    static func trackedFiles() throws -> [String] {
        if let listed = gitListedFiles(), !listed.isEmpty { return listed }
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            if relative.hasPrefix(".build") || relative.hasPrefix("Benchmarks/.build") {
                enumerator?.skipDescendants()
                continue
            }
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { files.append(relative) }
        }
        return files.sorted()
    }

    static func gitListedFiles() -> [String]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root.path, "ls-files", "-z"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\0").map(String.init)
            .filter { FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    }

    /// The file's text, or nil for binary files (images, PDFs, fuzzer inputs that are not UTF-8).
    static func text(of file: String) -> String? {
        let binary: Set = ["png", "jpg", "jpeg", "pdf", "gz", "zip", "a", "o", "so", "dylib"]
        guard !binary.contains((file as NSString).pathExtension.lowercased()),
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(file).path),
              !data.contains(0) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    // MARK: - Regular expressions

    static func matches(_ pattern: String, in text: String) -> [NSTextCheckingResult] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines]) else {
            Issue.record("bad pattern \(pattern)")
            return []
        }
        return expression.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
    }

    static func group(_ index: Int, of match: NSTextCheckingResult, in text: String) -> String {
        (text as NSString).substring(with: match.range(at: index))
    }
}
