import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// `mirror-descent-matrix-sensing`: Wu & Rebeschini (NeurIPS 2021), mirror descent with the von Neumann entropy on PSD matrix sensing (docs/theory.md §6.2).
public struct MirrorDescentMatrixSensingKind: TrajectoryKind, DescribedKind {
    /// The seeded instance, X_T, and the span residual of log X_t at every step.
    public struct Scenario: TrajectoryScenario {
        static let size = Parameter<Int>("size", .model, 2...6, default: 4, help: "the order n of the matrices")
        static let measurements = Parameter<Int>("measurements", .model, 1...21, default: 5,
                                                 help: "the number m of sensing matrices (at most n(n+1)/2)")
        static let seed = Parameter<Int>("seed", .model, 0...(1 << 53), default: 0,
                                         help: "the seed of the sensing matrices and of X* = uuᵀ")
        static let alpha = Parameter<Rational>.positive("alpha", .model, default: Rational(numerator: 1, denominator: 2),
                                                        help: "the initialization scale: X_0 = αI")
        static let steps = Parameter<Int>("steps", .dynamics, 1...200_000, help: "the number T of mirror-descent steps")

        public static var parameters: [any DeclaredParameter] { [size, measurements, seed, alpha, FactorizationParameters.stepSize, steps] }

        /// m ≤ n(n+1)/2, and the seeded A_i are linearly independent (exact Gram matrix).
        public static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
            let n = parameters[size], m = parameters[measurements]
            if m > n * (n + 1) / 2 {
                throw ParameterProblem(key: "measurements", .outOfRange(value: "\(m)", allowed: "at most n(n+1)/2 = \(n * (n + 1) / 2) for size = \(n)"))
            }
            if let column = instance(parameters).dependentMatrix {
                throw ParameterProblem(key: "seed", .invalidValue(
                    "the seeded sensing matrices are linearly dependent (A_\(column + 1)); choose another seed or fewer measurements"))
            }
        }

        static func instance(_ parameters: InstanceParameters) -> SeededMatrixSensing {
            SeededMatrixSensing(order: parameters[size], count: parameters[measurements], seed: UInt64(parameters[seed]))
        }

        /// The problem at the working precision, X*, X_T, and the relative distance of log X_t − log X_0 to
        /// span{A_i} for t = 1 … T (taken at every step as the run goes; only X_T is kept).
        let problem: MirrorDescentMatrixSensing, groundTruth: Matrix<BigFloat>, final: Matrix<BigFloat>
        let residuals: [Observation<BigFloat>]
        public let statistics: [String: String]

