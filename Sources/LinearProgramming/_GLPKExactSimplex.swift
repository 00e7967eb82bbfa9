import CGLPK

/// One call of GLPK's exact simplex (`glp_exact`) on min cᵀx, A x = b, x ≥ 0 given in doubles, reporting the
/// final status and basis. GLPK converts each double to a GMP rational exactly and pivots in rational arithmetic.
///
/// GLPK keeps a per-thread environment (thread-local storage in GLPK ≥ 4.60); it is freed after every call so that
/// nothing outlives the solve. Inputs are validated by the caller (finite, nonempty), since GLPK aborts the process on
/// invalid data.
struct _GLPKExactSimplex {
    /// GLPK's verdict on the program.
    enum Outcome {
        /// An optimal basis: the basic structural columns and the basic rows (auxiliary variables), 0-based.
        case optimal(basicColumns: [Int], basicRows: [Int])
        /// No feasible point.
        case infeasible
        /// The objective is unbounded below.
        case unbounded
        /// Anything else: glp_exact's return code and the solution status.
        case failed(code: Int, status: Int)
    }

    /// Solves min cᵀx subject to A x = b, x ≥ 0 with A given row-major (m rows, n columns).
    static func solve(rowMajor a: [Double], rows m: Int, columns n: Int, b: [Double], c: [Double]) -> Outcome {
        precondition(m > 0 && n > 0 && a.count == m * n && b.count == m && c.count == n)
        glp_term_out(GLP_OFF)
        guard let problem = glp_create_prob() else { return .failed(code: -1, status: 0) }
        defer {
            glp_delete_prob(problem)
            _ = glp_free_env()
        }
        glp_set_obj_dir(problem, GLP_MIN)
        glp_add_rows(problem, Int32(m))
        glp_add_cols(problem, Int32(n))
        for i in 0..<m { glp_set_row_bnds(problem, Int32(i + 1), GLP_FX, b[i], b[i]) }
        for j in 0..<n {
            glp_set_col_bnds(problem, Int32(j + 1), GLP_LO, 0, 0)
            glp_set_obj_coef(problem, Int32(j + 1), c[j])
        }
        // GLPK's sparse triplets are 1-based: index 0 of each array is unused.
        var rowIndex: [Int32] = [0], columnIndex: [Int32] = [0], value: [Double] = [0]
        for i in 0..<m {
            for j in 0..<n where a[i * n + j] != 0 {
                rowIndex.append(Int32(i + 1))
                columnIndex.append(Int32(j + 1))
                value.append(a[i * n + j])
            }
        }
        glp_load_matrix(problem, Int32(value.count - 1), rowIndex, columnIndex, value)
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        let code = glp_exact(problem, &parameters)
        let status = glp_get_status(problem)
        guard code == 0 else { return .failed(code: Int(code), status: Int(status)) }
        switch status {
        case GLP_OPT:
            let basicColumns = (0..<n).filter { glp_get_col_stat(problem, Int32($0 + 1)) == GLP_BS }
            let basicRows = (0..<m).filter { glp_get_row_stat(problem, Int32($0 + 1)) == GLP_BS }
            return .optimal(basicColumns: basicColumns, basicRows: basicRows)
        case GLP_NOFEAS: return .infeasible
        case GLP_UNBND: return .unbounded
        default: return .failed(code: 0, status: Int(status))
        }
    }
}
