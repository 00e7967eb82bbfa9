import Dynamics
import MultiPrecision

/// The outcome of a rigorous invariant check of a flow, and its verdict: PROVED when the upper bound of the largest
/// deviation is below the tolerance ε, DISPROVED when its lower bound is above ε, undecided otherwise.
struct RigorousFlowEvaluation {
    /// What the validated integration established.
    let result: RigorousInvariantFlow.Result
    /// ε.
    let tolerance: Rational
    /// T and the number of output times.
    let horizon: Rational
    let outputTimes: Int
    /// The working precision.
    let bits: Int
    /// The name of the deviation in reports.
    let quantityName: String

    /// The three outcomes of the comparison of the enclosure with ε.
    enum Decision: String { case proved, disproved, undecided }

    /// The decision, exact: the bounds are compared with ε without rounding.
    var decision: Decision {
        let epsilon = BigFloat(tolerance, precision: 256, rounding: .down)
        let epsilonUp = BigFloat(tolerance, precision: 256, rounding: .up)
        if result.largestDeviation < epsilon { return .proved }
        if result.smallestCertifiedDeviation > epsilonUp { return .disproved }
        return .undecided
    }

    /// The evaluation for the rigorous runner: the margin ε − [0, u] (u the upper bound of the largest deviation),
    /// the deviation's enclosure [0, u], the widest enclosure, and what is rigorous.
    var rigorousEvaluation: RigorousEvaluation {
        let half = result.largestDeviation / BigFloat(2, precision: 64)     // exact: a halving
        let deviation = Ball(midpoint: half, radius: half, precision: bits)
        let margin = Ball(tolerance, precision: bits) - deviation
        let place = "t = \(result.time), \(result.observable)"
        let decided: RigorousEvaluation.Decision
        switch decision {
        case .proved: decided = .proved
        case .disproved: decided = .disproved(place: place)
        case .undecided: decided = .undecided(place: place)
        }
        let widest = Ball(midpoint: result.largestWidth, radius: BigFloat(0, precision: 64), precision: bits)
        return RigorousEvaluation(
            decision: decided, margin: margin, location: place,
            quantities: [("\(quantityName) ∈ [0, upper bound]", deviation),
                         ("widest enclosure of an entry of D_j(t) − D_j(0) (width)", widest)],
            exactQuantities: [("horizon T (checked at \(outputTimes) equally spaced times of (0, T])", horizon),
                              ("t of the largest deviation bound", result.time)],
            statistics: [
                "method": "validated Taylor steps in Arb balls at \(bits) bits, order \(result.order); plain interval boxes (docs/rigorous-flows.md)",
                "validated steps": "\(result.steps) (\(result.halvings) halvings)",
                "largest remainder term": "2^\(Int(result.log2LargestRemainder.rounded(.up)))",
                "largest state radius at T": "2^\(Int(result.log2FinalStateRadius.rounded(.up)))",
            ],
            rigor: Rigor(inputData: "exact rationals (enclosed in balls at \(bits) bits; dyadic data exactly)",
                         arithmetic: "Arb ball arithmetic",
                         truncation: "Lagrange remainder of order n + 1 over an a priori enclosure (interval Picard iteration)"))
    }

    /// The evaluation for reports: the margin ε − (upper bound), rounded; the place; the statistics of the run.
    var evaluation: Evaluation {
        let margin = BigFloat(tolerance, precision: 64) - result.largestDeviation
        var deviation = SeriesRecorder(name: "deviation bound", xLabel: "t",
                                       yLabel: "upper bound of max |I(t) − I(0)| (rigorous)", logarithmic: true)
        for (t, bound) in result.deviationSeries { deviation.append(x: Double(t), y: bound) }
        return Evaluation(
            quantities: [
                Quantity("\(quantityName) (rigorous upper bound)", .rounded(result.largestDeviation)),
                Quantity("largest enclosure width of D_j(t) − D_j(0)", .rounded(result.largestWidth)),
                Quantity("t of the maximum", .exact(result.time)),
                Quantity("horizon T (proved at \(outputTimes) equally spaced times of (0, T])", .exact(horizon)),
            ],
            margin: .rounded(margin),
            location: "t = \(result.time), \(result.observable)",
            statistics: [
                "rigorous": "validated Taylor steps in Arb balls at \(bits) bits (order \(result.order)); decision: \(decision.rawValue)",
                "validated steps": "\(result.steps) (\(result.halvings) halvings)",
                "largest remainder term": "2^\(Int(result.log2LargestRemainder.rounded(.up)))",
                "largest state radius at T": "2^\(Int(result.log2FinalStateRadius.rounded(.up)))",
                "input data": "exact rationals (enclosed in balls at \(bits) bits)",
                "arithmetic": "Arb ball arithmetic (rigorous rounding)",
                "truncation": "Lagrange remainder over an a priori enclosure (interval Picard iteration)",
            ],
            series: [deviation.series])
    }
}
