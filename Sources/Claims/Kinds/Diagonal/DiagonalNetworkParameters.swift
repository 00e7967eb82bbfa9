import LinearAlgebra
import MultiPrecision

/// The parameters that the diagonal-network kinds share (A, y, depth, the stopping target and horizon), and the
/// reading of the exact A and y.
enum DiagonalNetworkParameters {
    /// A and y (model section).
    static let problem: [ParameterSpec] = ParameterSpec.list(Self.measurements, Self.measured)

    /// The event's target and the time horizon (dynamics section), with the kind's default target.
    struct Stopping: Sendable {
        let targetResidual: Parameter<Rational>
        let maxTime = Parameter<Rational>.positive(
            "max_time", .dynamics, default: 10_000,
            help: "the time horizon; reaching it before the target is an ERROR (no convergence seen)")

        init(defaultTarget: Rational) {
            targetResidual = .positive("target_residual", .dynamics, default: defaultTarget,
                                       help: "the event stops the flow when ‖Ax − y‖ ≤ target_residual·‖y‖")
        }

        var specs: [ParameterSpec] { [targetResidual.spec, maxTime.spec] }
    }

    /// The exact A and y, y as a list.
    ///
    /// - Throws: `ParameterProblem` when A or y is not exact or y does not fit A.
    static func data(_ p: InstanceParameters) throws(ParameterProblem) -> (Matrix<Rational>, [Rational]) {
        guard case let .exact(a, _) = p[DiagonalNetworkParameters.measurements] else {
            throw ParameterProblem(key: "A", .invalidValue("A must be given exactly (inline or a file)"))
        }
        guard case let .exact(y, origin) = p[DiagonalNetworkParameters.measured] else {
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

extension DiagonalNetworkParameters {
    static let measurements = Parameter<MatrixSource>("A", .model, type: .matrix, variable: false,
        help: "the m × n measurement matrix (m < n), exact; full row rank")

    static let measured = Parameter<MatrixSource>("y", .model, type: .matrix, variable: false,
        help: "the m measurements, as one row or one column, exact")

    static let depth = Parameter<Int>("depth", .model, type: .integer(2...8), default: 2,
        help: "the depth N of x = u^{⊙N} − v^{⊙N}")
}
