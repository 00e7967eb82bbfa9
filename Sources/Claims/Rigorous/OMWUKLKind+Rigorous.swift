import Dynamics
import MultiPrecision
import Models

/// `omwu-kl` in rigorous mode: OMWU or MWU iterated in balls with Lohner's QR method
/// (`MultiplicativeWeightsBallMap`, `LohnerIteration`), KL_t enclosed at every step.
///
/// - `kl-nonincreasing`: the margin of step t is `tolerance − (KL_t − KL_{t−1})`, enclosed for every
///   t ≥ `from_step`. All certainly ≥ 0: PROVED. The first certainly < 0: DISPROVED at that step (the run stops
///   there). The first that contains zero: INCONCLUSIVE at that step (escalation then doubles the precision).
/// - `converges`: the margin `kl_below + tolerance − KL_T`, enclosed.
extension OMWUKLKind: RigorousClaimKind {
    /// The auxiliary precision of the Jacobians and Lohner's coordinates (they multiply radii of ~2^-p).
    static let rigorousAuxiliaryPrecision = 64

    /// What the balls enclose and decide.
    public func rigorousChecked(_ parameters: InstanceParameters) -> String? {
        let method = parameters[Scenario.method].rawValue.uppercased(), steps = parameters[Scenario.steps]
        if parameters[Self.property] == .converges {
            return "\(method) iterated in balls (Lohner's QR method, coordinates relative to the exact equilibrium) for "
                + "\(steps) steps from the enclosed uniform start; KL_T enclosed and kl_below + tolerance − KL_T certainly ≥ 0"
        }
        return "\(method) iterated in balls (Lohner's QR method, coordinates relative to the exact equilibrium) for "
            + "\(steps) steps from the enclosed uniform start; KL_t enclosed at every step and tolerance − (KL_t − KL_{t−1}) "
            + "certainly ≥ 0 for every t ≥ \(parameters[Scenario.fromStep])"
    }

    /// Runs the instance in balls at `context.precision` bits.
    public func evaluateRigorously(_ parameters: InstanceParameters, context: EvaluationContext) throws -> RigorousEvaluation {
        let game = try Scenario.game(parameters)
        let optimistic = parameters[Scenario.method] == .omwu
        let steps = parameters[Scenario.steps], from = parameters[Scenario.fromStep]
        let klBelow = parameters[Self.klBelow], converges = klBelow != nil
        let bits = context.workingPrecision
        let aux = Self.rigorousAuxiliaryPrecision
        let map = MultiplicativeWeightsBallMap(game: game, optimistic: optimistic,
                                               stepSize: parameters[Scenario.stepSize], precisions: [bits, aux])
        var iteration = LohnerIteration(map: map, start: map.uniformStart(precision: bits), precision: bits,
                                        auxiliaryPrecision: aux)
        let tolerance = Ball(context.tolerance, precision: bits)
        let kl0 = map.divergence(iteration.enclosure, precision: bits)
        var previous = kl0
        var last = kl0
        var kl1 = kl0
        var worst: (step: Int, margin: Ball)?
        var decision = RigorousEvaluation.Decision.proved
        var decisive: (step: Int, margin: Ball)?
        var stepsDone = 0
        for t in 1...steps {
            try context.checkpoint()
            context.report(step: t, of: steps)
            guard iteration.advance() else {
                decision = .undecided(place: "step \(t) (the coordinate change could not be inverted rigorously)")
                decisive = (t, Ball(midpoint: BigFloat(0), radius: BigFloat(1), precision: bits))
                break
            }
            let current = map.divergence(iteration.enclosure, precision: bits)
            stepsDone = t
            last = current
            if t == 1 { kl1 = current }
            guard current.isFinite else {
                decision = .undecided(place: "step \(t) (KL_t is no longer enclosed by a finite ball)")
                decisive = (t, current)
                break
            }
            if !converges, t >= from {
                let margin = tolerance - (current - previous)
                switch margin.isNonnegative {
                case .certainlyTrue:
                    if worst.map({ margin.lowerBound < $0.margin.lowerBound }) != false { worst = (t, margin) }
                case .certainlyFalse:
                    decision = .disproved(place: "step \(t): KL_t − KL_{t−1} ∈ \(current - previous), certainly > tolerance")
                    decisive = (t, margin)
                case .undecided:
                    decision = .undecided(place: "step \(t): KL_t − KL_{t−1} ∈ \(current - previous) (relative accuracy of KL_t: \(current.relativeAccuracyBits) bits)")
                    decisive = (t, margin)
                }
                if decisive != nil { break }
            }
            previous = current
        }
        let klLast = last
        var margin: Ball
        var location: String
        if let klBelow, decisive == nil {
            margin = Ball(klBelow, precision: bits) + tolerance - klLast
            location = "step \(steps) (KL_T)"
            switch margin.isNonnegative {
            case .certainlyTrue: decision = .proved
            case .certainlyFalse: decision = .disproved(place: "step \(steps): KL_T ∈ \(klLast)")
            case .undecided: decision = .undecided(place: "step \(steps): KL_T ∈ \(klLast)")
            }
        } else if let decisive {
            margin = decisive.margin
            location = "step \(decisive.step)"
        } else if let worst {
            margin = worst.margin
            location = "step \(worst.step) (the smallest enclosed margin; every step t ≥ \(from) enclosed)"
        } else {
            margin = tolerance
            location = "no step t ≥ \(from)"
        }
        var quantities: [(name: String, value: Ball)] = [
            ("KL_0", kl0), ("KL_1", kl1), ("KL_1 − KL_0", kl1 - kl0),
            ("KL_\(stepsDone) (last enclosed step)", klLast),
        ]
        if let worst { quantities.append(("smallest margin tolerance − (KL_t − KL_{t−1}), t ≥ \(from)", worst.margin)) }
        let exact: [(name: String, value: Rational)] = [
            ("steps enclosed", Rational(stepsDone)),
            ("v (game value, exact)", game.value),
        ] + game.equilibriumX.enumerated().map { ("x*_\($0.offset + 1) (exact)", $0.element) }
          + game.equilibriumY.enumerated().map { ("y*_\($0.offset + 1) (exact)", $0.element) }
        return RigorousEvaluation(
            decision: decision, margin: margin, location: location, quantities: quantities, exactQuantities: exact,
            statistics: ["steps": "\(steps)", "n": "\(game.size)", "method": optimistic ? "omwu" : "mwu",
                         "enclosure": "Lohner QR, state (ln x − ln x*, ln y − ln y*, A y_{t−1} − v, Aᵀx_{t−1} − v)"],
            rigor: Rigor(inputData: "exact rationals (payoff, step size, equilibrium); the uniform start enclosed",
                         arithmetic: "ball arithmetic (Arb) at \(bits) bits, Lohner coordinates at \(aux) bits",
                         truncation: "none (a map: no truncation)"))
    }
}
