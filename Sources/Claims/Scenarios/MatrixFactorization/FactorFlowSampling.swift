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
    /// - Throws: `EvaluationFailure` when the integration stops early; `IntegrationError` for a bad request;
    ///   `EvaluationInterruption` on timeout.
    init(_ field: DeepLinearNetworkGradientFlow, from initial: [Matrix<Rational>], times: [Rational],
         events: [Event<BigFloat>] = [], context: EvaluationContext) throws {
        let run = try TrajectorySampler(context, label: "gradient-flow").flow(
            field, from: DeepLinearNetworkGradientFlow.state(of: initial), to: times[times.count - 1], at: times,
            events: events)
        self.times = times
        layers = run.states.map { field.layers(of: $0) }
        self.events = run.events
        statistics = run.statistics.filter { $0.key != "dense-output evaluations" }
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
