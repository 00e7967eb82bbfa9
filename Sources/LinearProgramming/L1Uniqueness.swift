import MultiPrecision

/// Whether a minimum-ℓ1 interpolant x* of A x = y is the only one, with the exact evidence.
///
/// The test is the necessary and sufficient condition of Zhang, Yin and Cheng (J. Optim. Theory Appl. 164, 2015,
/// "Necessary and sufficient conditions of solution uniqueness in 1-norm minimization"; Fuchs 2004 for
/// sufficiency): with S the support of x* and σ = sign(x*_S), x* is the unique minimizer if and only if the
/// columns A_S are linearly independent and some λ has A_Sᵀλ = σ and |A_jᵀλ| < 1 for every j ∉ S.
public enum L1Uniqueness: Sendable, Equatable {
    /// Unique: λ is a strict dual certificate (A_Sᵀλ = σ exactly), and `slack` = 1 − max_{j∉S} |A_jᵀλ| > 0 is the
    /// largest slack any certificate has (1 when S is everything).
    case unique(certificate: [Rational], slack: Rational)
    /// Not unique: the columns of A on the support are linearly dependent.
    case dependentSupportColumns
    /// Not unique: every dual certificate touches ±1 off the support (the largest slack is exactly 0).
    case noStrictCertificate

    /// Whether the minimizer is unique.
    public var isUnique: Bool {
        if case .unique = self { return true }
        return false
    }

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .unique(_, slack): return "unique (strict dual certificate, slack \(slack))"
        case .dependentSupportColumns:
            return "not unique: the columns of A on the support of x_ℓ1 are linearly dependent"
        case .noStrictCertificate:
            return "not unique: no dual certificate λ has |A_jᵀλ| < 1 off the support (largest slack 0)"
        }
    }
}
