import Foundation
import MultiPrecision
import Symbolic

/// The symbolic proof obligation behind a deep-linear-network balancedness claim, written for the instance's depth and
/// dynamics, proved (or refuted) by the `Symbolic` prover for every size at once, and reported as an exact
/// measurement beside the numeric evidence (issue 7: "symbolic + numeric evidence side by side").
///
/// The obligations are those of `scripts/generate-symbolic-obligations.py` (`proofs/symbolic/balancedness-flow-N*`
/// for N = 2 … 8, `balancedness-gd-N*` for N = 2 … 6, the "exact change" identities), with E = ∇f(W_N⋯W_1) opaque,
/// so they cover every loss of the product (square, quartic, logistic). With weight decay λ, a first-layer penalty μ or a
/// claimed rate ρ ≠ 0 the same template carries the instance's exact numbers, e.g. Ẇ_1 = −G_1 − 1/10·W_1 and
/// d/dt D_j = −1/5·D_j. Depths outside the shipped ranges get no obligation, and the measurement says so.
enum DLNSymbolicEvidence {
    /// What the numeric claim asserts.
    enum Law {
        /// Gradient flow Ẇ_j = −G_j − λW_j − [j = 1]μW_1 and the claim d/dt D_j = −2ρD_j.
        case flow(weightDecay: Rational, firstLayerPenalty: Rational, rate: Rational)
        /// One gradient-descent step W_j⁺ = W_j − ηG_j and the claimed change of D_j: η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ),
        /// or zero (`claimsZero`, the known-false exact conservation).
        case step(claimsZero: Bool)
    }

    /// The depths with a shipped obligation: flows 2 … 8, gradient-descent steps 2 … 6.
    static func shippedDepths(_ law: Law) -> ClosedRange<Int> {
        switch law {
        case .flow: return 2...8
        case .step: return 2...6
        }
    }

    /// The exact measurement: the number of identities (one per j) proved for every size, named with the
    /// obligation, the statement and the verdict (`PROVED`, or `REFUTED at j = …`), labelled "symbolic".
    ///
    /// - Throws: `SymbolicIdentityError` when the prover and its random cross-check disagree (a bug) or the
    ///   obligation cannot be evaluated.
    static func quantity(depth: Int, law: Law) throws -> Quantity {
        guard shippedDepths(law).contains(depth) else {
            let range = shippedDepths(law)
            return Quantity("symbolic: no obligation for depth N = \(depth) (proofs/symbolic ships this family for "
                            + "N = \(range.lowerBound) … \(range.upperBound)); identities proved", .exact(0))
        }
        let (id, shipped, statement, text) = obligation(depth: depth, law: law)
        let result = try cache.outcome(of: text)
        let verdict = result.refuted.isEmpty ? "PROVED" : "REFUTED at " + result.refuted.joined(separator: ", ")
        let origin: String
        switch (shipped, law) {
        case (false, _): origin = "\(id), generated for this instance"
        case (true, .flow): origin = "proofs/symbolic/\(id).toml"
        case (true, .step): origin = "the exact-change identities of proofs/symbolic/\(id).toml"
        }
        return Quantity("symbolic [\(origin)]: \(statement) for all sizes: \(verdict); identities proved, of \(depth - 1)",
                        .exact(Rational(result.proved)))
    }

