import ArgumentParser
import Foundation
import MultiPrecision
import Reports

/// The root `attest` command: numerical and symbolic evidence for theorems about learning dynamics.
///
/// The executable is one line (`await Attest.main()`); every subcommand lives in this library so that
/// it can be tested in-process.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct Attest: AsyncParsableCommand {
    /// The version string that `attest --version` prints.
    public static let version = "0.1.0"

    /// The command's name, abstract, version and subcommands.
    public static let configuration = CommandConfiguration(
        commandName: "attest",
        abstract: "Check theorem claims about learning dynamics at arbitrary precision.",
        discussion: """
            Attest runs claims (TOML files in proofs/) on many instances at high precision with \
            GMP/MPFR arithmetic, and reports PASS, FAIL (with a reproducible counterexample), \
            INCONCLUSIVE (the margin is within the numerical error) or ERROR for each.

            Exit status: 0 when every claim met its expectation, 1 when any did not, \
            2 on a usage or input error.
            """,
        version: Attest.fullVersion,
        subcommands: [Check.self, List.self, Explain.self, Kinds.self, Table.self, Plot.self, Compare.self, Merge.self,
                      Slurm.self, Version.self],
        defaultSubcommand: Check.self
    )

    /// The version line with the versions of the arithmetic libraries underneath.
    public static var fullVersion: String {
        "attest \(version) (GMP \(LibraryVersions.gmp), MPFR \(LibraryVersions.mpfr))"
    }

    /// The tool and library versions, as reports record them.
    public static var toolInfo: ToolInfo {
        ToolInfo(version: version, gmp: LibraryVersions.gmp, mpfr: LibraryVersions.mpfr)
    }

    /// Writes one line to standard error (control characters escaped; a failed write is ignored).
    static func printError(_ line: String) {
        StandardStreams.errLine(line)
    }

    /// Creates the command; ArgumentParser calls this.
    public init() {}
}
