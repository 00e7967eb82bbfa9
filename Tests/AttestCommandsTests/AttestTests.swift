import Foundation
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

    @Test("Exit statuses in-process: 2 for an empty claim folder (nothing checked), for usage and input errors")
    func exitStatuses() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("attest-empty-\(UUID())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(await Attest.run(arguments: ["check", empty.path]) == 2)
        #expect(await Attest.run(arguments: ["check", empty.appendingPathComponent("missing").path]) == 2)
        #expect(await Attest.run(arguments: ["--no-such-flag"]) == 2)
    }

    @Test("The attest executable answers --version and --help and exits 0")
    func executable() throws {
        let binary = try #require(Self.attestBinary(), "the attest executable was not found beside the tests")
        let version = try Self.run(binary, ["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("attest \(Attest.version) (GMP "))
        let help = try Self.run(binary, ["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("SUBCOMMANDS") && help.output.contains("check"))
        let bad = try Self.run(binary, ["check", "/nonexistent/attest/path"])
        #expect(bad.status == 2)
    }

    /// The `attest` executable in the build products folder (the test bundle's folder).
    static func attestBinary() -> String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("attest"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("attest"),
            Bundle.main.bundleURL.appendingPathComponent("attest"),
        ]
        return candidates.map(\.path).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `binary` with `arguments`, returning its exit status and standard output.
    static func run(_ binary: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
