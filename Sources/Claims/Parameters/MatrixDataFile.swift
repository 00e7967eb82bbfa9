import Foundation
import LinearAlgebra
import MultiPrecision

/// Reads a matrix of exact numbers from a CSV or JSON data file.
///
/// Every entry is read with `Rational(parsing:)`, never through `Double`: `0.1` is exactly 1/10, `1/3` is one third.
///
/// - **CSV** (`.csv`): one row per line, entries separated by commas (spaces around them are ignored). Blank lines
///   and lines starting with `#` are skipped. Entries may be quoted (`"1/3"`).
/// - **JSON** (`.json`): an array of rows, each an array of numbers or numeric strings: `[[1, "1/3"], [0.5, -2]]`.
///   JSON numbers are read from their text, exactly.
///
/// NaN, infinities and anything else that is not an exact number are rejected with the row and column.
public enum MatrixDataFile {
    /// The largest data file accepted: 16 MiB.
    public static let maximumBytes = 16 << 20

    /// Reads the matrix in the file at `path`.
    ///
    /// - Throws: `DataFileProblem` describing what is wrong.
    public static func read(path: String) throws(DataFileProblem) -> Matrix<Rational> {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing }
        guard !isDirectory.boolValue else { throw .unreadable("it is a folder") }
        let ext = (path as NSString).pathExtension.lowercased()
        guard ext == "csv" || ext == "json" else { throw .unsupportedFormat(ext.isEmpty ? "(none)" : "." + ext) }
        let size = ((try? fileManager.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maximumBytes else { throw .oversized(bytes: size, limit: maximumBytes) }
        guard let data = fileManager.contents(atPath: path) else { throw .unreadable("permission denied or I/O error") }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable("not UTF-8 text") }
        let rows = ext == "csv" ? try csvRows(text) : try _ExactJSONMatrix.rows(text)
        return try matrix(fromRows: rows)
    }

    /// Splits CSV text into rows of entry texts.
    static func csvRows(_ text: String) throws(DataFileProblem) -> [[String]] {
        var rows: [[String]] = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            rows.append(line.split(separator: ",", omittingEmptySubsequences: false).map { field in
                var entry = field.trimmingCharacters(in: .whitespaces)
                if entry.count >= 2, entry.hasPrefix("\""), entry.hasSuffix("\"") {
                    entry = String(entry.dropFirst().dropLast())
                }
                return entry
            })
        }
        return rows
    }

    /// Reads rows of entry texts exactly into a matrix.
    static func matrix(fromRows rows: [[String]]) throws(DataFileProblem) -> Matrix<Rational> {
        guard let first = rows.first, !first.isEmpty else { throw .empty }
        var elements: [Rational] = []
        elements.reserveCapacity(rows.count * first.count)
        for (i, row) in rows.enumerated() {
            guard row.count == first.count else { throw .ragged(row: i + 1, expected: first.count, found: row.count) }
            for (j, text) in row.enumerated() {
                let value: Rational
                do { value = try Rational(parsing: text) } catch {
                    throw .badEntry(row: i + 1, column: j + 1, text: text, reason: entryReason(text, error))
                }
                if let problem = ClaimFileParser.sizeProblem(value) {
                    throw .badEntry(row: i + 1, column: j + 1, text: text, reason: problem)
                }
                elements.append(value)
            }
        }
        do {
            return try Matrix(rows: rows.count, columns: first.count, elements: elements)
        } catch {
            throw .empty
        }
    }

    /// Why an entry is not an exact number, in words.
    static func entryReason(_ text: String, _ error: MultiPrecisionError) -> String {
        let lowered = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "+-"))
        if lowered == "nan" { return "NaN is not allowed" }
        if lowered == "inf" || lowered == "infinity" { return "infinities are not allowed" }
        if text.isEmpty { return "the entry is empty" }
        return error.description
    }
}
