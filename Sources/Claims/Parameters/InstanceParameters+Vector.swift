import LinearAlgebra
import MultiPrecision

extension InstanceParameters {
    /// The entries of an exact vector parameter, written as one row or one column; `nil` when it is random.
    ///
    /// - Throws: `ParameterProblem` at the parameter's key when the matrix is neither one row nor one column.
    public func vector(_ parameter: Parameter<MatrixSource>) throws(ParameterProblem) -> [Rational]? {
        try Self.vector(self[parameter], key: parameter.spec.name)
    }

    /// The entries of an optional exact vector parameter, as `vector(_:)` reads them; `nil` when it is left out.
    public func vector(_ parameter: OptionalParameter<MatrixSource>) throws(ParameterProblem) -> [Rational]? {
        guard let source = self[parameter] else { return nil }
        return try Self.vector(source, key: parameter.spec.name)
    }

    private static func vector(_ source: MatrixSource, key: String) throws(ParameterProblem) -> [Rational]? {
        guard case let .exact(matrix, origin) = source else { return nil }
        guard matrix.rowCount == 1 || matrix.columnCount == 1 else {
            throw ParameterProblem(key: key, .dimensionMismatch("\(key) (\(origin)) is \(matrix.shape); it must be one row or one column"))
        }
        return matrix.elements
    }
}
