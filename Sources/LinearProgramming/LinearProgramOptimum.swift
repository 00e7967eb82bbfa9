import MultiPrecision

/// The exact optimum of a ``LinearProgram`` together with its certificate: x is primal feasible (A x = b, x ≥ 0),
/// λ is dual feasible (Aᵀλ ≤ c, i.e. the reduced costs c − Aᵀλ are ≥ 0), and cᵀx = bᵀλ. By weak duality these three
/// facts prove that x is optimal; all were checked in exact rational arithmetic.
public struct LinearProgramOptimum: Sendable, Equatable {
    /// An optimal vertex x.
    public let x: [Rational]
    /// The optimal value cᵀx (= bᵀλ).
    public let objective: Rational
    /// An optimal dual solution λ (one entry per constraint).
    public let dual: [Rational]
    /// The reduced costs c − Aᵀλ, all ≥ 0 (zero on the basic columns).
    public let reducedCosts: [Rational]
    /// The structural columns of the optimal basis, ascending (0-based).
    public let basicColumns: [Int]
    /// Whether GLPK received the program without rounding (each row scaled to integers of at most 53 bits). The
    /// certificate is exact either way; this only says whether GLPK's own verdict concerned the exact data.
    public let inputExact: Bool
}
