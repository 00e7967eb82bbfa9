import ArgumentParser
import Claims
import Foundation

/// Loads the claims under command-line paths and applies `--filter`, printing validation problems to standard
/// error and exiting with status 2 when there are any.
enum ClaimSelection {
    /// The claims under `paths` whose ids match any of `filters` (all when `filters` is empty).
    ///
    /// - Throws: `ExitCode(2)` after printing every problem, when the paths hold no claim file (an empty selection is
    ///   almost always a wrong path, and a run that checks nothing must not look like a success), or when the filters
    ///   match no claim.
    static func load(paths: [String], filters: [String]) throws -> [ClaimSpec] {
        if let advice = missingDefaultFolderAdvice(paths: paths) {
            Attest.printError(advice)
            throw ExitCode(AttestExitCode.inputError.rawValue)
        }
        let claims: [ClaimSpec]
        do {
            // A sweep file in a claims folder is recognized by its [sweep] table and skipped with a note, never read
            // as a broken claim file (a file named on the command line is read as a claim file, as asked).
            var files = try ClaimLoader.claimFiles(in: paths)
            let sweeps = files.filter { file in !paths.contains(file) && ClaimLoader.isSweepFile(file) }
            for sweep in sweeps {
                Attest.printError("attest: note: \(sweep) is a sweep file ([sweep] table), not a claim file: skipped "
                                  + "(run it with `attest table \(sweep)`)")
            }
            files.removeAll { sweeps.contains($0) }
            claims = try ClaimLoader().load(files: files)
        } catch {
            for problem in error.errors { Attest.printError(problem.description) }
            let count = error.errors.count
            Attest.printError("attest: \(count) problem\(count == 1 ? "" : "s") in the claim files; nothing was checked.")
            throw ExitCode(AttestExitCode.inputError.rawValue)
        }
        guard !claims.isEmpty else {
            Attest.printError("attest: no claim files (*.toml) in \(paths.joined(separator: ", ")); nothing was checked.")
            throw ExitCode(AttestExitCode.inputError.rawValue)
        }
        guard !filters.isEmpty else { return claims }
        let patterns = filters.map(ClaimIDPattern.init)
        let selected = claims.filter { claim in patterns.contains { $0.matches(claim.id) } }
        if selected.isEmpty && !claims.isEmpty {
            Attest.printError("attest: --filter \(filters.joined(separator: ", ")) matches none of the \(claims.count) claim ids "
                              + "(see `attest list`)")
            throw ExitCode(AttestExitCode.inputError.rawValue)
        }
        return selected
    }

    /// What to do when no path was given and the default folder `proofs` is not in the current directory; nil when
    /// there is nothing to advise.
    static func missingDefaultFolderAdvice(paths: [String], currentDirectory: String = FileManager.default.currentDirectoryPath)
        -> String? {
        guard paths == ["proofs"],
              !FileManager.default.fileExists(atPath: (currentDirectory as NSString).appendingPathComponent("proofs"))
        else { return nil }
        return """
            attest: there is no proofs/ folder in \(currentDirectory), so there are no claims to read.
              Name claim files (.toml) or folders that hold them, for example `attest list path/to/claims/`,
              or run attest in a folder that has a proofs/ folder (the Attest repository ships one).
              The claim-file format is described in docs/claim-files.md of the Attest repository.
            """
    }
}
