import Foundation

/// Writes report files atomically: the text goes to a temporary file beside the target, which is then renamed over
/// it, so that a reader never sees half a report.
public enum ReportFile {
    /// Writes `text` to `path` atomically.
    ///
    /// - Throws: `ReportFileError` when the folder does not exist or is not writable.
    public static func write(_ text: String, to path: String) throws(ReportFileError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .folderMissing(path: path)
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            // A partial temporary file (a full disk) is never left behind.
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: path, reason: error.localizedDescription)
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .writeFailed(path: path, reason: reason)
        }
    }
}

/// Why a report file could not be written.
public enum ReportFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The folder of `path` does not exist.
    case folderMissing(path: String)
    /// Writing or renaming failed.
    case writeFailed(path: String, reason: String)

    /// A one-line message.
    public var description: String {
        switch self {
        case let .folderMissing(path): return "cannot write the report \(path): its folder does not exist"
        case let .writeFailed(path, reason): return "cannot write the report \(path): \(reason)"
        }
    }
}
