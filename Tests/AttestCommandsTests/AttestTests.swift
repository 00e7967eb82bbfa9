import Testing
@testable import AttestCommands

@Suite("attest command line")
struct AttestTests {
    @Test("--version names attest and the GMP and MPFR versions")
    func versionString() {
        let version = Attest.fullVersion
        #expect(version.hasPrefix("attest \(Attest.version) "))
        #expect(version.contains("GMP 6."))
        #expect(version.contains("MPFR 4."))
    }

    @Test("--help lists the check subcommand and the exit statuses")
    func helpText() {
        let help = Attest.helpMessage()
        #expect(help.contains("check"))
        #expect(help.contains("Exit status"))
    }
}
