import Claims
import Foundation
import Testing
@testable import AttestCommands

@Suite("attest check on symbolic proof obligations (kind symbolic-identity)")
struct SymbolicCheckTests {
    static let proofs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("proofs")

    /// A fresh folder `…/symbolic` holding the given files.
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("attest-symbolic-\(UUID())")
        let folder = root.appendingPathComponent("symbolic")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return root
    }

    static let commutativity = """
        id = "c"
        title = "T"
        statement = "S"
        source = "elementary"
        expect = "refuted"
        [symbols]
        W1 = "matrix"
        W2 = "matrix"
        [[identity]]
        claim = "W2 W1 = W1 W2"
        """

    @Test("Obligation files are recognized by their [symbols] and [[identity]] tables, or by kind = \"symbolic-identity\"")
    func recognizesObligationFiles() throws {
        let claim = try ClaimFileParser().parse(text: Self.commutativity, file: "anywhere.toml", baseDirectory: ".")
        #expect(claim.kind == "symbolic-identity" && claim.expectation == .fail && claim.instances.count == 1)
        let named = try ClaimFileParser().parse(text: "kind = \"symbolic-identity\"\n" + Self.commutativity,
                                                file: "named.toml", baseDirectory: ".")
        #expect(named.kind == "symbolic-identity")
    }

    @Test("The shipped obligations all meet their expectations (exit 0); every shipped claim file is valid")
    func shipped() async {
        #expect(await Attest.run(arguments: ["check", "-q", Self.proofs.appendingPathComponent("symbolic").path]) == 0)
        // Running every numeric claim is `make proofs` (release); here each file is parsed and validated.
        #expect(await Attest.run(arguments: ["list", Self.proofs.path]) == 0)
    }

    @Test("An expectation that is not met gives exit 1; a malformed file 2; another malformed claim file 2")
    func exitStatuses() async throws {
        let met = try Self.folder(["c.toml": Self.commutativity])
        defer { try? FileManager.default.removeItem(at: met) }
        #expect(await Attest.run(arguments: ["check", "-q", met.path]) == 0)

        let wrong = try Self.folder(["c.toml": Self.commutativity.replacingOccurrences(of: "\"refuted\"", with: "\"proved\"")])
        defer { try? FileManager.default.removeItem(at: wrong) }
        #expect(await Attest.run(arguments: ["check", "-q", wrong.path]) == 1)

        let malformed = try Self.folder(["c.toml": Self.commutativity.replacingOccurrences(of: "W1 = \"matrix\"\n", with: "")])
        defer { try? FileManager.default.removeItem(at: malformed) }
        #expect(await Attest.run(arguments: ["check", "-q", malformed.path]) == 2)

        let mixed = try Self.folder(["c.toml": Self.commutativity])
        defer { try? FileManager.default.removeItem(at: mixed) }
        try "id = \"other\"\n".write(to: mixed.appendingPathComponent("other.toml"), atomically: true, encoding: .utf8)
        #expect(await Attest.run(arguments: ["check", "-q", mixed.path]) == 2)
    }

    @Test("A malformed obligation is reported with file, line and key")
    func malformedLocation() throws {
        let text = Self.commutativity.replacingOccurrences(of: "W1 = \"matrix\"\n", with: "")
        let errors = #expect(throws: ClaimFileErrors.self) {
            try ClaimFileParser().parse(text: text, file: "o.toml", baseDirectory: ".")
        }
        let error = try #require(errors?.errors.first)
        #expect(error.file == "o.toml" && error.line != nil)
        #expect(error.description.hasPrefix("o.toml:"))
    }
}
