import Dynamics
import MultiPrecision

/// Rigorous check that observables of a flow keep their initial values: validated Taylor steps in Arb balls from
/// exact rational initial data, and at each of n equally spaced times t = T/n, 2T/n, …, T an enclosure of every
/// entry of I(x(t)) − I(x(0)).
///
/// The claim checked is max_{t, entries} |I(x(t)) − I(x(0))| ≤ ε (ε the claim's tolerance), at those times. The
/// enclosures bound rounding (Arb), the spread of the state enclosure, and the truncation (Lagrange remainder over
/// an a priori enclosure), so an upper bound below ε is a proof for the instance; a lower bound above ε is a
/// certified violation; anything else is undecided. An exact conservation law can never be "proved" by enclosures:
/// what is proved is the bound ε over the stated horizon.
struct RigorousInvariantFlow {
    /// One named observable (an invariant candidate).
    struct Observable {
        var name: String
        var function: any StateObservable
    }

    /// What the run established.
    struct Result {
        /// An upper bound of max |I(x(t)) − I(x(0))| over the times, observables and entries (rounded up).
        var largestDeviation: BigFloat
        /// A lower bound of the same maximum (0 when every enclosure contains 0).
        var smallestCertifiedDeviation: BigFloat
        /// The widest deviation enclosure (its width, 2·radius).
        var largestWidth: BigFloat
        /// The time and observable of `largestDeviation`.
        var time: Rational
        var observable: String
        /// The validated steps, halvings, Taylor order and the largest state radius at T (log₂).
        var steps: Int
        var halvings: Int
        var order: Int
        var log2FinalStateRadius: Double
        var log2LargestRemainder: Double
        /// The upper bound of the deviation at each output time (for a figure).
        var deviationSeries: [(time: Rational, bound: BigFloat)]
    }

    /// Integrates `field` from `initial` over [0, `horizon`] at `bits` bits and encloses every observable's
    /// deviation at `outputTimes` equally spaced times.
    static func run<Field: VectorField>(field: Field, initial: [Rational], observables: [Observable], horizon: Rational,
                                        outputTimes: Int, bits: Int, context: EvaluationContext,
                                        mutation: ValidatedTaylorIntegrator.Mutation = .none) throws -> Result {
        let integrator = ValidatedTaylorIntegrator(field: field, bits: bits)
        integrator.mutation = mutation
        integrator.reset(time: 0, state: initial)
        let balls = observables.map { o -> BallObservable in
            let b = BallObservable(o.function, bits: bits)
            b.setReference(initial)
            return b
        }
        var largest = BigFloat(-1, precision: 64)
        var certified = BigFloat(0, precision: 64)
        var widest = BigFloat(0, precision: 64)
        var place = (time: Rational(0), observable: observables.first?.name ?? "")
        var series: [(time: Rational, bound: BigFloat)] = []
        for k in 1...outputTimes {
            try context.checkpoint()
            let t = horizon * Rational(numerator: BigInt(k), denominator: BigInt(outputTimes))
            context.report(time: Double(t), of: Double(horizon))
            try integrator.advance(to: t)
            var atTime = BigFloat(0, precision: 64)
            for (o, ball) in zip(observables, balls) {
                let (enclosures, bound, low) = ball.deviations(on: integrator)
                if low > certified { certified = low }
                if bound > atTime { atTime = bound }
                if bound > largest {
                    largest = bound
                    place = (t, o.name)
                }
                for e in enclosures where e.width > widest { widest = e.width }
            }
            series.append((t, atTime))
        }
        return Result(largestDeviation: largest, smallestCertifiedDeviation: certified, largestWidth: widest,
                      time: place.time, observable: place.observable, steps: integrator.steps,
                      halvings: integrator.halvings, order: integrator.order,
                      log2FinalStateRadius: integrator.log2LargestRadius,
                      log2LargestRemainder: integrator.log2LargestRemainder, deviationSeries: series)
    }
}
