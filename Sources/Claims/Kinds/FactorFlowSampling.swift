import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// Integrates the gradient flow of the factors W_1 … W_N (a `DeepLinearNetworkGradientFlow`) with the Taylor method
/// at the working precision (tolerance 2^−(p−10)) and keeps the layers at given output times, for the kinds that
/// compare a factorized flow with a reference trajectory (docs/theory.md §1.5, §5).
struct FactorFlowSampling {
    /// The output times, exact, in increasing order.
    var times: [Rational]
    /// W_1 … W_N at every output time, at the working precision.
    var layers: [[Matrix<BigFloat>]]
    /// The event occurrences (time and name) of the run.
    var events: [(name: String, time: BigFloat)]
    /// Steps, rejected steps and the method, for reports.
    var statistics: [String: String]

    /// The times T·k/n for k = 1 … n.
    static func uniformTimes(horizon: Rational, count: Int) -> [Rational] {
        (1...count).map { horizon * Rational(numerator: BigInt($0), denominator: BigInt(count)) }
    }

    /// Runs `field` from `initial` over [0, last output time], recording the layers at `times`; `events` are located
    /// but never stop the run.
    ///
    /// - Throws: `DLNFlowError` when the integration stops early; `IntegrationError` for a bad request;
    ///   `EvaluationInterruption` on timeout.
    init(_ field: DeepLinearNetworkGradientFlow, from initial: [Matrix<Rational>], times: [Rational],
         events: [Event<BigFloat>] = [], context: EvaluationContext) throws {
        let problem = try ODEProblem(field: field, initialState: DeepLinearNetworkGradientFlow.state(of: initial),
                                     from: 0, to: times[times.count - 1])
        var options = IntegrationOptions(precision: context.precision ?? Precision.current)
        options.maximumSteps = 2_000_000
        if let deadline = context.deadline { options.timeLimit = max(.zero, deadline - .now) }
        var states: [[BigFloat]] = []
        let horizon = Double(times[times.count - 1])
        let observer = Observer<BigFloat>(.times(times)) { sample in
            states.append(sample.state)
            context.report(time: sample.time.doubleValue, of: horizon)
        }
        try context.checkpoint()
        let result = try Dynamics.integrate(problem, method: Taylor(), scalar: BigFloat.self, options: options,
                                            observers: [observer], events: events)
        guard result.termination.isSuccess, states.count == times.count else {
            if case .timeBudgetExhausted = result.termination { try context.checkpoint() }
            throw DLNFlowError.integrationStopped("\(result.termination)")
        }
        self.times = times
        layers = states.map { field.layers(of: $0) }
        self.events = result.events.map { ($0.name, $0.time) }
        statistics = ["integrator": result.method, "steps": "\(result.statistics.steps)",
                      "rejected steps": "\(result.statistics.rejectedSteps)"]
    }
}

extension Array where Element == Matrix<BigFloat> {
    /// The product W_N ⋯ W_1 of layers W_1 … W_N.
    var endToEnd: Matrix<BigFloat> { dropFirst().reduce(self[0]) { product, layer in layer * product } }
}

extension Matrix where Element == Rational {
    /// The entries rounded to `BigFloat` at the current precision.
    var rounded: Matrix<BigFloat> { Matrix<BigFloat>(rows: rowCount, columns: columnCount) { BigFloat(self[$0, $1]) } }
}
