import Claims
import Foundation
import Testing
@testable import AttestCommands

/// Messages that tell a new user what to do: `attest list` where there is no proofs/ folder, and an unknown key
/// listed with the keys its table accepts.
@Suite("Messages that say what to do")
struct DiscoverabilityTests {
    @Test("`attest list` and `attest check` without a proofs/ folder say how to name claim files (exit 2)")
    func noProofsFolder() throws {
        let binary = try #require(AttestTests.attestBinary())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-empty-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["list", "check"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = [command]
            process.currentDirectoryURL = folder
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(command)")
            #expect(stderr.contains("there is no proofs/ folder in"), "\(command): \(stderr)")
            #expect(stderr.contains("attest list path/to/claims/") && stderr.contains("docs/claim-files.md"), "\(stderr)")
            #expect(!stderr.contains("nothing was checked"), "\(stderr)")
        }
    }

    @Test("The advice appears only for the default path when proofs/ is missing")
    func adviceOnlyWhenItApplies() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("attest-empty-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(ClaimSelection.missingDefaultFolderAdvice(paths: ["proofs"], currentDirectory: empty.path) != nil)
        #expect(ClaimSelection.missingDefaultFolderAdvice(paths: ["elsewhere"], currentDirectory: empty.path) == nil)
        try FileManager.default.createDirectory(at: empty.appendingPathComponent("proofs"), withIntermediateDirectories: true)
        #expect(ClaimSelection.missingDefaultFolderAdvice(paths: ["proofs"], currentDirectory: empty.path) == nil)
    }

    @Test("An unknown key names the closest key and lists the valid keys of its table",
          arguments: [
              ("[model]\nwidths = [2, 3, 2]\nsamplse = 3\nseed = 1\n[dynamics]\nstep_size = \"1/10\"\nsteps = 2\n",
               "model.samplse", "did you mean 'samples'?", ["samples", "seed", "widths"]),
              ("[model]\nwidths = [2, 3, 2]\nsamples = 3\nseed = 1\n[dynamics]\nstep_size = \"1/10\"\nsteps = 2\n"
                  + "[numerics]\nprecison = 128\n",
               "numerics.precison", "did you mean 'precision'?", ["precision", "max_precision"]),
              ("[model]\nwidths = [2, 3, 2]\nsamples = 3\n[dynamics]\nstep_size = \"1/10\"\nsteps = 2\n[grid]\nsede = [1, 2]\n",
               "grid.sede", "did you mean 'seed'?", ["seed"]),
          ])
    func unknownKeyListsValidKeys(body: String, key: String, suggestion: String, valid: [String]) throws {
        let folder = try ClaimFolder(["claim.toml": CLIClaims.text(id: "claim", body)])
        defer { folder.cleanUp() }
        var message = ""
        do {
            _ = try ClaimLoader().load(files: [folder.file("claim.toml")])
        } catch {
            message = error.errors.map(\.description).joined(separator: "\n")
        }
        let line = try #require(message.split(separator: "\n").first { $0.contains("key '\(key)'") }, "\(message)")
        #expect(line.contains("unknown key; \(suggestion) (valid keys here: "), "\(line)")
        for name in valid { #expect(line.contains(name), "\(name) missing from: \(line)") }
    }
}
