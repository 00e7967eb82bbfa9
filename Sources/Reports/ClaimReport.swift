import Claims

/// One claim in a report: who it is, what was expected, the aggregated verdict, and its instances.
public struct ClaimReport: Codable, Sendable, Equatable {
    /// The claim's id.
    public var id: String
    /// Its title.
    public var title: String
    /// Its kind.
    public var kind: String
    /// The claim file.
    public var file: String
    /// The source (paper and theorem number).
    public var source: String
    /// The statement in Unicode.
    public var statement: String
    /// The statement in LaTeX, when the file gives one.
    public var statementLatex: String?
    /// The hypotheses in words.
    public var hypotheses: [String]
    /// `PASS`, or `FAIL` for a known-false claim.
    public var expected: Verdict
    /// The aggregated verdict.
    public var verdict: Verdict
    /// Whether the verdict is the expected one.
    public var metExpectation: Bool
    /// Whether every instance ran.
    public var complete: Bool
    /// For a FAIL, the first failing instance in one reproducible line.
    public var counterexample: String?
    /// The instances that ran, by index.
    public var instances: [InstanceReport]
    /// Everything that can change this claim's results (hashes, numeric settings, versions), which
    /// `attest check --resume` compares before taking any of them over; `nil` in reports not written by a check.
    public var resumeKey: ResumeKey?
    /// How many instances the claim has (run or not); `nil` in reports written before this was recorded.
    public var totalInstances: Int?
    /// The counterexample search or threshold bracket, for a claim with `[search]` or `[threshold]`.
    public var search: SearchReport?
    /// What the kind checked (`ClaimKind.checked`), one line per distinct description; beside the verdict in every
    /// format, apart from `statement`, which is the claim file's text and is not what Attest computes.
    public var checked: [String]?

    /// Creates a claim report.
    public init(id: String, title: String, kind: String, file: String, source: String, statement: String,
                statementLatex: String?, hypotheses: [String], expected: Verdict, verdict: Verdict,
                metExpectation: Bool, complete: Bool, counterexample: String?, instances: [InstanceReport]) {
        self.id = id
        self.title = title
        self.kind = kind
        self.file = file
        self.source = source
        self.statement = statement
        self.statementLatex = statementLatex
        self.hypotheses = hypotheses
        self.expected = expected
        self.verdict = verdict
        self.metExpectation = metExpectation
        self.complete = complete
        self.counterexample = counterexample
        self.instances = instances
    }

    enum CodingKeys: String, CodingKey {
        case id, title, kind, file, source, statement, statementLatex = "statement_latex", hypotheses, expected, verdict
        case metExpectation = "met_expectation", complete, counterexample, instances, resumeKey = "resume_key"
        case totalInstances = "total_instances", search, checked
    }
}

/// One instance in a report: parameters, seed, precision, verdict, margin with its error, time, statistics and
/// measurements, plus every precision attempt.
public struct InstanceReport: Codable, Sendable, Equatable {
    /// 0-based index in the claim's instance list.
    public var index: Int
    /// The parameters, by name, as exact text.
    public var parameters: [String: String]
    /// The seed of its random choices, when it has one.
    public var seed: Int?
    /// The working precision of the final attempt in bits; `null` for exact (rational) arithmetic.
    public var precisionBits: Int?
    /// The verdict.
    public var verdict: Verdict
    /// The margin (≥ 0 when the claim holds), in decimal; `null` after an ERROR.
    public var margin: String?
    /// The margin's error estimate.
    public var marginError: String?
    /// For an exact margin, its exact value as a fraction or integer (`"-3/4"`); absent otherwise.
    public var marginExact: String?
    /// Wall-clock seconds over all attempts.
    public var seconds: Double
    /// Where the margin is smallest (the violated step or time and component for a FAIL).
    public var location: String?
    /// An ERROR's reason, or why an INCONCLUSIVE stayed so.
    public var message: String?
    /// Integrator or iteration statistics, when the kind reports them.
    public var integratorStatistics: [String: String]?
    /// The measured quantities with their error estimates.
    public var measurements: [Measurement]
    /// Every precision attempt.
    public var attempts: [AttemptSummary]
    /// Monitored quantities along the run with their error estimates (absent when the kind records none).
    public var series: [Series]?
    /// Evidence behind a FAIL beyond `location`, such as a refuted identity's counterexample matrices.
    public var evidence: String?

    /// Creates an instance report.
    public init(index: Int, parameters: [String: String], seed: Int?, precisionBits: Int?, verdict: Verdict,
                margin: String?, marginError: String?, seconds: Double, location: String?, message: String?,
                integratorStatistics: [String: String]?, measurements: [Measurement], attempts: [AttemptSummary],
                series: [Series]? = nil, marginExact: String? = nil) {
        self.series = series
        self.index = index
        self.parameters = parameters
        self.seed = seed
        self.precisionBits = precisionBits
        self.verdict = verdict
        self.margin = margin
        self.marginError = marginError
        self.marginExact = marginExact
        self.seconds = seconds
        self.location = location
        self.message = message
        self.integratorStatistics = integratorStatistics
        self.measurements = measurements
        self.attempts = attempts
    }

    enum CodingKeys: String, CodingKey {
        case index, parameters, seed, precisionBits = "precision_bits", verdict, margin, marginError = "margin_error"
        case marginExact = "margin_exact"
        case seconds, location, message, integratorStatistics = "integrator_statistics", measurements, attempts
        case series, evidence
    }
}
