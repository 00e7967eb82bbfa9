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
        try expectLocatedLoadError(bad)
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
