import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

/// The precisions every precision-dependent check runs at: 53 bits (`Double`), 256 and 1024 bits (`BigFloat`).
let precisions = [53, 256, 1024]

/// A scalar the tests can build from a decimal reference string.
protocol TestScalar: Scalar {
    /// The reference value correctly rounded at the working precision.
    static func reference(_ text: String) -> Self
}

extension Double: TestScalar {
    static func reference(_ text: String) -> Double { Double(text)! }
}

extension BigFloat: TestScalar {
    static func reference(_ text: String) -> BigFloat { BigFloat(text)! }
}

/// Runs `double` at 53 bits, or `bigFloat` inside `withPrecision(bits)`.
func atPrecision(_ bits: Int, double: () throws -> Void, bigFloat: () throws -> Void) rethrows {
    if bits == 53 { try double() } else { try withPrecision(bits) { try bigFloat() } }
}

extension Matrix where Element: Scalar {
    /// ‖self − other‖_F.
    func distance(to other: Matrix) -> Element { (self - other).frobeniusNorm }
}

/// The matrix built from integer entries.
func integerMatrix<T: OrderedField>(_ rows: [[Int]], as _: T.Type = T.self) -> Matrix<T> {
    Matrix(rows: rows.count, columns: rows.first?.count ?? 0) { i, j in T(exactly: rows[i][j])! }
}

/// A deterministic pseudo-random matrix with entries k/7 for integers k in −20…20 (a linear congruential generator).
func pseudoRandomMatrix<T: OrderedField>(rows: Int, columns: Int, seed: UInt64, as _: T.Type = T.self) -> Matrix<T> {
    var state = seed &* 6364136223846793005 &+ 1442695040888963407
    return Matrix(rows: rows, columns: columns) { _, _ in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let k = Int((state >> 33) % 41) - 20
        return T(exactly: k)! / T(exactly: 7)!
    }
}

/// A pseudo-random symmetric matrix, B + Bᵀ for a pseudo-random B.
func pseudoRandomSymmetric<T: OrderedField>(_ n: Int, seed: UInt64, as _: T.Type = T.self) -> Matrix<T> {
    let b: Matrix<T> = pseudoRandomMatrix(rows: n, columns: n, seed: seed)
    return b + b.transposed()
}

/// Expects |actual − expected| ≤ tolerance, with a message that shows both.
func expectClose<T: Scalar>(_ actual: T, _ expected: T, within tolerance: T,
                            _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
    let error = (actual - expected).magnitude
    #expect(error <= tolerance, "\(comment?.description ?? "") |\(actual) − \(expected)| = \(error) > \(tolerance)",
            sourceLocation: sourceLocation)
}
