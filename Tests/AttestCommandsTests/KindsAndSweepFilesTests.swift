import Claims
import Foundation
import Reports
import Testing
@testable import AttestCommands

/// `attest kinds`, a sweep file in a claims folder, and keys that vary (or say why they cannot).
@Suite("Kinds, sweep files beside claims, varying keys", .serialized)
struct KindsAndSweepFilesTests {
    @Test("attest kinds lists every kind with its keys, types, defaults and help, from the kinds themselves")
    func kinds() throws {
        let binary = try #require(AttestTests.attestBinary())
        let all = try runBinary(binary, ["kinds"])
        #expect(all.status == 0)
        for name in ClaimKindRegistry.standard.names { #expect(all.stdout.contains(name + "  ("), "\(name)") }
        let one = try runBinary(binary, ["kinds", "omwu-kl"])
        #expect(one.status == 0)
        let kind = try #require(ClaimKindRegistry.standard.kind(named: "omwu-kl"))
        for spec in kind.parameters {
            #expect(one.stdout.contains("[\(spec.section.rawValue)] \(spec.name): "), "\(spec.name)")
            #expect(one.stdout.contains(spec.help), "\(spec.name)")
        }
        #expect(one.stdout.contains("[dynamics] method: one of \"omwu\", \"mwu\"; default omwu"))
        let unknown = try runBinary(binary, ["kinds", "omwu-k"])
        #expect(unknown.status == 2 && unknown.stderr.contains("did you mean omwu-kl?"))
        // The catalogue shows the same keys, one table row per key.
        let claim = try ClaimFileParser().parse(text: CLIClaims.holds, file: "a.toml", baseDirectory: "/")
        let catalogue = ClaimCatalogue.markdown([claim])
        let step = try #require(ClaimKindRegistry.standard.kind(named: claim.kind))
        for row in KindReference.markdownKeys(step) { #expect(catalogue.contains(row)) }
        #expect(KindReference.markdownKeys(step).count == step.parameters.count + 2)
    }

    @Test("A sweep file in a claims folder is skipped with a note by check and list")
    func sweepFileBesideClaims() throws {
        let binary = try #require(AttestTests.attestBinary())
        let sweep = "[sweep]\nclaim = \"a.toml\"\ncaption = \"c\"\nquantities = [\"x\"]\n\n[grid]\nseed = [1, 2]\n"
        let folder = try ClaimFolder(["a.toml": CLIClaims.holds, "s.toml": sweep])
        defer { folder.cleanUp() }
        #expect(ClaimLoader.isSweepFile(folder.file("s.toml")) && !ClaimLoader.isSweepFile(folder.file("a.toml")))
        for command in [["check", "-q"], ["list"]] {
            let run = try runBinary(binary, command + [folder.path])
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("s.toml is a sweep file ([sweep] table), not a claim file: skipped"))
        }
    }

    @Test("loss varies in [grid] for dln-gf-balancedness; a fixed key says why it cannot vary")
    func varyingKeys() throws {
        let varying = CLIClaims.text(id: "losses", kind: "dln-gf-balancedness",
                                     "[model]\nwidths = [2, 2, 2]\nsamples = 2\nseed = 1\n[dynamics]\nhorizon = \"1/4\"\n"
                                     + "[numerics]\nprecision = 128\ntolerance = \"1e-25\"\n[grid]\nloss = [\"square\", \"quartic\"]\n")
        let claim = try ClaimFileParser().parse(text: varying, file: "v.toml", baseDirectory: "/")
        #expect(claim.instances.map { $0.parameters.choice("loss") } == ["square", "quartic"])
        let fixed = CLIClaims.text(id: "fixed", CLIClaims.stepBody.replacingOccurrences(of: "seed = [1, 2, 3]",
                                                                                        with: "X = [\"random\", \"random\"]"))
        #expect {
            try ClaimFileParser().parse(text: fixed, file: "f.toml", baseDirectory: "/")
        } throws: { error in
            "\(error)".contains("'X' cannot vary across instances: this kind fixes it for the whole claim")
        }
    }
}
