/// Errors from linear algebra on matrices whose shape or values come from user data.
///
/// Mismatched shapes in code (adding a 2×3 to a 3×2 matrix) are programmer errors and stop with a precondition
/// message instead. Each case describes itself through `description`.
public enum LinearAlgebraError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The rows given to build a matrix do not all have the same length: row `row` has `found` entries, not `expected`.
    case raggedRows(row: Int, expected: Int, found: Int)
    /// A flat list of entries whose count does not match the requested shape.
    case elementCountMismatch(shape: MatrixShape, count: Int)
    /// `operation` needs shapes that agree, and `lhs` and `rhs` do not.
    case dimensionMismatch(operation: String, lhs: MatrixShape, rhs: MatrixShape)
    /// `operation` needs a square matrix.
    case notSquare(operation: String, shape: MatrixShape)
    /// `operation` needs a symmetric matrix, and entries (`row`, `column`) and (`column`, `row`) differ beyond rounding.
    case notSymmetric(operation: String, row: Int, column: Int)
    /// The matrix is singular to working precision: elimination found no usable pivot in column `column`.
    case singularMatrix(operation: String, column: Int)
    /// `function` is undefined on the eigenvalue `eigenvalue` (shown as a `Double`) of a symmetric matrix, for example
    /// a negative eigenvalue beyond rounding for a fractional power, or a zero eigenvalue for the logarithm.
    case eigenvalueOutOfDomain(function: String, eigenvalue: Double)
    /// The matrix has a NaN or an infinite entry, which `operation` cannot use.
    case nonFiniteEntry(operation: String)
    /// The iterative method `method` did not converge within `iterations` iterations (sweeps, for Jacobi methods).
    case noConvergence(method: String, iterations: Int)
    /// An argument outside its domain, for example a negative rank.
    case invalidArgument(operation: String, reason: String)

    /// A one-line message for people.
    public var description: String {
        switch self {
        case let .raggedRows(row, expected, found):
            return "the rows of a matrix must all have the same length: row \(row) has \(found) entries, expected \(expected)"
        case let .elementCountMismatch(shape, count):
            return "a \(shape) matrix needs \(shape.rows * shape.columns) entries, but \(count) were given"
        case let .dimensionMismatch(operation, lhs, rhs):
            return "\(operation): the shapes \(lhs) and \(rhs) do not agree"
        case let .notSquare(operation, shape):
            return "\(operation) needs a square matrix, but it is \(shape)"
        case let .notSymmetric(operation, row, column):
            return "\(operation) needs a symmetric matrix, but entries (\(row), \(column)) and (\(column), \(row)) differ beyond rounding"
        case let .singularMatrix(operation, column):
            return "\(operation): the matrix is singular (exactly, or to working precision for rounded scalars): no usable pivot in column \(column)"
        case let .eigenvalueOutOfDomain(function, eigenvalue):
            return "\(function) is undefined on the eigenvalue \(eigenvalue) (the matrix must be positive semidefinite, and positive definite for log and negative powers)"
        case let .nonFiniteEntry(operation):
            return "\(operation): the matrix has a NaN or infinite entry"
        case let .noConvergence(method, iterations):
            return "\(method) did not converge within \(iterations) iterations"
        case let .invalidArgument(operation, reason):
            return "\(operation): \(reason)"
        }
    }
}
