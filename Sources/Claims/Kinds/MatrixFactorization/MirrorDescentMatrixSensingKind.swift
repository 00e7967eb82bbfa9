import LinearAlgebra
import Models
import MultiPrecision

/// `mirror-descent-matrix-sensing`: mirror descent with the von Neumann entropy on PSD matrix sensing (Wu &
/// Rebeschini, NeurIPS 2021; docs/theory.md §6.2), X_{t+1} = exp(log X_t − η Σ_i r_i A_i / m) from X_0 = αI, on a seeded
/// instance: m random symmetric n × n sensing matrices with entries in {−3/4, …, 3/4} and a rank-one X* = uuᵀ,
/// u ∈ {−2, …, 2}ⁿ, y = A(X*) exact.
///
/// `claim = "span"`: log X_t − log X_0 ∈ span{A_i} for every t; margin tol − max_t (relative distance to the span).
/// `claim = "bregman-projection"`: X_T equals the Bregman projection of αI onto {A(X) = y} computed by Newton;
/// margin tol − ‖X_T − X_ref‖_F/‖X_ref‖_F. `claim = "recovers-ground-truth"` (known false when m is too small):
/// margin tol − ‖X_T − X*‖_F/‖X*‖_F.
public struct MirrorDescentMatrixSensingKind: ClaimKind {
    public init() {}

    static let tolerance = ClaimTolerance(default: Rational(numerator: 1, denominator: BigInt(10).power(50)),
                                          help: "the relative slack of the claimed equality")

    public var name: String { "mirror-descent-matrix-sensing" }

    public var summary: String {
        "PSD matrix sensing, mirror descent with the von Neumann entropy from αI: log X_t − log X_0 ∈ span{A_i}, and the limit is the Bregman projection of αI"
    }

    public var method: String {
        """
        Builds the seeded instance exactly (Rational), then runs mirror descent in MPFR at the working precision p: \
        each step takes log X_t by a Jacobi eigendecomposition of X_t and exp of the updated generator by scaling \
        and squaring (Taylor). \
        The span residual is the relative Frobenius distance of log X_t − ln α·I to span{A_i} (normal equations), \
        maximized over t. The reference X_ref = exp(ln α·I + Σ λ_k A_k) solves A(X_ref) = y by damped Newton on the \
        convex dual (Daleckii–Krein Jacobian, exp through the eigendecomposition); its residual is reported. Everything is computed again at p + guard \
        bits; the difference is the error estimate.
        """
    }

    public var arithmetic: Arithmetic { .rounded }

    /// n, m, the seed, α, η, the steps, the claim and the tolerance.
    public var parameters: [ParameterSpec] {
        ParameterSpec.list(Self.size, Self.measurements, Self.seed, Self.alpha, Self.stepSize, Self.steps,
            Self.claim, Self.tolerance.legacy)
    }

