import Foundation
import MultiPrecision

/// Helpers shared by Attest's test targets. Not part of the public library API.
public enum AttestTestSupport {
    /// Reads a reference file of `name<TAB>value` lines (comments start with `#`) into a dictionary.
    ///
    /// - Parameter path: an absolute path, usually built from the test file's `#filePath`.
    public static func referenceValues(at path: String) throws -> [String: String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 1)
            if fields.count == 2 { values[String(fields[0])] = String(fields[1]) }
        }
        return values
    }

    /// The path of `file` in the `References` folder beside the calling test file.
    public static func referencePath(_ file: String, testFile: String = #filePath) -> String {
        URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("References").appendingPathComponent(file).path
    }

    /// The distance between `a` and `b` in units of the last place of `b` at its own precision.
    public static func ulpDistance(_ a: BigFloat, _ b: BigFloat) -> Double {
        (BigFloat.abs(a - b) / b.ulp).doubleValue
    }
}
