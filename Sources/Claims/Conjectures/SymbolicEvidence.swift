import Conjectures
import MultiPrecision

/// The symbolic result reported beside the numeric verdict (symbolic first): see `ConjectureSymbolicProof`.
enum SymbolicEvidence {
    /// The exact measurements for a checked conjecture (one per invariant property) and the outcomes in words.
    static func evidence(for checked: CheckedConjecture) -> (quantities: [Quantity], statistics: [String: String]) {
        let results = ConjectureSymbolicProof.cache.results(for: checked)
        return (results.map { Quantity($0.name, .exact(Rational($0.value))) },
                Dictionary(results.map { ("symbolic (\($0.label))", $0.detail) }) { a, _ in a })
    }
}
