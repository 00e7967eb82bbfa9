/// The result of one instance: its verdict, every precision attempt, the measurements and, for a FAIL, the
/// counterexample's place.
public struct InstanceOutcome: Sendable {
    /// The instance (index and parameters).
    public var instance: InstanceSpec
    /// The final verdict.
    public var verdict: Verdict
    /// The precision of the final attempt in bits (`nil` for exact arithmetic).
    public var precisionBits: Int?
    /// The margin (≥ 0 when the claim holds) as a measurement with its error estimate; `nil` after an ERROR.
    public var margin: Measurement?
    /// The measured quantities of the final attempt.
    public var measurements: [Measurement]
    /// Every attempt, in order (more than one when escalation ran).
    public var attempts: [AttemptSummary]
    /// Where the margin is smallest (the counterexample's step or time and component, for a FAIL).
    public var location: String?
    /// For an ERROR: what went wrong.
    public var message: String?
    /// Integrator or iteration statistics of the final attempt.
    public var statistics: [String: String]
    /// Wall-clock seconds over all attempts.
    public var seconds: Double
    /// Monitored quantities of the final attempt along the run, with error estimates, for figures.
    public var series: [Series]
    /// Evidence behind a FAIL beyond `location` (`Evaluation.evidence`), such as counterexample matrices.
    public var evidence: String?

    /// Creates an outcome.
    public init(instance: InstanceSpec, verdict: Verdict, precisionBits: Int?, margin: Measurement?,
                measurements: [Measurement], attempts: [AttemptSummary], location: String?, message: String?,
                statistics: [String: String], seconds: Double, series: [Series] = []) {
        self.series = series
        self.instance = instance
        self.verdict = verdict
        self.precisionBits = precisionBits
        self.margin = margin
        self.measurements = measurements
        self.attempts = attempts
        self.location = location
        self.message = message
        self.statistics = statistics
        self.seconds = seconds
    }

    /// One line that reproduces the instance: its parameters, seed, precision and place of the violation.
    public var reproduction: String {
        var parts = instance.parameters.reportEntries.map { "\($0.name)=\($0.value)" }
        parts.append("precision=\(precisionBits.map { "\($0) bits" } ?? "exact")")
        if let location { parts.append("at \(location)") }
        if let margin { parts.append("margin=\(margin.exact ?? margin.value) ± \(margin.error)") }
        return parts.joined(separator: ", ")
    }
}

/// One precision attempt of an instance, as reported.
public struct AttemptSummary: Codable, Sendable, Equatable {
    /// The working precision in bits (`nil`: exact arithmetic).
    public var precisionBits: Int?
    /// The attempt's verdict.
    public var verdict: Verdict
    /// The margin in decimal.
    public var margin: String
    /// The margin's error estimate.
    public var error: String
    /// Wall-clock seconds.
    public var seconds: Double

    /// Creates a summary.
    public init(precisionBits: Int?, verdict: Verdict, margin: String, error: String, seconds: Double) {
        self.precisionBits = precisionBits
        self.verdict = verdict
        self.margin = margin
        self.error = error
        self.seconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case precisionBits = "precision_bits", verdict, margin, error, seconds
    }
}
