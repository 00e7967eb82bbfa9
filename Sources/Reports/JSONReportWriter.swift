import Foundation

/// Renders a report as JSON (docs/report-schema.md): pretty-printed with sorted keys, so the same report always
/// gives the same bytes.
public struct JSONReportWriter: Sendable {
    /// Creates the writer.
    public init() {}

    /// The JSON text, ending with a newline, with `digest` set to the SHA-256 of the report's JSON without it.
    public func render(_ report: Report) -> String {
        var signed = report
        signed.digest = Self.digest(of: report)
        // Encoding plain Codable structs of strings, integers and booleans cannot fail.
        guard let data = try? Self.encoder.encode(signed) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The encoder: pretty-printed, sorted keys, so that the same report always gives the same bytes.
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// SHA-256 (hex) of the JSON of `report` with its `digest` left out.
    public static func digest(of report: Report) -> String {
        var unsigned = report
        unsigned.digest = nil
        return SHA256.hex((try? encoder.encode(unsigned)) ?? Data())
    }

    /// Reads a report back (for `attest explain --report` and tests).
    ///
    /// - Throws: `DecodingError` for JSON that is not a report; `ReportSchemaError` for an unknown schema version.
    public static func decode(_ data: Data) throws -> Report {
        let report = try JSONDecoder().decode(Report.self, from: data)
        guard report.schemaVersion <= Report.currentSchemaVersion else {
            throw ReportSchemaError.unsupportedVersion(report.schemaVersion)
        }
        return report
    }
}

/// A report written by a newer Attest.
public enum ReportSchemaError: Error, CustomStringConvertible, Sendable {
    /// The schema version is newer than this build knows.
    case unsupportedVersion(Int)

    /// A one-line message.
    public var description: String {
        switch self {
        case let .unsupportedVersion(v):
            return "report schema version \(v) is newer than this attest understands (\(Report.currentSchemaVersion))"
        }
    }
}
