import Foundation

/// Reading a JSON report back from a file, plain (`.json`) or gzip-compressed (`.json.gz`, such as the stored report
/// of `proofs/` in `proofs/baseline/`, decompressed by the system's `gzip -dc`).
public enum StoredReport {
    /// Why a stored report could not be read.
    public enum LoadError: Error, CustomStringConvertible, Sendable {
        /// The file does not exist or cannot be read.
        case unreadable(path: String)
        /// `gzip -dc` failed on it.
        case notGzip(path: String, reason: String)
        /// It is not a JSON report.
        case notAReport(path: String, reason: String)

        /// A one-line message.
        public var description: String {
            switch self {
            case let .unreadable(path): return "\(path): cannot read the report: no such file, or not readable"
            case let .notGzip(path, reason): return "\(path): cannot decompress the report: \(reason)"
            case let .notAReport(path, reason): return "\(path): not a JSON report of attest check: \(reason)"
            }
        }
    }

    /// The report in the file at `path`.
    ///
    /// - Throws: `LoadError`.
    public static func load(_ path: String) throws(LoadError) -> Report {
        guard var data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        if path.hasSuffix(".gz") { data = try gunzip(path) }
        do { return try JSONReportWriter.decode(data) } catch { throw .notAReport(path: path, reason: "\(error)") }
    }

    /// The file at `path` decompressed by `gzip -dc` (the file is read by gzip itself, so a large report never sits in a pipe).
    private static func gunzip(_ path: String) throws(LoadError) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", "--", path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw .notGzip(path: path, reason: "gzip cannot be started: \(error)") }
        let plain = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .notGzip(path: path, reason: message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return plain
    }
}
