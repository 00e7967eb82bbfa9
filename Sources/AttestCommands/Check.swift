import ArgumentParser
import Foundation

extension Attest {
    /// `attest check [PATHS…]`: checks every claim file found under the given paths.
    public struct Check: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Check the claims in the given files or folders (default: proofs/)."
        )

        /// Claim files (`.toml`) or folders to search for them.
        @Argument(help: "Claim files (.toml) or folders that hold them.")
        public var paths: [String] = ["proofs"]

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Finds the claim files and checks them.
        public mutating func run() async throws {
            let files = try ClaimFileFinder.claimFiles(in: paths)
            if files.isEmpty {
                print("attest: no claim files (*.toml) found in \(paths.joined(separator: ", ")); 0 claims checked.")
                return
            }
            // Symbolic proof obligations (files under a folder named `symbolic`) are checked by the Symbolic
            // prover; the claims engine will take them over.
            let obligations = files.filter(SymbolicObligationRunner.isObligationFile)
            let others = files.filter { !SymbolicObligationRunner.isObligationFile($0) }
            let summary = SymbolicObligationRunner.run(obligations)
            if !obligations.isEmpty {
                print("\(obligations.count) obligation file(s): \(summary.met) met their expectation, "
                      + "\(summary.notMet) did not, \(summary.malformed) malformed.")
            }
            if !others.isEmpty {
                // The claims engine is not part of this version yet. Say so plainly instead of
                // pretending that the files were checked.
                FileHandle.standardError.write(Data("""
                    attest: found \(others.count) claim file(s), but this build has no claims engine yet; \
                    nothing was checked.\n
                    """.utf8))
            }
            if summary.malformed > 0 || !others.isEmpty { throw ExitCode(AttestExitCode.inputError.rawValue) }
            if summary.notMet > 0 { throw ExitCode(AttestExitCode.claimNotMet.rawValue) }
        }
    }
}
