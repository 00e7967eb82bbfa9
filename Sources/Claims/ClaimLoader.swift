import Foundation

/// Loads claim files, checks that ids are unique across them, and selects claims by id.
public struct ClaimLoader: Sendable {
    /// The parser (and so the kinds) to use.
    public var parser: ClaimFileParser

    /// Creates a loader.
    public init(parser: ClaimFileParser = ClaimFileParser()) {
        self.parser = parser
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
    /// - Throws: `ClaimFileErrors` naming a path that does not exist.
    public static func claimFiles(in paths: [String]) throws(ClaimFileErrors) -> [String] {
        let fileManager = FileManager.default
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ClaimFileErrors([ClaimFileError(file: path, line: nil, key: nil,
                                                      problem: .unreadable(reason: "no such file or folder"))])
            }
            if isDirectory.boolValue {
                let enumerator = fileManager.enumerator(atPath: path)
                while let entry = enumerator?.nextObject() as? String {
                    if entry.hasSuffix(".toml") { found.append((path as NSString).appendingPathComponent(entry)) }
                }
            } else {
                found.append(path)
            }
        }
        return Array(Set(found)).sorted()
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
