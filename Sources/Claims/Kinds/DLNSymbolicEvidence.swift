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
    enum Law: Hashable, Sendable {
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

    /// The exact measurements, named alike for every instance: how many identities the obligation states (one per
    /// j = 1 … N − 1; 0 when none is shipped for the depth), how many were proved for every size, how many were
    /// refuted with a counterexample, and the first refuted j (0 when none).
    ///
    /// - Throws: `SymbolicIdentityError` when the prover and its random cross-check disagree (a bug) or the
    ///   obligation cannot be evaluated.
    static func quantities(depth: Int, law: Law) throws -> [Quantity] {
        var outcome = Outcome(stated: 0, proved: 0, refuted: [])
        if shippedDepths(law).contains(depth) { outcome = try cache.outcome(of: Key(depth: depth, law: law)) }
        return [
            Quantity("symbolic: identities stated", .exact(Rational(outcome.stated))),
            Quantity("symbolic: identities proved for all sizes", .exact(Rational(outcome.proved))),
            Quantity("symbolic: identities refuted", .exact(Rational(outcome.refuted.count))),
            Quantity("symbolic: first refuted j (0: none)", .exact(Rational(outcome.refuted.first ?? 0))),
        ]
    }

    /// The obligation for depth `n`: its id and statement, and its declarations (the symbols W1 … Wn and the opaque
    /// E = ∇f(Wn⋯W1), the gradients G_j, the flow or step, one identity per j = 1 … n − 1).
    static func obligation(depth n: Int, law: Law) throws(ObligationError) -> ProofObligation {
        func product(_ b: Int, _ a: Int) -> String { stride(from: b, through: a, by: -1).map { "W\($0)" }.joined(separator: " ") }
        func gradient(_ j: Int) -> String {
            var parts: [String] = []
            if j < n { parts.append("transpose(\(product(n, j + 1)))") }
            parts.append("E")
            if j > 1 { parts.append("transpose(\(product(j - 1, 1)))") }
            return parts.joined(separator: " ")
        }
        func balance(_ j: Int) -> String { "W\(j + 1)' W\(j + 1) - W\(j) W\(j)'" }
        var symbols = (1...n).map { ObligationDeclarations.SymbolDeclaration("W\($0)", shape: Shape(.named("d\($0)"), .named("d\($0 - 1)"))) }
        symbols.append(.init("E", shape: Shape(.named("d\(n)"), .named("d0"))))
        var declarations = ObligationDeclarations(
            symbols: symbols, definitions: (1...n).map { .init("G\($0)", gradient($0)) }, identities: [])
        let id: String, statement: String, seed: UInt64
        switch law {
        case let .flow(lambda, mu, rho):
            let shipped = lambda.isZero && mu.isZero && rho.isZero
            id = shipped ? "balancedness-flow-N\(n)" : "balancedness-flow-N\(n) with λ = \(lambda), μ = \(mu), ρ = \(rho)"
            statement = "d/dt D_j = " + (rho.isZero ? "0" : "−2ρD_j (ρ = \(rho))") + " along Ẇ_j = −G_j"
                + (lambda.isZero ? "" : " − \(lambda)·W_j") + (mu.isZero ? "" : " − [j = 1]·\(mu)·W_1")
            declarations.flow = (1...n).map { j in
                .init("W\(j)", "-G\(j)" + (lambda.isZero ? "" : " - \(lambda) W\(j)") + (j == 1 && !mu.isZero ? " - \(mu) W1" : ""))
            }
            let factor = -2 * rho
            declarations.identities = (1..<n).map { j in
                .init("j = \(j)", "d/dt(\(balance(j))) = " + (factor.isZero ? "0" : "\(factor) (\(balance(j)))"))
            }
            seed = UInt64(100 + n)
        case let .step(claimsZero):
            id = claimsZero ? "gd-exact-conservation-N\(n)" : "balancedness-gd-N\(n)"
            statement = claimsZero ? "D_j⁺ − D_j = 0 after one step W_j⁺ = W_j − ηG_j"
                                   : "D_j⁺ − D_j = η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) after one step W_j⁺ = W_j − ηG_j"
            declarations.symbols.append(.init("eta", kind: .scalar))
            declarations.step = (1...n).map { .init("W\($0)", "W\($0) - eta G\($0)") }
            declarations.identities = (1..<n).map { j in
                .init("j = \(j)", "step(\(balance(j))) - (\(balance(j))) = "
                      + (claimsZero ? "0" : "eta^2 (G\(j + 1)' G\(j + 1) - G\(j) G\(j)')"))
            }
            seed = UInt64(200 + n)
        }
        return try ProofObligation(id: id, title: statement, statement: statement + ", for j = 1 … \(n - 1) and every loss f(W\(n)⋯W1)",
                                   source: "docs/theory.md §1.3–1.4", expectation: .proved, declarations: declarations,
                                   crossCheck: RandomizedCheck(seed: seed, trials: 3))
    }

    /// What the prover found for one obligation.
    struct Outcome: Sendable {
        /// How many identities the obligation states.
        var stated: Int
        /// How many identities were proved for every size (and confirmed on random instances).
        var proved: Int
        /// The j of each refuted identity (each with a counterexample), increasing.
        var refuted: [Int]
    }

    /// What identifies an obligation: the depth and the law.
    struct Key: Hashable, Sendable {
        var depth: Int
        var law: Law
    }

    /// Obligations already checked in this process: each instance is evaluated at two precisions, and instances of
    /// one claim share their depth.
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var outcomes: [Key: Outcome] = [:]

        /// The outcome of the obligation for `key`, checked once.
        func outcome(of key: Key) throws -> Outcome {
            lock.lock()
            if let known = outcomes[key] { lock.unlock(); return known }
            lock.unlock()
            let obligation = try DLNSymbolicEvidence.obligation(depth: key.depth, law: key.law)
            var outcome = Outcome(stated: obligation.claims.count, proved: 0, refuted: [])
            for (index, result) in obligation.check().results.enumerated() {
                switch result.outcome {
                case .proved: outcome.proved += 1
                case .refuted: outcome.refuted.append(index + 1)
                case .inconsistent: throw SymbolicIdentityError.inconsistent(result.label)
                case .unconfirmed:
                    throw SymbolicIdentityError.unconfirmed(result.label, result.proof.map { "\($0.remainder)" } ?? "")
                case let .error(message): throw SymbolicIdentityError.notEvaluable(result.label, message)
                }
            }
            lock.lock()
            outcomes[key] = outcome
            lock.unlock()
            return outcome
        }
    }

    /// The process-wide cache.
    static let cache = Cache()
}
