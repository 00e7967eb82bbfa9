import CMPFR

/// A rounding direction for `BigFloat` operations that take one explicitly.
///
/// Arithmetic rounds to nearest (ties to even) unless a function says otherwise. Directed rounding bounds a
/// result from one side, which lets verdict margins be bounded rigorously.
public enum RoundingMode: Sendable, CaseIterable {
    /// To nearest, ties to even (`MPFR_RNDN`).
    case toNearest
    /// Toward −∞ (`MPFR_RNDD`).
    case down
    /// Toward +∞ (`MPFR_RNDU`).
    case up
    /// Toward zero (`MPFR_RNDZ`).
    case towardZero
    /// Away from zero (`MPFR_RNDA`).
    case awayFromZero

    /// The MPFR constant for this mode.
    @inlinable var mpfr: mpfr_rnd_t {
        switch self {
        case .toNearest: return MPFR_RNDN
        case .down: return MPFR_RNDD
        case .up: return MPFR_RNDU
        case .towardZero: return MPFR_RNDZ
        case .awayFromZero: return MPFR_RNDA
        }
    }
}
