import Foundation
import Reports

/// Writes figure files into a folder, creating the folder when it is missing.
enum FigureFolder {
    /// Writes `files` into `folder` (each atomically).
    ///
    /// - Throws: `ReportFileError` when the folder cannot be created or a file cannot be written.
    static func write(_ files: [FigureFiles.File], to folder: String) throws(ReportFileError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(path: folder, reason: "cannot create the folder: \(error.localizedDescription)")
        }
        for file in files {
            try ReportFile.write(file.text, to: (folder as NSString).appendingPathComponent(file.name))
        }
    }
}
