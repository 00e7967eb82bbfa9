import Models
import MultiPrecision

/// How a diagonal network starts: the parameters that fix its initialization (α and N, or u(0) and v(0)) and its
/// exact reduced flow.
public protocol DiagonalStart {
    associatedtype Flow: ReducedDiagonalFlow
    /// The parameters of the start, in the `[model]` section.
    static var parameters: [any DeclaredParameter] { get }
    /// Reads the start of an instance whose A has `columns` columns.
    init(_ parameters: InstanceParameters, columns: Int) throws(ParameterProblem)
    /// The flow from this start.
    func flow(_ problem: DiagonalNetworkProblem) throws -> Flow
}

/// A diagonal network's gradient flow from `Start`, run until ‖Ax − y‖ = target·‖y‖ or the horizon: the scenario of
/// the kinds that check the limit x_∞ (implicit bias, initialization shape).
public struct DiagonalLimitScenario<Start: DiagonalStart>: TrajectoryScenario {
    static var target: Parameter<Rational> {
        DiagonalNetworkProblem.target(default: Rational(numerator: 1, denominator: BigInt(10).power(40)))
    }

    /// The relative slack of the claimed equalities at the limit.
    static var tolerance: ClaimTolerance {
        ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(25)),
                       help: "the relative slack of every claimed equality at the limit")
    }

    public static var parameters: [any DeclaredParameter] {
        [DiagonalNetworkProblem.a, DiagonalNetworkProblem.y] + Start.parameters + [target, DiagonalNetworkProblem.maxTime]
    }

    public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        _ = try Start(parameters, columns: DiagonalNetworkProblem(parameters).a.columnCount)
    }

    let flow: Start.Flow, limit: DiagonalNetworkProblem.Limit
    /// ‖Ax − y‖/‖y‖ at the end of the run.
    let interpolation: BigFloat
    public var statistics: [String: String] { limit.statistics }

    public init(_ p: InstanceParameters, context: EvaluationContext) throws {
        typealias P = DiagonalNetworkProblem
        let problem = try P(p)
        flow = try Start(p, columns: problem.a.columnCount).flow(problem)
        try P.checkReachable(target: p[Self.target], bits: context.workingPrecision)
        limit = try P.limit(flow, target: p[Self.target], maxTime: p[P.maxTime], required: false, context: context)
        interpolation = P.norm(flow.residual(limit.x)) / P.norm(flow.y.map { BigFloat($0) })
    }

    /// x at the event.
    ///
    /// - Throws: `DiagonalNetworkClaimError.noConvergence` when the horizon came first.
    func reachedLimit(_ p: InstanceParameters) throws(DiagonalNetworkClaimError) -> [BigFloat] {
        guard limit.reachedTarget else { throw .noConvergence(p[DiagonalNetworkProblem.maxTime]) }
        return limit.x
    }

    /// The observables of the limit `x` of the variable `v` ("x", "β"): the end time, ‖Av − y‖/‖y‖ and the entries v_i.
    func observables(_ v: String, _ x: [BigFloat]) -> [Quantity] {
        [limit.timeQuantity, Quantity("‖A\(v) − y‖/‖y‖", .rounded(interpolation))] + Quantity.entries("\(v)_", x, QuantityValue.rounded)
    }

    /// dist(φ, range Aᵀ)/‖φ‖ for a certificate φ of the limit of `v`, for A rounded to the current precision (normal
    /// equations with AAᵀ), also appended to `quantities` as "dist(φ(v), range Aᵀ)/‖φ(v)‖".
    func certificateDistance(_ phi: [BigFloat], of v: String, into quantities: inout [Quantity]) throws -> BigFloat {
        let distance = try DiagonalNetworkImplicitBias.distanceToRowSpace(phi, of: flow.a) / DiagonalNetworkProblem.norm(phi)
        quantities.append(Quantity("dist(φ(\(v)), range Aᵀ)/‖φ(\(v))‖", .rounded(distance)))
        return distance
    }

    /// The claim "every deviation ≤ bound (+ tolerance)" at the limit, the deviations as one row named `lhs`, placed
    /// at `place`; `quantities` come first in the outcome.
    func bound(_ deviations: [BigFloat], lhs: String, _ bound: BigFloat = 0, rhs: String = "0", tolerance: Rational,
               place: SamplePlace, quantities: [Quantity]) throws -> PropertyOutcome {
        var outcome = try BoundProperty(label: "limit", lhs: lhs, relation: .lessOrEqual, rhs: rhs, scope: .atEnd,
                                        tolerance: tolerance).evaluate(
            [Observation(place: place, value: ObservedValue(rows: 1, columns: deviations.count, entries: deviations))],
            [ObservedValue(bound)])
        outcome.quantities = quantities + outcome.quantities
        return outcome
    }
}