        public init(_ parameters: InstanceParameters, context: EvaluationContext) throws {
            let exact = Self.instance(parameters), alpha = parameters[Self.alpha], n = parameters[Self.size]
            let problem = try MirrorDescentMatrixSensing(sensing: exact.sensing.map(\.rounded),
                                                         measurements: exact.measurements.map { BigFloat($0) }, alpha: BigFloat(alpha))
            groundTruth = exact.groundTruth.rounded
            let logInitial = BigFloat.log(BigFloat(alpha)) * Matrix<BigFloat>.identity(n), steps = parameters[Self.steps]
            let map = MatrixMirrorDescent(sensing: exact.sensing, measurements: exact.measurements,
                                          stepSize: parameters[FactorizationParameters.stepSize])
            var residuals: [Observation<BigFloat>] = [], failure: (any Error)?
            let span = Observer<BigFloat>(.everyStep) { sample in
                guard sample.step > 0, failure == nil else { return }
                do {
                    let distance = try problem.relativeDistanceToSpan(map.matrix(sample.state, block: 1) - logInitial)
                    residuals.append(Observation(place: .step(sample.step), scalar: distance))
                } catch { failure = error }
            }
            let run = try TrajectorySampler(context, label: "mirror-descent").map(
                map, from: map.initialState(alpha: alpha), steps: steps, every: steps, observers: [span])
            if let failure { throw failure }
            (self.problem, self.residuals, final) = (problem, residuals, map.matrix(run.final, block: 0))
            statistics = ["steps": "\(parameters[Self.steps])", "n": "\(n)", "m": "\(exact.sensing.count)"]
        }
    }

    enum Claim: String, ParameterChoice {
        case span, bregmanProjection = "bregman-projection", recoversGroundTruth = "recovers-ground-truth"
    }

    static let claim = Parameter<Claim>("claim", .check, default: .span, variable: false,
        help: "\"span\" (log X_t − log X_0 ∈ span{A_i}), \"bregman-projection\" (X_T = X_ref) or \"recovers-ground-truth\" (X_T = X*)")

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(50)), help: "the relative slack of the claimed equality")

    public static let about = KindDescription("mirror-descent-matrix-sensing",
        summary: "PSD matrix sensing, mirror descent with the von Neumann entropy from αI: log X_t − log X_0 ∈ span{A_i}, and the limit is the Bregman projection of αI",
        method: """
        Builds the seeded instance exactly (Rational): m random symmetric n × n sensing matrices with entries in \
        {−3/4, …, 3/4}, a rank-one X* = uuᵀ with u ∈ {−2, …, 2}ⁿ, y = A(X*). Iterates X_{t+1} = exp(log X_t − \
        η Σ_i r_i A_i / m) from X_0 = αI as a map through the sampler at \
        the working precision p: each step takes exp of the updated generator by scaling and squaring (Taylor) and \
        log X_{t+1} by a Jacobi eigendecomposition of X_{t+1}. The span residual is the relative Frobenius distance \
        of log X_t − ln α·I to span{A_i} (normal equations), maximized over t. The reference X_ref = exp(ln α·I + \
        Σ λ_k A_k) solves A(X_ref) = y by damped Newton on the convex dual (Daleckii–Krein Jacobian, exp through the \
        eigendecomposition); its residual is reported. recovers-ground-truth (X_T = X*) is known false when m is too \
        small. Everything is computed again at p + guard bits; the difference is the error estimate.
        """)

    public var declared: [any DeclaredParameter] { [Self.claim, Self.tolerance.legacy] }

    public func checked(_ p: InstanceParameters) -> String? {
        switch p[Self.claim] {
        case .bregmanProjection: return "‖X_T − X_ref‖_F/‖X_ref‖_F ≤ tolerance, X_ref the Bregman projection of αI onto {A(X) = y}"
        case .recoversGroundTruth: return "‖X_T − X*‖_F/‖X*‖_F ≤ tolerance"
        case .span: return "dist(log X_t − log X_0, span{A_i}) relative ≤ tolerance at every step t"
        }
    }

    public func check(_ p: InstanceParameters, on run: Scenario, context: EvaluationContext) throws -> PropertyOutcome {
        let problem = run.problem, residuals = run.residuals, x = run.final, end = residuals[residuals.count - 1]
        let recovery = (x - run.groundTruth).frobeniusNorm / run.groundTruth.frobeniusNorm
        let tolerance = context.tolerance(Self.tolerance, p)
        var quantities = [
            Quantity("max_t ‖log X_t − log X_0 − P_span(…)‖_F / ‖log X_t − log X_0‖_F",
                     .rounded(residuals.largest)),
            Quantity("‖A(X_T) − y‖₂/‖y‖₂", .rounded(problem.relativeResidual(x))),
            Quantity("‖X_T − X*‖_F/‖X*‖_F", .rounded(recovery)),
        ]
        var outcome: PropertyOutcome
        switch p[Self.claim] {
        case .span:
            outcome = try BoundProperty.tolerance("span", "‖log X_t − log X_0 − P_span(…)‖_F / ‖log X_t − log X_0‖_F")
                .evaluate(residuals, within: tolerance)
        case .recoversGroundTruth:
            outcome = try BoundProperty.tolerance("recovery", "‖X_T − X*‖_F/‖X*‖_F", atEnd: true)
                .evaluate([Observation(place: end.place, scalar: recovery)], within: tolerance)
        case .bregmanProjection:
            let reference = try problem.bregmanProjection()
            let distance = (x - reference.matrix).frobeniusNorm / reference.matrix.frobeniusNorm
            quantities += [
                Quantity("‖X_T − X_ref‖_F/‖X_ref‖_F (X_ref: Bregman projection by Newton)", .rounded(distance)),
                Quantity("‖A(X_ref) − y‖₂/‖y‖₂ (Newton residual)", .rounded(reference.relativeResidual)),
            ] + (try SymmetricEigendecomposition(reference.matrix).eigenvalues.sorted()).enumerated().map {
                Quantity("eig_\($0.offset + 1)(X_ref)", .rounded($0.element))
            }
            let pair = ObservedValue(rows: 1, columns: 2, entries: [distance, reference.relativeResidual])
            outcome = try BoundProperty.tolerance("Bregman projection", "(‖X_T − X_ref‖_F/‖X_ref‖_F, Newton residual)", atEnd: true)
                .evaluate([Observation(place: end.place, value: pair)], within: tolerance)
        }
        outcome.quantities += quantities
        return outcome
    }
}
