/// Why a linear program has no certified exact optimum.
public enum LinearProgramError: Error, CustomStringConvertible, Equatable, Sendable {
    /// b needs one entry per row of A and c one per column.
    case shapeMismatch(rows: Int, columns: Int, rightHandSide: Int, costs: Int)
    /// A program needs at least one constraint and one variable (GLPK's exact simplex refuses empty ones).
    case empty
    /// An entry is too large for GLPK's double-precision input (after scaling each row to integers).
    case dataOutOfRange(String)
    /// GLPK's exact simplex found that no x ≥ 0 satisfies A x = b. `inputExact` says whether GLPK received the
    /// data without rounding (then the verdict is exact; otherwise it concerns the rounded data).
    case infeasible(inputExact: Bool)
    /// GLPK's exact simplex found that cᵀx is unbounded below on the feasible set (`inputExact` as for `infeasible`).
    case unbounded(inputExact: Bool)
    /// GLPK's exact simplex stopped without a verdict (its return code and solution status).
    case solverFailed(code: Int, status: Int)
    /// The basis GLPK returned is singular for the exact data, or has the wrong size.
    case invalidBasis(String)
    /// The basic solution recomputed in exact arithmetic is not optimal: the named condition of the certificate
    /// (primal feasibility, dual feasibility, equal objectives) fails. This happens only when GLPK received rounded
    /// data.
    case certificateFailed(String)

    /// A one-line message for people.
    public var description: String {
        switch self {
        case let .shapeMismatch(rows, columns, rhs, costs):
            return "A is \(rows) × \(columns) but b has \(rhs) entries and c has \(costs); b needs \(rows), c needs \(columns)"
        case .empty: return "the linear program has no constraints or no variables"
        case let .dataOutOfRange(what): return "GLPK cannot take the data: \(what)"
        case let .infeasible(exact):
            return "the linear program is infeasible (GLPK exact simplex\(exact ? "" : ", on data rounded to doubles"))"
        case let .unbounded(exact):
            return "the linear program is unbounded (GLPK exact simplex\(exact ? "" : ", on data rounded to doubles"))"
        case let .solverFailed(code, status):
            return "GLPK's exact simplex failed (glp_exact returned \(code), solution status \(status))"
        case let .invalidBasis(why): return "GLPK's optimal basis is unusable for the exact data: \(why)"
        case let .certificateFailed(why): return "the exact optimality certificate fails: \(why)"
        }
    }
}
