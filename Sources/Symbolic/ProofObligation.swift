/// A proof obligation: identities that must hold (or, for known-false statements, must fail) for all matrices,
/// with the symbols, definitions, flow and step they are stated in. Built from ``ObligationDeclarations`` (which
/// the TOML front-end of `Claims` reads from the files of `proofs/symbolic/`, format: docs/symbolic-obligations.md).
///
/// ```swift
/// let declarations = ObligationDeclarations(
///     symbols: [.init("A", shape: Shape(.named("m"), .named("n"))), .init("B", shape: Shape(.named("n"), .named("m")))],
///     identities: [.init("trace", "tr(A B) = tr(B A)")])
/// let obligation = try ProofObligation(id: "trace-rotation", title: "tr(AB) = tr(BA)", statement: "…", source: "…",
///                                      expectation: .proved, declarations: declarations)
/// print(obligation.check().verdictLine)   // PASS  trace-rotation  proved: 1 identity, …
/// ```
public struct ProofObligation: Sendable {
    /// What the obligation expects of every identity.
    public enum Expectation: String, Hashable, Sendable, CaseIterable {
        /// Every identity holds: canonical remainder zero, confirmed on random instances.
        case proved
        /// Every identity is false: non-zero obstruction and a concrete counterexample.
        case refuted
    }

    /// One identity of the obligation.
    public struct Claim: Sendable {
        /// A short label (`j = 1`), possibly empty.
        public let name: String
        /// The parsed equation (its `text` is the claim as written).
        public let equation: Equation

        /// A claim with a label and an equation (for obligations built in code, such as a conjecture's).
        public init(name: String, equation: Equation) {
            self.name = name
            self.equation = equation
        }
    }

    /// A unique identifier.
    public let id: String
    /// A one-line title.
    public let title: String
    /// The statement in words.
    public let statement: String
    /// Where the statement comes from (docs/theory.md section, paper).
    public let source: String
    /// What every identity must come out as.
    public let expectation: Expectation
    /// The symbols, definitions, flow and step.
    public let context: Context
    /// The identities.
    public let claims: [Claim]
    /// The randomized cross-check (seed, trials, sizes).
    public let crossCheck: RandomizedCheck
    /// The file it was read from, if any.
    public let file: String?

    /// An obligation from its parts.
    public init(id: String, title: String, statement: String, source: String, expectation: Expectation,
                context: Context, claims: [Claim], crossCheck: RandomizedCheck = RandomizedCheck(), file: String? = nil) {
        self.id = id
        self.title = title
        self.statement = statement
        self.source = source
        self.expectation = expectation
        self.context = context
        self.claims = claims
        self.crossCheck = crossCheck
        self.file = file
    }

    /// Proves or refutes every identity and cross-checks it on random instances.
    ///
    /// Errors while evaluating (which loading has already ruled out for the symbolic side) become the outcome
    /// ``ObligationReport/Outcome/error(_:)`` of that identity.
    public func check() -> ObligationReport {
        ObligationReport(obligation: self, results: claims.indices.map { check(claimAt: $0) })
    }

    /// Proves or refutes the identity `claims[index]` alone and cross-checks it, as `check()` does for each.
    public func check(claimAt index: Int) -> ObligationReport.ClaimResult {
        let claim = claims[index]
        do {
            let proof = try context.prove(claim.equation)
            return .init(claim: claim, proof: proof, crossCheck: try crossCheck.run(claim.equation, in: context))
        } catch {
            return .init(claim: claim, error: error)
        }
    }
}
