import MultiPrecision
import Symbolic

/// The symbolic proof obligation behind a deep-linear-network balancedness claim, for the instance's depth and
/// dynamics, proved (or refuted) for every size at once and reported as exact measurements beside the numeric
/// evidence. The obligations are those of `proofs/symbolic/` (`balancedness-flow-N2…8`, `balancedness-gd-N2…6`,
/// from `scripts/generate-symbolic-obligations.py`) with E = ∇f(W_N⋯W_1) opaque, so they cover every loss of the
/// product; weight decay λ, a first-layer penalty μ or a claimed rate ρ ≠ 0 enter the same template as exact
/// numbers (Ẇ_1 = −G_1 − 1/10·W_1, d/dt D_j = −1/5·D_j). Other depths get no obligation, and the measurements say so.
enum DLNSymbolicEvidence {
    /// What the numeric claim asserts.
    enum Law: Hashable, Sendable {
        /// Gradient flow Ẇ_j = −G_j − λW_j − [j = 1]μW_1 and the claim d/dt D_j = −2ρD_j.
        case flow(weightDecay: Rational, firstLayerPenalty: Rational, rate: Rational)
        /// One step W_j⁺ = W_j − ηG_j and the claimed change of D_j: η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ), or zero
        /// (`claimsZero`, the known-false exact conservation).
        case step(claimsZero: Bool)
    }

    /// Per (depth, law): how many identities the obligation states, how many were proved, and the refuted j.
    private static let cache = ProcessCache<Key, (stated: Int, proved: Int, refuted: [Int])>()
    private struct Key: Hashable, Sendable { var depth: Int, law: Law }

    /// The exact measurements, named alike for every instance: the identities stated (one per j = 1 … N − 1; 0 when
    /// no obligation is shipped for the depth: flows 2 … 8, steps 2 … 6), proved for every size, refuted with a
    /// counterexample, and the first refuted j (0 when none).
    ///
    /// - Throws: `SymbolicIdentityError` when the prover and its random cross-check disagree (a bug) or the
    ///   obligation cannot be evaluated.
    static func quantities(depth: Int, law: Law) throws -> [Quantity] {
        let shipped = if case .flow = law { 2...8 } else { 2...6 }, none = (stated: 0, proved: 0, refuted: [Int]())
        let outcome = shipped.contains(depth) ? try cache.value(for: Key(depth: depth, law: law)) { _ in try check(depth, law) } : none
        return [("symbolic: identities stated", outcome.stated), ("symbolic: identities proved for all sizes", outcome.proved),
                ("symbolic: identities refuted", outcome.refuted.count), ("symbolic: first refuted j (0: none)", outcome.refuted.isEmpty ? 0 : outcome.refuted[0])]
            .map { Quantity($0.0, .exact(Rational($0.1))) }
    }

    private static func check(_ depth: Int, _ law: Law) throws -> (stated: Int, proved: Int, refuted: [Int]) {
        let results = try obligation(depth: depth, law: law).check().results
        let refuted = try results.indices.filter { try !results[$0].decided() }.map { $0 + 1 }
        return (results.count, results.count - refuted.count, refuted)
    }

    /// The obligation for depth n: the symbols W1 … Wn and the opaque E = ∇f(Wn⋯W1), the gradients G_j, the flow or
    /// step, and one identity per j = 1 … n − 1.
    static func obligation(depth n: Int, law: Law) throws(ObligationError) -> ProofObligation {
        func product(_ b: Int, _ a: Int) -> String { stride(from: b, through: a, by: -1).map { "W\($0)" }.joined(separator: " ") }
        func gradient(_ j: Int) -> String {
            ((j < n ? ["transpose(\(product(n, j + 1)))"] : []) + ["E"] + (j > 1 ? ["transpose(\(product(j - 1, 1)))"] : []))
                .joined(separator: " ")
        }
        func balance(_ j: Int) -> String { "W\(j + 1)' W\(j + 1) - W\(j) W\(j)'" }
        var declarations = ObligationDeclarations(
            symbols: (1...n).map { .init("W\($0)", shape: Shape(.named("d\($0)"), .named("d\($0 - 1)"))) }
                + [.init("E", shape: Shape(.named("d\(n)"), .named("d0")))],
            definitions: (1...n).map { .init("G\($0)", gradient($0)) }, identities: [])
        let id: String, statement: String, seed: UInt64
        switch law {
        case let .flow(lambda, mu, rho):
            let shipped = lambda.isZero && mu.isZero && rho.isZero
            id = "balancedness-flow-N\(n)" + (shipped ? "" : " with λ = \(lambda), μ = \(mu), ρ = \(rho)")
            statement = "d/dt D_j = " + (rho.isZero ? "0" : "−2ρD_j (ρ = \(rho))") + " along Ẇ_j = −G_j"
                + (lambda.isZero ? "" : " − \(lambda)·W_j") + (mu.isZero ? "" : " − [j = 1]·\(mu)·W_1")
            declarations.flow = (1...n).map { j in
                .init("W\(j)", "-G\(j)" + (lambda.isZero ? "" : " - \(lambda) W\(j)") + (j == 1 && !mu.isZero ? " - \(mu) W1" : ""))
            }
            declarations.identities = (1..<n).map { j in
                .init("j = \(j)", "d/dt(\(balance(j))) = " + (rho.isZero ? "0" : "\(-2 * rho) (\(balance(j)))"))
            }
            seed = UInt64(100 + n)
        case let .step(claimsZero):
            id = claimsZero ? "gd-exact-conservation-N\(n)" : "balancedness-gd-N\(n)"
            statement = "D_j⁺ − D_j = " + (claimsZero ? "0" : "η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)") + " after one step W_j⁺ = W_j − ηG_j"
            declarations.symbols.append(.init("eta", kind: .scalar))
            declarations.step = (1...n).map { .init("W\($0)", "W\($0) - eta G\($0)") }
            declarations.identities = (1..<n).map { j in
                .init("j = \(j)", "step(\(balance(j))) - (\(balance(j))) = " + (claimsZero ? "0" : "eta^2 (G\(j + 1)' G\(j + 1) - G\(j) G\(j)')"))
            }
            seed = UInt64(200 + n)
        }
        return try ProofObligation(id: id, title: statement, statement: statement + ", for j = 1 … \(n - 1) and every loss f(W\(n)⋯W1)",
                                   source: "docs/theory.md §1.3–1.4", expectation: .proved, declarations: declarations,
                                   crossCheck: RandomizedCheck(seed: seed, trials: 3))
    }
}
