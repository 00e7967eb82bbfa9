import MultiPrecision

/// A claim as read from its file and validated: who it is, what it runs on, which instances, and what is expected.
public struct ClaimSpec: Sendable {
    /// The claim file it came from.
    public var file: String
    /// The unique id (`dln-gd-balancedness-step`), used by `--filter` and `attest explain`.
    public var id: String
    /// A one-line title.
    public var title: String
    /// The claim kind's name.
    public var kind: String
    /// `pass`, or `fail` for a known-false claim that must be refuted.
    public var expectation: Expectation
    /// The source: paper and theorem number, or docs/theory.md section.
    public var source: String
    /// The statement in Unicode.
    public var statement: String
    /// The statement in LaTeX, when given.
    public var statementLaTeX: String?
    /// The hypotheses, in words.
    public var hypotheses: [String]
    /// Free-form notes, when given.
    public var notes: String?
    /// Precision, tolerance and escalation cap.
    public var numerics: NumericsSettings
    /// The instances, expanded, in their deterministic order.
    public var instances: [InstanceSpec]
    /// The line of the `id` key in the file, for messages.
    public var idLine: Int?
    /// The `[search]` table: when given, the claim is checked by a counterexample search around its base instance.
    public var search: SearchSpec?
    /// The `[threshold]` table: when given, the claim brackets a critical parameter value by bisection.
    public var threshold: ThresholdSpec?
    /// What the kind checks on these instances (`ClaimKind.checked`), one line per distinct description in
    /// instance order (a document kind such as `conjecture` fills it itself, from the
    /// properties its file states); empty when the kind gives none. Reports print it beside the verdict.
    public var checked: [String] = []

    /// Creates a claim.
    public init(file: String, id: String, title: String, kind: String, expectation: Expectation, source: String,
                statement: String, statementLaTeX: String?, hypotheses: [String], notes: String?,
                numerics: NumericsSettings, instances: [InstanceSpec], idLine: Int? = nil) {
        self.file = file
        self.id = id
        self.title = title
        self.kind = kind
        self.expectation = expectation
        self.source = source
        self.statement = statement
        self.statementLaTeX = statementLaTeX
        self.hypotheses = hypotheses
        self.notes = notes
        self.numerics = numerics
        self.instances = instances
        self.idLine = idLine
    }

    /// Fills `checked` from `kind`: the distinct descriptions of the instances, in instance order (a list the kind
    /// filled while reading its own file stays as it is).
    public mutating func describeChecks(by kind: any ClaimKind) {
        guard checked.isEmpty else { return }
        var seen = Set<String>()
        let described = instances.compactMap { kind.checked($0.parameters) }.filter { seen.insert($0).inserted }
        checked = described
    }
}

/// The `[numerics]` section.
public struct NumericsSettings: Sendable, Equatable {
    /// The default working precision, in bits.
    public static let defaultPrecision = 256
    /// The default escalation cap, in bits (raised to the precision when that is larger).
    public static let defaultMaxPrecision = 2048
    /// The default number of guard bits of the reference evaluation.
    public static let defaultGuardBits = 64

    /// The working precision in bits.
    public var precision: Int
    /// The tolerance (≥ 0) allowed in "≤" comparisons.
    public var tolerance: Rational
    /// The largest precision escalation may reach.
    public var maxPrecision: Int
    /// The extra bits of the reference evaluation that estimates the error.
    public var guardBits: Int
    /// Rigorous mode (`rigorous = true` in [numerics], or `attest check --rigorous`): kinds that support it run in
    /// ball arithmetic and end PROVED, DISPROVED or INCONCLUSIVE; the others are marked "not available rigorously".
    public var rigorous = false

    /// Creates settings.
    public init(precision: Int = defaultPrecision, tolerance: Rational = 0, maxPrecision: Int? = nil,
                guardBits: Int = defaultGuardBits) {
        self.precision = precision
        self.tolerance = tolerance
        self.maxPrecision = max(maxPrecision ?? Self.defaultMaxPrecision, precision)
        self.guardBits = guardBits
    }
}

/// One instance of a claim: its position and its parameters.
public struct InstanceSpec: Sendable, Equatable {
    /// 0-based position in the claim's instance list (reports sort by it).
    public var index: Int
    /// The parameter values.
    public var parameters: InstanceParameters
    /// The seed, when the kind has a `seed` parameter.
    public var seed: Int? { parameters.has("seed") ? parameters.integer("seed") : nil }

    /// Creates an instance.
    public init(index: Int, parameters: InstanceParameters) {
        self.index = index
        self.parameters = parameters
    }
}
