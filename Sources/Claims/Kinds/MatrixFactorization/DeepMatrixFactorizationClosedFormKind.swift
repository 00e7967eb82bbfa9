import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// `deep-matrix-factorization-closed-form`: Chou, Gieshoff, Maly, Rauhut, the decoupled singular values of deep matrix factorization (docs/theory.md §5.1–§5.2).
public struct DeepMatrixFactorizationClosedFormKind: TrajectoryKind, DeepMatrixFactorizationPreset, DescribedKind {
    public static let dynamics = DeepMatrixFactorizationDynamics(
        methodHelp: "\"gf\" (gradient flow, against the closed forms) or \"gd\" (gradient descent, against the scalar recursion)",
        horizonHelp: "gf: the final time T (exact)", samples: 1...1000, defaultSamples: 10,
        samplesHelp: "the number of equally spaced output times (gf) or steps (gd) compared")

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(25)), help: "the slack of the claimed equality, relative to max(1, max s)")

    public static let about = KindDescription("deep-matrix-factorization-closed-form",
        summary: "deep matrix factorization, aligned init: the singular values of W(t) follow the closed forms of ẇ = w^{N−1}(s − w^N) (GF) or the scalar recursion (GD)",
        method: """
        Integrates the gradient flow of all N factors with the Taylor method at the working precision p (tolerance \
        2^−(p−10)), or iterates gradient descent (a map through the sampler), from the aligned (or identity) \
        initialization, and takes the singular values of W = W_N⋯W_1 (one-sided Jacobi SVD) at `samples` equally \
        spaced output times or steps. Compares them with the closed forms of §5.2 (exponential, logistic, and for \
        N ≥ 3 the ₂F₁ implicit solution inverted by Newton's method) or with the scalar GD recursion: \
        max_i |σ_i(W) − x_i| / max(1, max s) ≤ tolerance at every sample. Everything is computed again at p + guard \
        bits; the difference is the error estimate. With `initialization = "identity"` and U ≠ V the factors are not \
        aligned, and the claim is known false.
        """)

    public var declared: [any DeclaredParameter] { [Self.tolerance.legacy] }

    /// The scenario's checks; the implicit solution for N ≥ 3 needs α^N < s_i.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        try Scenario.validate(parameters)
        let depth = parameters[DeepMatrixFactorizationTarget.depth]
        if case .flow = try Self.dynamics.run(parameters), depth >= 3 {
            try DeepMatrixFactorizationTarget(parameters).requireStart(parameters, "the implicit solution for depth \(depth) needs α^N < s_i for every singular value")
        }
    }

    public func checked(_ p: InstanceParameters) -> String? {
        (p[Self.dynamics.method] == .gd ? "σ_i(W(k)) = w_k^N with w ← w − η w^{N−1}(w^N − s_i), w_0 = α"
                                        : "σ_i(W(t)) = the closed-form solution of ẇ = w^{N−1}(s_i − w^N), w(0) = α")
            + ", relative to max(1, max s), at every sampled time, up to the relative tolerance"
    }

    public func check(_ p: InstanceParameters, on run: DeepMatrixFactorizationScenario<Self>, context: EvaluationContext) throws -> PropertyOutcome {
        let s = run.target.singularValues.map { BigFloat($0) }, alpha = BigFloat(run.alpha), depth = run.depth
        let rank = min(run.target.left.rowCount, run.target.right.rowCount)
        let scale = s.reduce(BigFloat(1)) { BigFloat.maximum($0, $1) }
        // The scalar solutions x_i at every sample.
        let modes: [[BigFloat]]
        switch run.run {
        case let .descent(stepSize, steps):
            modes = try ScalarFactorizationDescent.endToEnd(targets: s, depth: depth, stepSize: stepSize, from: run.alpha, steps: steps,
                                                            every: max(1, steps / p[Self.dynamics.samples]), context: context)
        case .flow:
            let flows = try s.map { try ScalarFactorizationFlow(depth: depth, target: $0) }
            modes = try run.places.map { place in
                guard case let .time(t) = place, t > 0 else { return s.map { _ in BigFloat.pow(alpha, depth) } }
                return try flows.map { try $0.endToEnd(at: BigFloat(t), from: alpha) }
            }
        }
        var gaps: [Observation<BigFloat>] = [], observed: [BigFloat] = [], predicted: [BigFloat] = []
        for k in 1..<run.places.count {
            try context.checkpoint()
            observed = try SingularValueDecomposition(run.layers[k].endToEnd).singularValues
            predicted = modes[k].sorted(by: >) + Array(repeating: BigFloat(0), count: rank - modes[k].count)
            let gap = zip(observed, predicted).reduce(BigFloat(0)) { BigFloat.maximum($0, BigFloat.abs($1.0 - $1.1)) } / scale
            gaps.append(Observation(place: run.places[k], scalar: gap))
        }
        var outcome = try BoundProperty.tolerance("closed form", "max_i |σ_i(W) − x_i| / max(1, max s)")
            .evaluate(gaps, within: context.tolerance(Self.tolerance, p))
        outcome.quantities.append(Quantity("max_t max_i |σ_i(W(t)) − x_i(t)| / max(1, max s)", .rounded(gaps.largest)))
        for (i, value) in observed.enumerated() {
            outcome.quantities.append(Quantity("σ_\(i + 1)(W) at the end", .rounded(value)))
            outcome.quantities.append(Quantity("x_\(i + 1) (scalar solution) at the end", .rounded(predicted[i])))
        }
        return outcome
    }
}