    /// m ≤ n(n+1)/2 (the dimension of the symmetric matrices).
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        let n = parameters[Self.size], m = parameters[Self.measurements]
        if m > n * (n + 1) / 2 {
            throw ParameterProblem(key: "measurements", .outOfRange(value: "\(m)", allowed: "at most n(n+1)/2 = \(n * (n + 1) / 2) for size = \(n)"))
        }
    }

    /// The seeded instance, exact: the sensing matrices, X* and y.
    static func instance(size n: Int, measurements m: Int, seed: Int)
        -> (sensing: [Matrix<Rational>], groundTruth: Matrix<Rational>, measurements: [Rational]) {
        var rng = SeededGenerator(seed: UInt64(seed))
        let quarter = Rational(numerator: 1, denominator: 4)
        var sensing: [Matrix<Rational>] = []
        for _ in 0..<m {
            var entries = [[Rational]](repeating: [Rational](repeating: Rational(0), count: n), count: n)
            for i in 0..<n {
                for j in i..<n {
                    let value = Rational(rng.uniform(in: -3...3)) * quarter
                    entries[i][j] = value
                    entries[j][i] = value
                }
            }
            sensing.append(Matrix(rows: n, columns: n) { i, j in entries[i][j] })
        }
        var u = [Rational](repeating: Rational(0), count: n)
        while u.allSatisfy({ $0 == 0 }) { u = (0..<n).map { _ in Rational(rng.uniform(in: -2...2)) } }
        let groundTruth = Matrix(rows: n, columns: n) { i, j in u[i] * u[j] }
        return (sensing, groundTruth, sensing.map { $0.frobeniusInnerProduct(groundTruth) })
    }

    /// Runs mirror descent (and Newton for the reference) and measures the claimed property.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let n = parameters[Self.size], m = parameters[Self.measurements]
        let exact = Self.instance(size: n, measurements: m, seed: parameters[Self.seed])
        let steps = parameters[Self.steps]
        let tolerance = context.tolerance(Self.tolerance, parameters)
        let problem = try MirrorDescentMatrixSensing(
            sensing: exact.sensing.map { a in Matrix(rows: n, columns: n) { BigFloat(a[$0, $1]) } },
            measurements: exact.measurements.map { BigFloat($0) },
            alpha: BigFloat(parameters[Self.alpha]))
        let run = try problem.run(stepSize: BigFloat(parameters[Self.stepSize]), steps: steps) {
            try context.checkpoint()
        }
        let x = run.final
        let yNorm = BigFloat.sqrt(problem.measurements.reduce(BigFloat(0)) { $0 + $1 * $1 })
        let fit = BigFloat.sqrt(problem.residuals(x).reduce(BigFloat(0)) { $0 + $1 * $1 }) / yNorm
        let groundTruth = Matrix(rows: n, columns: n) { BigFloat(exact.groundTruth[$0, $1]) }
        let recovery = (x - groundTruth).frobeniusNorm / groundTruth.frobeniusNorm
        var quantities = [
            Quantity("max_t ‖log X_t − log X_0 − P_span(…)‖_F / ‖log X_t − log X_0‖_F", .rounded(run.maximumSpanResidual)),
            Quantity("‖A(X_T) − y‖₂/‖y‖₂", .rounded(fit)),
            Quantity("‖X_T − X*‖_F/‖X*‖_F", .rounded(recovery)),
        ]
        let claimed = parameters[Self.claim]
        var statistics = ["steps": "\(steps)", "n": "\(n)", "m": "\(m)"]
        let margin: BigFloat, location: String
        switch claimed {
        case "bregman-projection":
            let reference = try problem.bregmanProjection()
            let distance = (x - reference.matrix).frobeniusNorm / reference.matrix.frobeniusNorm
            quantities += [
                Quantity("‖X_T − X_ref‖_F/‖X_ref‖_F (X_ref: Bregman projection by Newton)", .rounded(distance)),
                Quantity("‖A(X_ref) − y‖₂/‖y‖₂ (Newton residual)", .rounded(reference.relativeResidual)),
            ]
            for (k, value) in try SymmetricEigendecomposition(reference.matrix).eigenvalues.sorted().enumerated() {
                quantities.append(Quantity("eig_\(k + 1)(X_ref)", .rounded(value)))
            }
            statistics["Newton iterations"] = "\(reference.iterations)"
            margin = tolerance - BigFloat.maximum(distance, reference.relativeResidual)
            location = "step \(steps)"
        case "recovers-ground-truth":
            margin = tolerance - recovery
            location = "step \(steps)"
        default:
            margin = tolerance - run.maximumSpanResidual
            location = "step \(run.worstStep)"
        }
        return Evaluation(quantities: quantities, margin: .rounded(margin), location: location, statistics: statistics)
    }
}

extension MirrorDescentMatrixSensingKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p[Self.claim] {
        case "bregman-projection": return "‖X_T − X_ref‖_F/‖X_ref‖_F ≤ tolerance, X_ref the Bregman projection of αI onto {A(X) = y}"
        case "recovers-ground-truth": return "‖X_T − X*‖_F/‖X*‖_F ≤ tolerance"
        default: return "dist(log X_t − log X_0, span{A_i}) relative ≤ tolerance at every step t"
        }
    }
}

extension MirrorDescentMatrixSensingKind {
    static let size = Parameter<Int>("size", .model, type: .integer(2...6), default: 4,
        help: "the order n of the matrices")

    static let measurements = Parameter<Int>("measurements", .model, type: .integer(1...21), default: 5,
        help: "the number m of sensing matrices (at most n(n+1)/2)")

    static let seed = Parameter<Int>("seed", .model, type: .integer(0...(1 << 53)), default: 0,
        help: "the seed of the sensing matrices and of X* = uuᵀ")

    static let alpha = Parameter<Rational>("alpha", .model, type: .rational(minimum: 0, exclusive: true),
        default: Rational(numerator: 1, denominator: 2), help: "the initialization scale: X_0 = αI")

    static let stepSize = Parameter<Rational>("step_size", .dynamics, type: .rational(minimum: 0, exclusive: true),
        help: "the step size η")

    static let steps = Parameter<Int>("steps", .dynamics, type: .integer(1...200_000),
        help: "the number T of mirror-descent steps")

    static let claim = Parameter<String>("claim", .check,
        type: .choice(["span", "bregman-projection", "recovers-ground-truth"]), default: "span", variable: false,
        help: "\"span\" (log X_t − log X_0 ∈ span{A_i}), \"bregman-projection\" (X_T = X_ref) or \"recovers-ground-truth\" (X_T = X*)")
}