    /// The obligation's id, whether it is a shipped file's content, its statement, and its text.
    static func obligation(depth n: Int, law: Law) -> (id: String, shipped: Bool, statement: String, text: String) {
        func product(_ b: Int, _ a: Int) -> String { stride(from: b, through: a, by: -1).map { "W\($0)" }.joined(separator: " ") }
        func gradient(_ j: Int) -> String {
            var parts: [String] = []
            if j < n { parts.append("transpose(\(product(n, j + 1)))") }
            parts.append("E")
            if j > 1 { parts.append("transpose(\(product(j - 1, 1)))") }
            return parts.joined(separator: " ")
        }
        func balance(_ j: Int) -> String { "W\(j + 1)' W\(j + 1) - W\(j) W\(j)'" }
        var symbols = (1...n).map { "W\($0) = { shape = [\"d\($0)\", \"d\($0 - 1)\"] }" }
        symbols.append("E = { shape = [\"d\(n)\", \"d0\"], note = \"∇f(W\(n)⋯W1): opaque, any matrix\" }")
        let definitions = (1...n).map { "G\($0) = \"\(gradient($0))\"" }
        let id: String, shipped: Bool, statement: String, dynamics: String, identities: [String], seed: Int
        switch law {
        case let .flow(lambda, mu, rho):
            shipped = lambda.isZero && mu.isZero && rho.isZero
            id = shipped ? "balancedness-flow-N\(n)" : "balancedness-flow-N\(n) with λ = \(lambda), μ = \(mu), ρ = \(rho)"
            statement = "d/dt D_j = " + (rho.isZero ? "0" : "−2ρD_j (ρ = \(rho))") + " along Ẇ_j = −G_j"
                + (lambda.isZero ? "" : " − \(lambda)·W_j") + (mu.isZero ? "" : " − [j = 1]·\(mu)·W_1")
            dynamics = "[flow]\n" + (1...n).map { j in
                "W\(j) = \"-G\(j)" + (lambda.isZero ? "" : " - \(lambda) W\(j)") + (j == 1 && !mu.isZero ? " - \(mu) W1" : "") + "\""
            }.joined(separator: "\n")
            let factor = -2 * rho
            identities = (1..<n).map { j in
                "[[identity]]\nname = \"j = \(j)\"\nclaim = \"d/dt(\(balance(j))) = "
                    + (factor.isZero ? "0" : "\(factor) (\(balance(j)))") + "\""
            }
            seed = 100 + n
        case let .step(claimsZero):
            shipped = !claimsZero
            id = claimsZero ? "gd-exact-conservation-N\(n)" : "balancedness-gd-N\(n)"
            statement = claimsZero ? "D_j⁺ − D_j = 0 after one step W_j⁺ = W_j − ηG_j"
                                   : "D_j⁺ − D_j = η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) after one step W_j⁺ = W_j − ηG_j"
            symbols.append("eta = \"scalar\"")
            dynamics = "[step]\n" + (1...n).map { "W\($0) = \"W\($0) - eta G\($0)\"" }.joined(separator: "\n")
            identities = (1..<n).map { j in
                "[[identity]]\nname = \"j = \(j)\"\nclaim = \"step(\(balance(j))) - (\(balance(j))) = "
                    + (claimsZero ? "0" : "eta^2 (G\(j + 1)' G\(j + 1) - G\(j) G\(j)')") + "\""
            }
            seed = 200 + n
        }
        let text = """
            id = "\(id)"
            title = "\(statement)"
            statement = "\(statement), for j = 1 … \(n - 1) and every loss f(W\(n)⋯W1)"
            source = "docs/theory.md §1.3–1.4"
            expect = "proved"
            seed = \(seed)
            trials = 3

            [symbols]
            \(symbols.joined(separator: "\n"))

            [definitions]
            \(definitions.joined(separator: "\n"))

            \(dynamics)

            \(identities.joined(separator: "\n\n"))

            """
        return (id, shipped, statement, text)
    }

    /// Proved identities and the names of the refuted ones.
    struct Outcome: Sendable {
        /// How many identities were proved for every size (and confirmed on random instances).
        var proved: Int
        /// The names (`j = 1`) of the refuted identities, each with a counterexample.
        var refuted: [String]
    }

    /// Obligations already checked in this process, by text: each instance is evaluated at two precisions, and
    /// instances of one claim share their depth.
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var outcomes: [String: Outcome] = [:]

        /// The outcome of the obligation `text`, checked once.
        func outcome(of text: String) throws -> Outcome {
            lock.lock()
            if let known = outcomes[text] { lock.unlock(); return known }
            lock.unlock()
            let obligation = try ProofObligation(toml: text, file: nil)
            var outcome = Outcome(proved: 0, refuted: [])
            for result in obligation.check().results {
                switch result.outcome {
                case .proved: outcome.proved += 1
                case .refuted: outcome.refuted.append(result.label)
                case .inconsistent: throw SymbolicIdentityError.inconsistent(result.label)
                case .unconfirmed:
                    throw SymbolicIdentityError.unconfirmed(result.label, result.proof.map { "\($0.remainder)" } ?? "")
                case let .error(message): throw SymbolicIdentityError.notEvaluable(result.label, message)
                }
            }
            lock.lock()
            outcomes[text] = outcome
            lock.unlock()
            return outcome
        }
    }

    /// The process-wide cache.
    static let cache = Cache()
}
