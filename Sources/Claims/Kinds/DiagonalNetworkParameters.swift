import LinearAlgebra
import MultiPrecision

/// The parameters that the diagonal-network kinds share (A, y, depth, the stopping target and horizon), and the
/// reading of the exact A and y.
enum DiagonalNetworkParameters {
    /// A and y (model section).
    static let problem: [ParameterSpec] = [
        ParameterSpec("A", section: .model, type: .matrix, required: true, variable: false,
                      help: "the m × n measurement matrix (m < n), exact; full row rank"),
        ParameterSpec("y", section: .model, type: .matrix, required: true, variable: false,
                      help: "the m measurements, as one row or one column, exact"),
    ]

    /// The depth N (model section).
    static let depth = ParameterSpec("depth", section: .model, type: .integer(2...8), default: .integer(2),
                                     help: "the depth N of x = u^{⊙N} − v^{⊙N}")

    /// The event's target and the time horizon (dynamics section), with the given default target.
    static func stopping(defaultTarget: Rational) -> [ParameterSpec] {
        [
            ParameterSpec("target_residual", section: .dynamics, type: .rational(minimum: 0, exclusive: true),
                          default: .rational(defaultTarget),
                          help: "the event stops the flow when ‖Ax − y‖ ≤ target_residual·‖y‖"),
            ParameterSpec("max_time", section: .dynamics, type: .rational(minimum: 0, exclusive: true),
                          default: .rational(Rational(10_000)),
                          help: "the time horizon; reaching it before the target is an ERROR (no convergence seen)"),
        ]
    }

    /// The exact A and y, y as a list.
    ///
    /// - Throws: `ParameterProblem` when A or y is not exact or y does not fit A.
    static func data(_ p: InstanceParameters) throws(ParameterProblem) -> (Matrix<Rational>, [Rational]) {
        guard case let .exact(a, _)? = p.matrix("A") else {
            throw ParameterProblem(key: "A", .invalidValue("A must be given exactly (inline or a file)"))
        }
        guard case let .exact(y, origin)? = p.matrix("y") else {
            throw ParameterProblem(key: "y", .invalidValue("y must be given exactly (inline or a file)"))
        }
        guard y.rowCount == 1 || y.columnCount == 1 else {
            throw ParameterProblem(key: "y", .dimensionMismatch("y (\(origin)) is \(y.shape); it must be one row or one column"))
        }
        let list = y.elements
        guard list.count == a.rowCount else {
            throw ParameterProblem(key: "y", .dimensionMismatch("y has \(list.count) entries but A has \(a.rowCount) rows"))
        }
        return (a, list)
    }
}
