import Foundation
import MultiPrecision
import Symbolic

/// `symbolic-identity`: matrix identities proved for all sizes at once by the `Symbolic` prover (the canonical form
/// of lhs − rhs in the free *-algebra with transpose is zero), cross-checked on random exact rational matrices.
///
/// Its files are the proof obligations of `proofs/symbolic/` in their own format (docs/symbolic-obligations.md:
/// `[symbols]`, `[definitions]`, `[flow]` or `[step]`, `[[identity]]`), recognized by their `[symbols]` and
/// `[[identity]]` tables; `expect = "proved"` is PASS and `expect = "refuted"` is FAIL. Each identity is one
/// instance: PASS (margin 0) when proved and confirmed on every random instance; FAIL (margin −1) when the canonical
/// remainder is non-zero and a concrete counterexample was found, with the obstruction and the counterexample's
/// sizes as its place. A remainder of zero that a random instance contradicts, or a non-zero remainder without a
/// counterexample, is an ERROR: it would mean a bug, and no verdict is claimed.
public struct SymbolicIdentityKind: DocumentClaimKind {
    /// Creates the kind.
    public init() {}

    /// `symbolic-identity`.
    public var name: String { "symbolic-identity" }

    /// One line.
    public var summary: String {
        "matrix identities for all sizes at once: exact canonical forms in the free *-algebra, cross-checked on random rational matrices"
    }

    /// How the check works.
    public var method: String {
        """
        Expands both sides of each identity into noncommutative polynomials with transpose over the rationals \
        (derivatives along a flow and gradient-descent steps by the Leibniz rule, traces modulo rotation and \
        transposition) and reduces lhs − rhs to its canonical form: zero proves the identity for every size and \
        every matrix. Each identity is also evaluated exactly on random rational matrices of random compatible sizes \
        (seed and trials from the file); a non-zero remainder comes with such a counterexample. PASS: proved and \
        confirmed (margin 0); FAIL: refuted with a counterexample (margin −1). Exact; no error estimate.
        """
    }

    /// Exact.
    public var arithmetic: Arithmetic { .exact }

    /// No table parameters: the file is read whole.
    public var parameters: [ParameterSpec] { [] }

    /// Nothing to check beyond what reading the file checked.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {}

    /// Proof-obligation files have `[symbols]` and `[[identity]]` tables.
    public func recognizes(topLevelKeys: Set<String>) -> Bool {
        topLevelKeys.contains("identity") && topLevelKeys.contains("symbols")
    }

    /// Reads the obligation through the TOML front-end; one instance per identity, which carries the checked
    /// obligation and its position as a typed payload (nothing is read or proved again per instance).
    public func readClaim(text: String, file: String) throws(ClaimFileErrors) -> ClaimSpec {
        let obligation: ProofObligation
        do {
            obligation = try ObligationFile.parse(text: text, file: file)
        } catch {
            throw ClaimFileErrors([ClaimFileError(file: file, line: error.line, key: error.key, problem: .invalidValue(error.message))])
        }
        let instances = obligation.claims.enumerated().map { index, claim in
            InstanceSpec(index: index, parameters: InstanceParameters(
                values: ["identity": .text(claim.name.isEmpty ? claim.equation.text : claim.name),
                         "claim": .text(claim.equation.text),
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
    struct Identity: Sendable {
        /// The obligation read from the file.
        var obligation: ProofObligation
        /// The identity's position in it.
        var index: Int

        /// The obligation with this identity alone.
        var single: ProofObligation {
            ProofObligation(id: obligation.id, title: obligation.title, statement: obligation.statement,
                            source: obligation.source, expectation: obligation.expectation, context: obligation.context,
                            claims: [obligation.claims[index]], crossCheck: obligation.crossCheck, file: obligation.file)
        }
    }

    /// Proves (or refutes) one identity and cross-checks it.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        try context.checkpoint()
        let label = parameters.text("identity") ?? ""
        guard let identity = parameters.payload(as: Identity.self) else { throw SymbolicIdentityError.identityNotFound(label) }
        // The prover checks the time limit and cancellation as it goes; a stop there is the engine's timeout or
        // interruption, not a verdict.
        let result = SymbolicBudget.$deadline.withValue(context.deadline) { identity.single.check().results[0] }
        try context.checkpoint()
        let trials = Quantity("random instances tried", .exact(Rational(identity.obligation.crossCheck.trials)))
        switch result.outcome {
        case .proved:
            return Evaluation(quantities: [Quantity("canonical remainder is non-zero", .exact(0)), trials], margin: .exact(0))
        case .refuted:
            let obstruction = result.proof.map { "obstruction \($0.remainder)" } ?? "obstruction"
            let sizes = result.crossCheck?.counterexample.map { "; counterexample at \($0.sizesDescription)" } ?? ""
            var evaluation = Evaluation(quantities: [Quantity("canonical remainder is non-zero", .exact(1)), trials],
                                        margin: .exact(-1), location: obstruction + sizes)
            evaluation.evidence = result.crossCheck?.counterexample.map(\.description)
            return evaluation
        case .inconsistent:
            throw SymbolicIdentityError.inconsistent(label)
        case .unconfirmed:
            throw SymbolicIdentityError.unconfirmed(label, result.proof.map { "\($0.remainder)" } ?? "")
        case let .error(message):
            throw SymbolicIdentityError.notEvaluable(label, message)
        }
    }
}

/// Why a symbolic identity got no verdict.
public enum SymbolicIdentityError: Error, CustomStringConvertible, Sendable {
    /// The instance does not carry its identity (it was not read by this kind).
    case identityNotFound(String)
    /// Canonical remainder zero, but a random instance disagrees: a bug in Attest.
    case inconsistent(String)
    /// Non-zero remainder, but no counterexample among the random instances tried.
    case unconfirmed(String, String)
    /// The identity could not be evaluated.
    case notEvaluable(String, String)

    /// A one-line message.
    public var description: String {
        switch self {
        case let .identityNotFound(label): return "identity '\(label)' was not read from an obligation file"
        case let .inconsistent(label):
            return "'\(label)': canonical remainder 0, but a random instance disagrees (a bug in Attest; please report it)"
        case let .unconfirmed(label, remainder):
            return "'\(label)': non-zero remainder \(remainder), but no counterexample among the random instances tried"
        case let .notEvaluable(label, message): return "'\(label)' is not evaluable: \(message)"
        }
    }
}
