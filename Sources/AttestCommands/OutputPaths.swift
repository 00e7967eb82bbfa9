import ArgumentParser
import Foundation
import Reports

/// The files and folders a command writes its results to: checked before anything runs, and written at the end
/// with a fallback, so that a long run's results are never lost to a path that cannot be written.
enum OutputPaths {
    /// Checks that every report file can be written and that the figure folder exists or can be created (it is
    /// created now) and takes files.
    ///
    /// - Throws: `ExitCode(2)` after printing what is wrong with each path.
    static func check(reports: [String], figureFolder: String? = nil, options: [String] = ["--report"],
                      figureOption: String = "--figures") throws {
        var problems: [String] = []
        for (index, path) in reports.enumerated() {
            let option = options[min(index, options.count - 1)]
            do { try ReportFile.checkWritable(path) } catch { problems.append("attest: \(option) \(path): \(error)") }
        }
        if let figureFolder {
            do {
                try FileManager.default.createDirectory(atPath: figureFolder, withIntermediateDirectories: true)
                try ReportFile.checkFolderWritable(figureFolder, forReport: figureFolder)
            } catch let error as ReportFileError {
                problems.append("attest: \(figureOption) \(figureFolder): \(error)")
            } catch {
                problems.append("attest: \(figureOption) \(figureFolder): cannot create the folder: \(error.localizedDescription)")
            }
        }
        guard problems.isEmpty else {
            for problem in problems { Attest.printError(problem) }
            Attest.printError("attest: nothing was run.")
            throw ExitCode(AttestExitCode.inputError.rawValue)
        }
    }

    /// Writes `text` to `path`; when that fails even so (a full disk), keeps it in the temporary folder and says
    /// where. Whether `path` was written.
    static func write(_ text: String, to path: String) -> Bool {
        guard let (error, keptAt) = ReportFile.writeKeepingFallback(text, to: path) else { return true }
        Attest.printError("attest: \(error)")
        if let keptAt {
            Attest.printError("attest: the results are kept in \(keptAt) instead")
        } else {
            Attest.printError("attest: the temporary folder cannot take them either; the summary on standard output is "
                              + "all that is left of them")
        }
        return false
    }

}
