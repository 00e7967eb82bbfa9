import LinearAlgebra
import Models
import MultiPrecision

/// The exact per-step law of the balancedness matrices D_j = W_{j+1}ᵀW_{j+1} − W_jW_jᵀ under gradient descent and
/// minibatch SGD (docs/theory.md §1.4), run in rational arithmetic: after each step W_j ← W_j − η_k G_j the residual
///
///     R_j(k) = D_j(k+1) − D_j(k) − claimed_j(k),    claimed_j(k) = η_k²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)(k) or 0,
///
/// which vanishes whenever the loss the step descends is a function of the product W_N ⋯ W_1. The residuals are the
/// observations of the law: max_{a,b} |R_j(k)| for every step k and layer j, and at the end the accumulated
/// residual max_{a,b} |D_j(K) − D_j(0) − Σ_k claimed_j(k)| of every layer (placed at the last step, K − 1).
struct ExactBalancednessSteps {
    /// The claimed change per step.
    enum ClaimedChange: String, ParameterChoice {
        case etaSquaredTerm = "eta-squared-term", zero
    }

    static let claimedChange = Parameter<ClaimedChange>("claimed_change", .check, default: .etaSquaredTerm, variable: false,
        help: "the claimed change of D_j per step: \"eta-squared-term\", η_k²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) (η_k = η for "
        + "gradient descent), or \"zero\" (exact conservation; false)")

    /// The largest number of exact steps (numerators and denominators grow geometrically with the steps).
    static let stepLimit = 12

    /// max_{a,b} |R_j(k)| for every step k and layer j (place `step k, j = J`, the step k of D_j(k+1) − D_j(k)),
    /// then the accumulated residual of every layer (`step K − 1, j = J, accumulated over steps 0 … K − 1`).
    private(set) var residuals: [Observation<Rational>] = []
    /// How many of `residuals` are per-step residuals.
    private var stepResidualCount = 0
    /// max_{j,a,b} |D_j(K) − D_j(0) − Σ_k claimed_j(k)|.
    private(set) var accumulatedResidual = Rational(0)
    /// max_{j,a,b} |D_j(K) − D_j(0)|.
    private(set) var change = Rational(0)
    /// The number of steps K.
    let steps: Int
    /// The network after the last step.
    private(set) var network: DeepLinearNetwork<Rational>

    /// Runs `steps` steps from `network`; `step(k, W)` gives η_k and the gradients G_j of step k. With
    /// `accumulated`, the accumulated residual is observed too.
    init(from network: DeepLinearNetwork<Rational>, steps: Int, claimed: ClaimedChange, accumulated observesTotal: Bool,
         context: EvaluationContext,
         step: (Int, DeepLinearNetwork<Rational>) throws -> (eta: Rational, gradients: [Matrix<Rational>])) throws {
        let initial = network.balancedness
        var before = initial, accumulated = initial.map { Matrix<Rational>.zeros(rows: $0.rowCount, columns: $0.columnCount) }
        self.network = network
        self.steps = steps
        for k in 0..<steps {
            try context.checkpoint()
            let (eta, gradients) = try step(k, self.network)
            let coefficients = DeepLinearNetwork<Rational>.balancednessStepCoefficients(gradients: gradients)
            self.network = self.network.gradientDescentStep(stepSize: eta, gradients: gradients)
            let after = self.network.balancedness
            for j in after.indices {
                let claimed = claimed == .zero ? Matrix<Rational>.zeros(rows: after[j].rowCount, columns: after[j].columnCount)
                                               : (eta * eta) * coefficients[j]
                accumulated[j] += claimed
                residuals.append(Observation(place: .labelled([.word("step", k), .symbol("j", j + 1)]),
                                             scalar: (after[j] - before[j] - claimed).maxAbs))
            }
            before = after
        }
        stepResidualCount = residuals.count
        let total = initial.indices.map { j in (before[j] - initial[j] - accumulated[j]).maxAbs }
        if observesTotal {
            for j in total.indices {
                let place = SamplePlace.labelled([.word("step", steps - 1), .symbol("j", j + 1),
                                                  .word("accumulated over steps 0 …", steps - 1)])
                residuals.append(Observation(place: place, scalar: total[j]))
            }
        }
        accumulatedResidual = total.reduce(Rational(0)) { max($0, $1) }
        change = initial.indices.map { j in (before[j] - initial[j]).maxAbs }.reduce(Rational(0)) { max($0, $1) }
    }

    /// The law as a property, every residual ≤ tolerance (margin tolerance − the largest: exactly 0 when it holds),
    /// with `quantities`, the steps, the depth and `statistics`; `place` words the place of the largest residual.
    func evaluation(tolerance: Rational, quantities: [Quantity], statistics: [String: String] = [:],
                    place: (String) -> String = { $0 }) throws -> Evaluation {
        let outcome = try BoundProperty(label: "R", lhs: "max_{a,b} |R_j(k)|", relation: .lessOrEqual, rhs: "0",
                                        tolerance: tolerance).evaluate(residuals, residuals.map { _ in ObservedValue(Rational(0)) })
        return Evaluation(quantities: quantities, margin: outcome.margin, location: outcome.place.map(place),
                          statistics: statistics.merging(["steps": "\(steps)", "depth": "\(network.depth)"]) { a, _ in a })
    }

    /// The law as checked, `D_j(t+1) − D_j(t) = η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) exactly…, for every step t < k and
    /// every j`, with the step named `t`, the step size `eta` and `detail` after "exactly".
    static func statement(_ p: InstanceParameters, step t: String, eta: String, detail: String = "") -> String {
        let change = p[claimedChange] == .zero ? "0" : "\(eta)²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)"
        return "D_j(\(t)+1) − D_j(\(t)) = \(change) exactly\(detail), for every step \(t) < "
            + "\(p.written(DLNParameters.steps, absent: "the number of steps")) and every j"
    }

    /// max_{k,j,a,b} |R_j(k)| over the steps.
    var largestStepResidual: Rational {
        residuals.prefix(stepResidualCount).map(\.value.scalar).reduce(Rational(0)) { max($0, $1) }
    }

    /// At most `stepLimit` steps.
    static func validate(steps: Int) throws(ParameterProblem) {
        if steps > stepLimit {
            throw ParameterProblem(key: "steps", .outOfRange(value: "\(steps)",
                allowed: "exact rational arithmetic allows at most \(stepLimit) steps (numerators and denominators grow geometrically)"))
        }
    }
}
