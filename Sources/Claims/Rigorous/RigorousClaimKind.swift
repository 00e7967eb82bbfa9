import MultiPrecision

/// A claim kind that can also check an instance rigorously, in ball arithmetic (`attest check --rigorous`, or
/// `rigorous = true` in a claim file's [numerics]). Kinds opt in with an extension in Sources/Claims/Rigorous; the
/// ordinary `evaluate` is untouched.
public protocol RigorousClaimKind: ClaimKind {
    /// Evaluates the instance with enclosures at `context.precision` bits (also the task's default precision).
    func evaluateRigorously(_ parameters: InstanceParameters, context: EvaluationContext) throws -> RigorousEvaluation
    /// Why this instance cannot run in balls (an operation that branches on values, a property with no ball
    /// version), or `nil` when it can. An instance with a reason runs the ordinary way, marked "not available
    /// rigorously: <reason>".
    func rigorousUnavailability(_ parameters: InstanceParameters) -> String?
    /// What the rigorous evaluation of this instance encloses and decides, in words (the `checked:` line of a
    /// rigorous run), or `nil` to keep `checked(_:)`.
    func rigorousChecked(_ parameters: InstanceParameters) -> String?
}

extension RigorousClaimKind {
    /// Every instance can run in balls.
    public func rigorousUnavailability(_ parameters: InstanceParameters) -> String? { nil }
    /// `nil`: the ordinary description.
    public func rigorousChecked(_ parameters: InstanceParameters) -> String? { nil }
}

/// What a rigorous evaluation found: the enclosed quantities, the decision and its place, and what is rigorous.
public struct RigorousEvaluation: Sendable {
    /// The outcome of the enclosures.
    public enum Decision: Sendable, Equatable {
        /// Every enclosed margin lies on the right side.
        case proved
        /// An enclosed margin lies entirely on the wrong side, at the place given.
        case disproved(place: String)
        /// An enclosure contains the boundary (or is not finite) at the place given: too wide to decide there.
        case undecided(place: String)
    }

    /// The decision.
    public var decision: Decision
    /// The decisive margin (≥ 0 where the claim holds): the smallest one, or the one at the deciding place.
    public var margin: Ball
    /// Where the margin is decided (the counterexample's place for DISPROVED).
    public var location: String?
    /// Enclosed quantities, in report order.
    public var quantities: [(name: String, value: Ball)]
    /// Exact quantities (inputs and counts), in report order after the enclosed ones.
    public var exactQuantities: [(name: String, value: Rational)] = []
    /// Statistics (steps, the method), by name.
    public var statistics: [String: String] = [:]
    /// Which parts are rigorous.
    public var rigor: Rigor
}

/// Which parts of a verdict are rigorous, as the report states them.
public struct Rigor: Sendable, Equatable {
    /// The input data: exact rationals, or rounded and enclosed.
    public var inputData: String
    /// The arithmetic.
    public var arithmetic: String
    /// The bound on the truncation error (for maps: none, no truncation).
    public var truncation: String

    /// The three statistics entries the reports show.
    public var statistics: [String: String] {
        ["rigor: input data": inputData, "rigor: arithmetic": arithmetic, "rigor: truncation error": truncation]
    }

    /// One line for reports: `rigorous: input data: …; arithmetic: …; truncation error: …`.
    public var summary: String {
        "rigorous: input data: \(inputData); arithmetic: \(arithmetic); truncation error: \(truncation)"
    }

    /// Exact rational arithmetic: nothing is rounded.
    public static let exactRational = Rigor(inputData: "exact rationals", arithmetic: "exact (Rational, no rounding)",
                                            truncation: "none (no truncation)")
}
