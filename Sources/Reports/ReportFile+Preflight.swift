import Foundation

extension ReportFile {
    /// Checks, before a run, that a report can be written to `path`: its folder exists and is a folder, `path` is not
    /// a folder, and a file can be created in the folder (a read-only folder or file system fails here). The test
    /// file is removed at once.
    ///
    /// - Throws: `ReportFileError` saying what is wrong.
    public static func checkWritable(_ path: String) throws(ReportFileError) {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                                   && isDirectory.boolValue) {
            throw .writeFailed(path: path, reason: "it is a folder")
        }
        try checkFolderWritable(url.deletingLastPathComponent().path, forReport: path)
    }

    /// Checks that files can be created in `folder`, which must exist; `report` is the path named in the error.
    ///
    /// - Throws: `ReportFileError.folderMissing` or `.writeFailed`.
    public static func checkFolderWritable(_ folder: String, forReport report: String) throws(ReportFileError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw .folderMissing(path: report)
        }
        guard isDirectory.boolValue else { throw .writeFailed(path: report, reason: "\(folder) is not a folder") }
        let probe = (folder as NSString).appendingPathComponent(
            ".attest-write-test-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0 ... .max))")
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw .writeFailed(path: report, reason: "no file can be created in \(folder): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        unlink(probe)
    }

    /// Writes `text` to `path`; when that fails (a full disk, a folder removed during the run), keeps the text in a
    /// file of the temporary folder instead, so that the results of a long run are not lost.
    ///
    /// - Returns: `nil` when `path` was written; otherwise the error and where the text was kept (`nil` when the
    ///   fallback failed too).
    public static func writeKeepingFallback(_ text: String, to path: String) -> (error: ReportFileError, keptAt: String?)? {
        do {
            try write(text, to: path)
            return nil
        } catch let original {
            let name = "attest-\(ProcessInfo.processInfo.processIdentifier)-" + URL(fileURLWithPath: path).lastPathComponent
            let fallback = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
            do { try write(text, to: fallback) } catch { return (original, nil) }
            return (original, fallback)
        }
    }
}
