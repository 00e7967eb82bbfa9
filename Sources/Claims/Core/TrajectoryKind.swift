import MultiPrecision

/// A claim kind that is a preset on the core: a scenario that builds the model and samples its trajectory, named
/// observables of the samples, and one property from the shared library (`InvariantProperty`, `MonotoneProperty`,
/// `BoundProperty`, `LimitProperty`, `EqualProperty`, …) that turns them into a margin.
///
/// The kind writes its name, summary, method, its own typed parameters and `check`; the scenario's parameters,
/// validation, the `Evaluation` (margin, place, quantities, series, the run's statistics) and the arithmetic come
/// from here. See docs/core.md for a complete kind in under 80 lines.
public protocol TrajectoryKind: ClaimKind {
    /// The scenario: the model and how its trajectory is sampled.
    associatedtype Scenario: TrajectoryScenario

    /// The kind's own parameters (the property's constants and variants); the scenario declares the rest.
    var declared: [any DeclaredParameter] { get }

    /// Checks the property on a sampled run: observes the named quantities and evaluates one property.
    func check(_ parameters: InstanceParameters, on run: Scenario, context: EvaluationContext) throws -> PropertyOutcome
}

/// The model and trajectory of a family of kinds: reads its typed parameters, builds the model, and samples the run
/// with the `TrajectorySampler`.
public protocol TrajectoryScenario {
    /// The parameters the scenario reads.
    static var parameters: [any DeclaredParameter] { get }
    /// Checks how they fit together (dimensions, exclusive options).
    static func validate(_ parameters: InstanceParameters) throws(ParameterProblem)
    /// Builds the model and samples its trajectory at the context's precision.
    init(_ parameters: InstanceParameters, context: EvaluationContext) throws
    /// Steps, the method and the sizes, for reports.
    var statistics: [String: String] { get }
    /// A bound on the samples' discretization error that a second precision cannot reveal (a fixed-step
    /// integrator's), or `nil` when the error follows the precision.
    var methodError: BigFloat? { get }
}

extension TrajectoryScenario {
    public var methodError: BigFloat? { nil }
}

extension TrajectoryKind {
    public var arithmetic: Arithmetic { .rounded }

    /// None of its own unless the kind declares some.
    public var declared: [any DeclaredParameter] { [] }

    public var parameters: [ParameterSpec] { (Scenario.parameters + declared).specs }

    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try Scenario.validate(parameters)
    }

    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let run = try Scenario(parameters, context: context)
        let outcome = try check(parameters, on: run, context: context)
        return Evaluation(quantities: outcome.quantities, margin: outcome.margin, location: outcome.place,
                          statistics: run.statistics, hypotheses: outcome.hypotheses, branches: outcome.branches,
                          series: outcome.series, marginMethodError: outcome.methodError ?? run.methodError)
    }
}
