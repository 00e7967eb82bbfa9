/// A family of claims that Attest knows how to check, such as "one GD step changes balancedness by exactly the η²
/// term" or "the drift of balancedness under GD is at most C·η²·(…)".
///
/// A kind declares its parameters (the engine validates claim files against them), checks how they fit together,
/// and evaluates one instance. Everything else (instance expansion, error estimates, precision escalation, verdicts,
/// timeouts, parallel runs, reports) is the engine's. To add a kind, conform to this protocol and register it:
///
/// ```swift
/// struct MyKind: ClaimKind { … }
/// let registry = ClaimKindRegistry.standard.adding(MyKind())
/// ```
public protocol ClaimKind: Sendable {
    /// The name used in claim files: `kind = "dln-gd-balancedness-step"`.
    var name: String { get }
    /// One line: what the kind checks.
    var summary: String { get }
    /// How the check works, in a few sentences for `attest explain`: what is computed, at which arithmetic, and
    /// what the margin is.
    var method: String { get }
    /// Whether evaluations are exact (`Rational`, no error estimate needed) or rounded (`BigFloat`, evaluated at p
    /// and p + guard bits).
    var arithmetic: Arithmetic { get }
    /// The parameters the kind reads, by section.
    var parameters: [ParameterSpec] { get }

    /// What the check verifies on an instance, in the kind's own words and symbols, one line without the word
    /// "checked": `ℓ(t+1) ≤ (1 − η σ_min(W(t))^{2(N−1)/N}) ℓ(t) at every step t < 40`. Reports print it beside the
    /// verdict (`checked: …`), apart from the claim file's own statement, which Attest does not read. Derived from
    /// the instance's parameters where they change what is checked (a `claim` choice, a bound factor, a depth).
    /// Every built-in kind gives one (a test checks it); the default, `nil`, is for kinds added from outside.
    func checked(_ parameters: InstanceParameters) -> String?

    /// Checks how the parameters of one instance fit together (dimensions, exclusive options). Types and ranges are
    /// already checked.
    ///
    /// - Throws: `ParameterProblem` naming the parameter at fault.
    func validate(_ parameters: InstanceParameters) throws(ParameterProblem)

    /// Computes the instance's quantities and margin. For rounded kinds, compute at `context.precision` bits (the
    /// task-local default precision is already set to it); call `context.checkpoint()` regularly (once per step) so
    /// that timeouts and Ctrl-C take effect.
    func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation
}

extension ClaimKind {
    /// No description: reports then say that the kind does not state what it checks.
    public func checked(_ parameters: InstanceParameters) -> String? { nil }
}

/// The arithmetic of a claim kind.
public enum Arithmetic: String, Sendable, Codable {
    /// Exact rational arithmetic: quantities have no error, and an exactly zero margin counts as held.
    case exact
    /// Rounded arbitrary-precision arithmetic (MPFR), with an error estimate from a second precision.
    case rounded
}
