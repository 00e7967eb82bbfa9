import Foundation
import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

/// `SymmetricEigendecomposition(_:)` and `logarithm()` against their outputs before the value-returning forms and the
/// preallocated workspaces were folded into one implementation, bit for bit (value, sign and precision of every entry),
/// including inputs whose entries have several different precisions.
///
/// `exponential()` was checked here too until it moved from Horner's scheme to Paterson–Stockmeyer (issue 20, session
/// 11), which rounds differently by design; its outputs (and the two general 3 × 3 inputs that only it used) were
/// removed then, and its accuracy is asserted against mpmath in MatrixExponentialTests (relative errors of 2–19 units
/// in the last place there, as with Horner).
///
/// The stored outputs, References/legacy-matrix-functions.json, were made by running this test on the code before the
/// fold (main at cbdbd64), where it failed and wrote its outputs to the temporary file the failure names; that file was
/// copied into References unchanged. Each BigFloat is stored exactly, as its `Codable` form (precision and base-16
/// significand); each Double as its bit pattern.
@Suite("Matrix functions: the Jacobi eigendecomposition and log keep their earlier outputs bit for bit")
struct MatrixFunctionLegacyOutputsTests {
    static let referenceURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("References").appendingPathComponent("legacy-matrix-functions.json")

    /// The exact value `r` at `bits` bits.
    static func entry(_ r: Rational, bits: Int) -> BigFloat { BigFloat(r, precision: bits) }

    /// A rational matrix with entries at the precisions `bits[(i + j) % bits.count]` (symmetric in i, j).
    static func mixed(_ a: Matrix<Rational>, bits: [Int]) -> Matrix<BigFloat> {
        Matrix(rows: a.rowCount, columns: a.columnCount) { i, j in entry(a[i, j], bits: bits[(i + j) % bits.count]) }
    }

    /// B·Bᵀ/8 + I/4 in exact arithmetic.
    static func positiveDefinite(_ n: Int, seed: UInt64) -> Matrix<Rational> {
        let b: Matrix<Rational> = pseudoRandomMatrix(rows: n, columns: n, seed: seed)
        return b * b.transposed() / Rational(8) + Matrix<Rational>.identity(n) / Rational(4)
    }

    /// The inputs (exact), each with the entry precisions it is tried at; the default precision is 256 bits.
    static func cases() -> [(name: String, matrix: Matrix<Rational>, bits: [[Int]])] {
        let symmetric: Matrix<Rational> = pseudoRandomSymmetric(4, seed: 53)
        let spd = positiveDefinite(4, seed: 54)
        let precisions = [[256], [320], [128], [128, 320], [320, 200, 64], [256, 512]]
        return [("symmetric", symmetric, precisions), ("spd", spd, precisions)]
    }

    /// Every output, as "name bits: [values]" lines with each BigFloat encoded exactly.
    static func outputs() throws -> [String: [String]] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        func encoded(_ values: [BigFloat]) throws -> [String] {
            try values.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        }
        var result: [String: [String]] = [:]
        try withPrecision(256) {
            for (name, matrix, bitsList) in cases() {
                for bits in bitsList {
                    let a = mixed(matrix, bits: bits)
                    let key = "\(name) \(bits.map(String.init).joined(separator: ","))"
                    if name == "symmetric" || name == "spd" {
                        let eig = try SymmetricEigendecomposition(a)
                        result["eig \(key)"] = try encoded(eig.eigenvalues + eig.eigenvectors.elements) + ["sweeps \(eig.sweeps)"]
                    }
                    if name == "spd" { result["log \(key)"] = try encoded(try a.logarithm().elements) }
                }
            }
        }
        for (name, matrix, _) in cases() {
            let a = Matrix<Double>(rows: matrix.rowCount, columns: matrix.columnCount) { i, j in Self.entry(matrix[i, j], bits: 53).doubleValue }
            func bits(_ values: [Double]) -> [String] { values.map { String($0.bitPattern, radix: 16) } }
            if name == "symmetric" || name == "spd" {
                let eig = try SymmetricEigendecomposition(a)
                result["eig \(name) Double"] = bits(eig.eigenvalues + eig.eigenvectors.elements) + ["sweeps \(eig.sweeps)"]
            }
            if name == "spd" { result["log \(name) Double"] = bits(try a.logarithm().elements) }
        }
        return result
    }

    @Test("eig and log of 4 × 4 matrices (entries at 64 to 512 bits, mixed, and Double) equal the stored earlier outputs")
    func outputsAreUnchanged() throws {
        let actual = try Self.outputs()
        let data = (try? Data(contentsOf: Self.referenceURL)) ?? Data("{}".utf8)
        let stored = try JSONDecoder().decode([String: [String]].self, from: data)
        #expect(Set(actual.keys) == Set(stored.keys))
        var mismatches: [String] = []
        for key in actual.keys.sorted() where actual[key] != stored[key] { mismatches.append(key) }
        #expect(mismatches.isEmpty, "outputs differ from the stored ones for \(mismatches)")
        if !mismatches.isEmpty || Set(actual.keys) != Set(stored.keys) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-matrix-functions.actual.json")
            try encoder.encode(actual).write(to: url)
            Issue.record("the actual outputs are in \(url.path)")
        }
    }
}
