import Conjectures
import MultiPrecision

/// The symbolic result reported beside the numeric verdict (symbolic first): see `ConjectureSymbolicProof`.
enum SymbolicEvidence {
    /// The exact measurements for a checked conjecture (one per invariant property).
    static func quantities(for checked: CheckedConjecture) throws -> [Quantity] {
        ConjectureSymbolicProof.cache.results(for: checked).map { Quantity($0.name, .exact(Rational($0.proved ? 1 : 0))) }
    }
}
