import Symbolic

/// Why a symbolic identity got no verdict.
public enum SymbolicIdentityError: Error, CustomStringConvertible, Sendable {
    /// The instance does not carry its identity (it was not read by this kind).
    case identityNotFound
    /// Canonical remainder zero, but a random instance disagrees (`inconsistent`); non-zero remainder, but no
    /// counterexample among the random instances tried (`unconfirmed`); or the identity could not be evaluated.
    case undecided(String, ObligationReport.Outcome, remainder: String)

    public var description: String {
        switch self {
        case .identityNotFound: return "the identity was not read from an obligation file"
        case let .undecided(label, .inconsistent, _):
            return "'\(label)': canonical remainder 0, but a random instance disagrees (a bug in Attest; please report it)"
        case let .undecided(label, .unconfirmed, remainder):
            return "'\(label)': non-zero remainder \(remainder), but no counterexample among the random instances tried"
        case let .undecided(label, .error(message), _): return "'\(label)' is not evaluable: \(message)"
        case let .undecided(label, outcome, _): return "'\(label)': \(outcome)"
        }
    }
}

extension ObligationReport.ClaimResult {
    /// True when proved for every size (and confirmed), false when refuted with a counterexample.
    ///
    /// - Throws: `SymbolicIdentityError.undecided` otherwise (a bug, or an identity that cannot be evaluated).
    func decided() throws(SymbolicIdentityError) -> Bool {
        switch outcome {
        case .proved: return true
        case .refuted: return false
        default:
            var remainder = ""
            if let proof { remainder = "\(proof.remainder)" }
            throw .undecided(label, outcome, remainder: remainder)
        }
    }
}
