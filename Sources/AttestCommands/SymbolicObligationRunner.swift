import Foundation
import Symbolic

/// Checks proof-obligation files (those under a folder named `symbolic`) with the Symbolic prover until the claims
/// engine takes them over: one verdict line per file on standard output, details under a FAIL, and malformed
/// files reported on standard error with file, line and key.
enum SymbolicObligationRunner {
    /// Whether `path` is a symbolic obligation file: some folder on its path is named `symbolic`.
    static func isObligationFile(_ path: String) -> Bool {
        path.split(separator: "/").dropLast().contains("symbolic")
    }

    /// The tally of one run.
    struct Summary {
        var met = 0
        var notMet = 0
        var malformed = 0
    }

    /// Loads and checks each file, printing as it goes.
    static func run(_ files: [String]) -> Summary {
        var summary = Summary()
        for file in files {
            let obligation: ProofObligation
            do {
                obligation = try ProofObligation(contentsOfFile: file)
            } catch {
                FileHandle.standardError.write(Data("attest: \(error)\n".utf8))
                summary.malformed += 1
                continue
            }
            let report = obligation.check()
            print(report.verdictLine)
            if report.metExpectation {
                summary.met += 1
            } else {
                print(report.details)
                summary.notMet += 1
            }
        }
        return summary
    }
}
