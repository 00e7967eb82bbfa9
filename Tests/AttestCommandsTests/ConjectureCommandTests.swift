import AttestTestSupport
import Foundation
import Testing

/// The conjecture kind through the `attest` binary: bad files exit 2 naming file, line, key and column and run
/// nothing; a good file runs, and `list` and `explain` describe it.
@Suite("attest with conjecture files")
struct ConjectureCommandTests {
    @Test("Every bad conjecture file exits with 2, names file, line, key (and column) on standard error, and writes no report",
          arguments: BadClaimFile.conjectureFrontEnd + BadClaimFile.conjectureLanguage)
    func badConjectureFiles(_ bad: BadClaimFile) throws {
        try expectRefusedByBinary(bad)
    }

    @Test("check, list and explain on a conjecture: the verdict, the kind, the dynamics and what is checked")
    func goodConjecture() throws {
        let binary = try #require(AttestTests.attestBinary())
        let folder = try ClaimFolder(["c.toml": BadClaimFile.validConjecture])
        defer { folder.cleanUp() }
        let check = try runBinary(binary, ["check", "-q", "--report", folder.file("r.json"), folder.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let list = try runBinary(binary, ["list", folder.path])
        #expect(list.status == 0 && list.stdout.contains("bad-conjecture  [conjecture]"), "\(list.stdout)")
        let explain = try runBinary(binary, ["explain", "bad-conjecture", folder.path, "--report", folder.file("r.json")])
        #expect(explain.status == 0)
        for piece in ["What is checked:", "dynamics: gradient flow of 1/2 norm2(W2 W1 X - Y), derived exactly: dW1/dt = ",
                      "property 1: tr(W2' W2) - tr(W1 W1') at t = 0, T/4, 2T/4, …, T (T = 1) equals its value at t = 0",
                      "How it is checked (kind conjecture)"] {
            #expect(explain.stdout.contains(piece), "\(piece) not in \(explain.stdout)")
        }
    }
}
