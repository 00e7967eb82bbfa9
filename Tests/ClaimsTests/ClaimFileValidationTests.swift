import AttestTestSupport
import Claims
import Foundation
import Testing

/// Writes a bad claim file (and its data files) into a fresh folder; returns the claim file's path.
func writeClaimFolder(_ toml: String, dataFiles: [String: String] = [:]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-claims-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in dataFiles {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let file = folder.appendingPathComponent("claim.toml")
    try toml.write(to: file, atomically: true, encoding: .utf8)
    return file.path
}

/// Loads the folder of `bad` and expects the loader to refuse it before any instance exists, with a first error that
/// names the file, the expected line and key, and contains the expected fragment.
func expectLocatedLoadError(_ bad: BadClaimFile) throws {
        let folder = try bad.writeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("claim.toml").path
        let errors = #expect(throws: ClaimFileErrors.self) {
            try ClaimLoader().load(files: try ClaimLoader.claimFiles(in: [folder.path]))
        }
        let first = try #require(errors?.errors.first)
        #expect(first.file == path)
        #expect(first.key == bad.key, "\(first)")
        #expect(first.line == bad.expectedLine, "\(first)")
        #expect(first.description.contains(bad.fragment), "\(first)")
        let location = bad.expectedLine.map { "\(path):\($0):" } ?? "\(path):"
        #expect(first.description.hasPrefix(location), "\(first)")
}

@Suite("Claim file validation: file, line and key of every problem")
struct ClaimFileValidationTests {
    @Test("One bad claim file per kind of problem", arguments: BadClaimFile.all)
    func badFile(_ bad: BadClaimFile) throws {
        try expectLocatedLoadError(bad)
    }

    @Test("The valid template parses")
    func validTemplate() throws {
        let claim = try ClaimFileParser().parse(text: BadClaimFile.valid, file: "t.toml", baseDirectory: ".")
        #expect(claim.id == "bad-claim")
        #expect(claim.instances.count == 1)
        #expect(claim.numerics == NumericsSettings())
    }

    @Test("Brackets inside multi-line arrays, strings and comments are not taken for table headers")
    func bracketsThatAreNotHeaders() throws {
        let text = BadClaimFile.valid.replacingOccurrences(of: "statement = \"s\"", with: "statement = \"\"\"\n[[[not a header]]\n\"\"\"\n# [[[comment]]")
            .replacingOccurrences(of: "seed = 1", with: "seed = 1\nweights = [\n  [ [\"1\", \"0\"], [\"0\", \"1\"], [\"1\", \"1\"] ],\n  [ [\"1\", \"0\", \"1\"],\n    [\"0\", \"1\", \"0\"] ]\n]")
        let claim = try ClaimFileParser().parse(text: text, file: "t.toml", baseDirectory: ".")
        #expect(claim.statement.contains("[[[not a header]]"))
        #expect(claim.instances.count == 1)
    }

    @Test("Several problems in one file are all reported, in line order")
    func severalProblems() throws {
        let text = BadClaimFile.valid.replacingOccurrences(of: "title =", with: "titel =")
            .replacingOccurrences(of: "steps = 1", with: "steps = -4")
        let errors = #expect(throws: ClaimFileErrors.self) {
            try ClaimFileParser().parse(text: text, file: "t.toml", baseDirectory: ".")
        }
        let keys = errors?.errors.map(\.key) ?? []
        #expect(keys.contains("titel") && keys.contains("title") && keys.contains("dynamics.steps"), "\(keys)")
        let lines = errors?.errors.compactMap(\.line) ?? []
        #expect(lines == lines.sorted())
    }

    @Test("Duplicate ids across files name both files")
    func duplicateIDs() throws {
        let a = try writeClaimFolder(BadClaimFile.valid)
        let b = try writeClaimFolder(BadClaimFile.valid)
        let errors = #expect(throws: ClaimFileErrors.self) { try ClaimLoader().load(files: [a, b]) }
        let error = try #require(errors?.errors.first)
        #expect(error.file == b && error.key == "id" && error.line == 1)
        #expect(error.description.contains("duplicate claim id \"bad-claim\", already used in \(a):1"))
    }

    @Test("A missing claim file is unreadable, not a crash")
    func missingFile() {
        let errors = #expect(throws: ClaimFileErrors.self) { try ClaimFileParser().parse(file: "/nonexistent/claim.toml") }
        #expect(errors?.errors.first?.description == "/nonexistent/claim.toml: cannot read the claim file: no such file")
    }
}
