import Foundation
import MultiPrecision
import Symbolic

/// `symbolic-identity`: matrix identities for all sizes at once, one instance per identity (docs/symbolic-obligations.md).
public struct SymbolicIdentityKind: DocumentClaimKind, DescribedKind {
    public static let about = KindDescription("symbolic-identity",
        summary: "matrix identities for all sizes at once: exact canonical forms in the free *-algebra, cross-checked on random rational matrices",
        method: """
        Expands both sides of each identity into noncommutative polynomials with transpose over the rationals \
        (derivatives along a flow and gradient-descent steps by the Leibniz rule, traces modulo rotation and \
        transposition) and reduces lhs − rhs to its canonical form: zero proves the identity for every size and \
        every matrix. Each identity is also evaluated exactly on random rational matrices of random compatible sizes \
        (seed and trials from the file); a non-zero remainder comes with such a counterexample. PASS: proved and \
        confirmed (margin 0); FAIL: refuted with a counterexample (margin −1). Exact; no error estimate.
        """)
    public var arithmetic: Arithmetic { .exact }
    /// None: the file is read whole.
    public var parameters: [ParameterSpec] { [] }
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {}

    /// The obligations of `proofs/symbolic/`: a `[symbols]` table and `[[identity]]` tables.
    public func recognizes(topLevelKeys: Set<String>) -> Bool {
        topLevelKeys.contains("identity") && topLevelKeys.contains("symbols")
    }

    /// Reads the obligation through the TOML front-end; one instance per identity, which carries the checked
    /// obligation and its position as a typed payload (nothing is read or proved again per instance).
    /// `expect = "proved"` is PASS, `"refuted"` FAIL.
    public func readClaim(text: String, file: String) throws(ClaimFileErrors) -> ClaimSpec {
        let obligation: ProofObligation
        do {
            obligation = try ObligationFile.parse(text: text, file: file)
        } catch {
            throw ClaimFileErrors([ClaimFileError(file: file, line: error.line, key: error.key, problem: .invalidValue(error.message))])
        }
        let instances = obligation.claims.enumerated().map { index, claim in
            InstanceSpec(index: index, parameters: InstanceParameters(
                values: ["identity": .text(claim.name.isEmpty ? claim.equation.text : claim.name), "claim": .text(claim.equation.text),
                         "seed": .integer(Int(truncatingIfNeeded: obligation.crossCheck.seed)),
                         "trials": .integer(obligation.crossCheck.trials)],
                order: ["identity", "claim", "seed", "trials"],
                payload: KindPayload(Identity(obligation: obligation, index: index),
                                     identity: ConjectureInstance.identity(file: file, text: text, index: index))))
        }
        let latex = obligation.claims.map { "\($0.equation.lhs.latex) = \($0.equation.rhs.latex)" }
        return ClaimSpec(file: file, id: obligation.id, title: obligation.title, kind: name,
                         expectation: obligation.expectation == .proved ? .pass : .fail, source: obligation.source,
                         statement: obligation.statement.trimmingCharacters(in: .whitespacesAndNewlines),
                         statementLaTeX: latex.count == 1 ? latex[0] : nil,
                         hypotheses: ["for all matrices of compatible sizes (the identity is one of the free *-algebra)"],
                         notes: nil, numerics: NumericsSettings(), instances: instances)
    }

    /// One identity of a checked obligation: the payload of an instance.
    struct Identity: Sendable { var obligation: ProofObligation, index: Int }

    public func checked(_ p: InstanceParameters) -> String? {
        guard let identity = p.payload(as: Identity.self) else { return nil }
        return "\(identity.obligation.claims[identity.index].equation.text) for every size: canonical form of lhs − rhs is 0, "
            + "confirmed on \(identity.obligation.crossCheck.trials) random rational instances"
    }

    /// Proves (or refutes) one identity and cross-checks it. A remainder of zero that a random instance contradicts,
    /// or a non-zero remainder without a counterexample, is an ERROR: it would mean a bug, and no verdict is claimed.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        try context.checkpoint()
        guard let identity = parameters.payload(as: Identity.self) else { throw SymbolicIdentityError.identityNotFound }
        // The prover checks the time limit and cancellation as it goes; a stop there is the engine's timeout or
        // interruption, not a verdict.
        let result = SymbolicBudget.$deadline.withValue(context.deadline) { identity.obligation.check(claimAt: identity.index) }
        try context.checkpoint()
        let trials = Quantity("random instances tried", .exact(Rational(identity.obligation.crossCheck.trials)))
        guard try !result.decided() else {
            return Evaluation(quantities: [Quantity("canonical remainder is non-zero", .exact(0)), trials], margin: .exact(0))
        }
        var location = "obstruction"
        if let proof = result.proof { location += " \(proof.remainder)" }
        if let counterexample = result.crossCheck?.counterexample { location += "; counterexample at \(counterexample.sizesDescription)" }
        var evaluation = Evaluation(quantities: [Quantity("canonical remainder is non-zero", .exact(1)), trials], margin: .exact(-1),
                                    location: location)
        evaluation.evidence = result.crossCheck?.counterexample.map(\.description)
        return evaluation
    }
}
