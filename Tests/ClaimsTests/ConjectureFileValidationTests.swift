import AttestTestSupport
import Claims
import Foundation
import Testing

/// Every bad conjecture file: the first error names the file, the line and the key (and the column of an
/// expression), and nothing is run (the loader throws before any instance exists).
@Suite("Conjecture files: file, line, key and column of every problem")
struct ConjectureFileValidationTests {
    @Test("One bad conjecture file per kind of problem", arguments: BadClaimFile.conjectureFrontEnd + BadClaimFile.conjectureLanguage)
    func badFile(_ bad: BadClaimFile) throws {
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

    @Test("The templates are valid conjectures, recognized without a kind key")
    func validTemplates() throws {
        for template in [BadClaimFile.validConjecture, BadClaimFile.validConjectureMap] {
            let path = try writeClaimFolder(template)
            defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
            let claim = try ClaimFileParser().parse(file: path)
            #expect(claim.kind == "conjecture" && claim.instances.count == 1)
            #expect(claim.instances[0].parameters.payload != nil)
        }
    }

    @Test("Several problems in one file are all reported, in line order")
    func severalProblems() throws {
        let text = BadClaimFile.validConjecture
            .replacingOccurrences(of: "horizon = 1", with: "horizon = 0.5")
            .replacingOccurrences(of: "output_times = 4", with: "output_time = 4")
        let path = try writeClaimFolder(text)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let errors = #expect(throws: ClaimFileErrors.self) { try ClaimFileParser().parse(file: path) }
        #expect(errors?.errors.map(\.key) == ["dynamics.horizon", "dynamics.output_time"])
    }
}
