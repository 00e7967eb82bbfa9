import MultiPrecision

/// Run-time settings of `ClaimEngine.check`, usually from the command line; `nil` keeps each claim file's own value.
public struct CheckOptions: Sendable {
    /// Overrides every claim's working precision (bits).
    public var precision: Int?
    /// Overrides every claim's tolerance.
    public var tolerance: Rational?
    /// Overrides every claim's escalation cap (bits).
    public var maxPrecision: Int?
    /// How many instances run at the same time (≥ 1). Results do not depend on it.
    public var jobs: Int
    /// The time limit of one instance (all its attempts); an instance over it is an ERROR.
    public var timeout: Duration?
    /// Where searches write the replay files of their counterexamples (`nil`: the text is kept, nothing written).
    public var counterexampleFolder: String?
    /// Rigorous mode for every claim (`--rigorous`); `false` keeps each claim file's own `rigorous` setting.
    public var rigorous = false

    /// Creates options.
    public init(precision: Int? = nil, tolerance: Rational? = nil, maxPrecision: Int? = nil, jobs: Int = 1,
                timeout: Duration? = nil) {
        self.precision = precision
        self.tolerance = tolerance
        self.maxPrecision = maxPrecision
        self.jobs = max(1, jobs)
        self.timeout = timeout
    }

    /// The numerics of `claim` after the overrides.
    public func numerics(for claim: ClaimSpec) -> NumericsSettings {
        let precision = self.precision ?? claim.numerics.precision
        let cap = maxPrecision ?? claim.numerics.maxPrecision
        var settings = NumericsSettings(precision: precision, tolerance: tolerance ?? claim.numerics.tolerance,
                                        maxPrecision: max(cap, precision), guardBits: claim.numerics.guardBits)
        settings.rigorous = rigorous || claim.numerics.rigorous
        return settings
    }
}
