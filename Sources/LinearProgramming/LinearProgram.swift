import LinearAlgebra
import MultiPrecision

/// A linear program in standard equality form over the rationals:
///
///     minimize cᵀx   subject to   A x = b,   x ≥ 0.
///
/// ``solve()`` returns the exact optimum with its optimality certificate. No simplex is written here: GLPK's exact
/// simplex (`glp_exact`, rational arithmetic inside) finds an optimal basis, and the basic solution and its duals are
/// then recomputed in `Rational` and checked.
///
/// ```swift
/// let lp = try LinearProgram(minimizing: [1, 1], subjectTo: [[1, 2]], equals: [2])
/// let optimum = try lp.solve()      // x = (0, 1), objective 1, dual λ = (1/2)
/// ```
public struct LinearProgram: Sendable {
    /// The m × n constraint matrix A.
    public let constraints: Matrix<Rational>
    /// The m right-hand sides b.
    public let rightHandSide: [Rational]
    /// The n costs c.
    public let costs: [Rational]

    /// Creates the program min cᵀx subject to A x = b, x ≥ 0.
    ///
    /// - Throws: `LinearProgramError.shapeMismatch` when b or c does not fit A, `.empty` when A has no rows or no
    ///   columns.
    public init(minimizing costs: [Rational], subjectTo a: Matrix<Rational>, equals b: [Rational])
        throws(LinearProgramError)
    {
        guard b.count == a.rowCount, costs.count == a.columnCount else {
            throw .shapeMismatch(rows: a.rowCount, columns: a.columnCount, rightHandSide: b.count, costs: costs.count)
        }
        guard a.rowCount > 0, a.columnCount > 0 else { throw .empty }
        self.constraints = a
        self.rightHandSide = b
        self.costs = costs
    }

    /// The number of constraints m.
    public var constraintCount: Int { constraints.rowCount }
    /// The number of variables n.
    public var variableCount: Int { constraints.columnCount }
}
