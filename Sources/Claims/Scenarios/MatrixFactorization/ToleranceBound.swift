import LinearAlgebra
import MultiPrecision

extension BoundProperty {
    /// "deviation ≤ tolerance" at every sample or at the last: the property of the §5–§6 kinds that compare a
    /// measured deviation (relative gap, distance, residual) with the tolerance rule's τ.
    static func tolerance(_ label: String, _ lhs: String, atEnd: Bool = false) -> BoundProperty {
        BoundProperty(label: label, lhs: lhs, relation: .lessOrEqual, rhs: "tolerance", scope: atEnd ? .atEnd : .along)
    }

    /// Evaluates the deviations against one τ.
    func evaluate(_ deviations: [Observation<BigFloat>], within tolerance: BigFloat) throws -> PropertyOutcome {
        try evaluate(deviations, Array(repeating: ObservedValue(tolerance), count: deviations.count))
    }
}

extension Array where Element == Observation<BigFloat> {
    /// The largest scalar observed (0 for none).
    var largest: BigFloat { reduce(BigFloat(0)) { BigFloat.maximum($0, $1.value.scalar) } }
}

extension MatrixSource {
    /// The exact matrix, checked square and symmetric, or `nil` for `random`; `name` names it in the message.
    func symmetric(_ key: String, name: String) throws(ParameterProblem) -> Matrix<Rational>? {
        guard case let .exact(m, origin) = self else { return nil }
        guard m.isSquare, m == m.transposed() else {
            throw ParameterProblem(key: key, .invalidValue("\(name) (\(origin), \(m.shape)) must be square and symmetric"))
        }
        return m
    }
}
