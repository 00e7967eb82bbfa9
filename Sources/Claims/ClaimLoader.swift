import Foundation

/// Loads claim files, checks that ids are unique across them, and selects claims by id.
public struct ClaimLoader: Sendable {
    /// The parser (and so the kinds) to use.
    public var parser: ClaimFileParser

    /// Creates a loader.
    public init(parser: ClaimFileParser = ClaimFileParser()) {
        self.parser = parser
    }

    /// Whether the file at `path` is a sweep file (it has a top-level `[sweep]` table; docs/tables-and-figures.md) rather than a
    /// claim file: `attest check` and `attest list` skip such files in a claims folder with a note, and `attest
    /// table` runs them.
    public static func isSweepFile(_ path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return false
        }
        return text.split(whereSeparator: \.isNewline).contains { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed == "[sweep]" || trimmed.hasPrefix("[sweep]") && trimmed.dropFirst(7).trimmingCharacters(in: .whitespaces).hasPrefix("#")
        }
    }

    /// Reads every file; reports the problems of all of them together, then duplicate ids.
    ///
    /// - Throws: `ClaimFileErrors` with every problem of every file.
    public func load(files: [String]) throws(ClaimFileErrors) -> [ClaimSpec] {
        var claims: [ClaimSpec] = []
        var problems: [ClaimFileError] = []
        var firstByID: [String: ClaimSpec] = [:]
        for file in files {
            do {
                let claim = try parser.parse(file: file)
                if let first = firstByID[claim.id] {
                    problems.append(ClaimFileError(file: file, line: claim.idLine, key: "id",
                                                   problem: .duplicateID(id: claim.id, firstFile: first.file,
                                                                         firstLine: first.idLine)))
                } else {
                    firstByID[claim.id] = claim
                    claims.append(claim)
                }
            } catch {
                problems += error.errors
            }
        }
        guard problems.isEmpty else { throw ClaimFileErrors(problems) }
        return claims
    }

    /// The `.toml` files under `paths` (files as given, folders searched recursively), sorted.
    ///
    /// A folder that cannot be listed, anywhere under the given paths, is a problem naming it, never skipped: a claim
    /// in it would otherwise go unchecked without a word. Symbolic links to folders are not followed (no cycles).
    ///
    /// - Throws: `ClaimFileErrors` naming every path that does not exist or cannot be read.
    public static func claimFiles(in paths: [String]) throws(ClaimFileErrors) -> [String] {
        let fileManager = FileManager.default
        var found: [String] = []
        var problems: [ClaimFileError] = []
        func unreadable(_ path: String, _ reason: String) {
            problems.append(ClaimFileError(file: path, line: nil, key: nil, problem: .unreadable(reason: reason)))
        }
        func search(_ folder: String) {
            let entries: [String]
            do { entries = try fileManager.contentsOfDirectory(atPath: folder) } catch {
                unreadable(folder, "the folder cannot be listed: \(Self.reason(listing: folder, error))")
                return
            }
            for entry in entries.sorted() {
                let path = (folder as NSString).appendingPathComponent(entry)
                let type = (try? fileManager.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
                if type == .typeDirectory {
                    search(path)
                } else if entry.hasSuffix(".toml") {
                    found.append(path)
                }
            }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                unreadable(path, "no such file or folder")
                continue
            }
            if isDirectory.boolValue { search(path) } else { found.append(path) }
        }
        guard problems.isEmpty else { throw ClaimFileErrors(problems) }
        return Array(Set(found)).sorted()
    }

    /// The operating system's reason why `folder` cannot be listed (`Permission denied`), or `error`'s description.
    private static func reason(listing folder: String, _ error: any Error) -> String {
        guard let handle = opendir(folder) else { return String(cString: strerror(errno)) }
        closedir(handle)
        return (error as NSError).localizedDescription
    }
}

/// A shell-style pattern on claim ids (`*`, `?`, `[abc]`), as in `--filter 'dln-*'`.
public struct ClaimIDPattern: Sendable {
    /// The pattern text.
    public var pattern: String

    /// Creates a pattern.
    public init(_ pattern: String) { self.pattern = pattern }

    /// Whether `id` matches.
    public func matches(_ id: String) -> Bool { fnmatch(pattern, id, 0) == 0 }
}
