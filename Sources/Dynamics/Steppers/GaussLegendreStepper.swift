import MultiPrecision

// Implementation goals, in order of priority:
// 1. Solve the stage equations to rounding level, so that quadratic invariants are conserved to rounding.
// 2. Coefficients at the working precision (GaussLegendreTableau), never through Double.
// 3. No allocation per arithmetic operation outside the field: stage increments Z, derivatives F and h·aᵢⱼ are
//    preallocated and updated in place.
// 4. Never loop forever: a diverging or stagnating iteration fails the step, which is then reduced (adaptive) or
//    reported (fixed step).

/// The s-stage Gauss–Legendre implicit Runge–Kutta stepper (order 2s, A-stable, symplectic; it conserves every
/// quadratic invariant of the flow exactly, so to rounding in practice).
///
/// The stage equations Zᵢ = h Σⱼ aᵢⱼ f(t + cⱼh, x + Zⱼ) are solved to rounding level (until the change is below
/// the roundoff of x + Z, or its geometric tail is), by mixed-precision simplified Newton when the right-hand side
/// offers a Jacobian (residuals at the working precision, corrections from I − h[aᵢⱼJ(Yⱼ)] factorized in `Double`
/// with Jacobians at the predicted stage values, taken again once at the iterate: about 25 bits per sweep), else by
/// fixed-point iteration (about log₂(1/(h·L·ρ(A))) bits per sweep; it contracts when h·L·ρ(A) < 1, true for the
/// non-stiff problems this package integrates). See `StageIteration`. The starting
/// guess extrapolates the collocation polynomial of the previous step (or is an Euler guess).
///
/// Adaptive steps use Richardson extrapolation by step doubling: one step of size h and two of size h/2; the
/// estimate is (x_{h/2,h/2} − x_h)/(2^{2s} − 1), and the two half steps are propagated (not the extrapolated value,
/// which would lose the conservation of quadratic invariants). With a fixed step, one solve per step and no estimate.
///
/// Dense output re-solves one step from the start of the last step with the shorter step, so it has the order of the
/// method.
public struct GaussLegendreStepper<RHS: RightHandSide>: Stepper {
    /// The scalar.
    public typealias Scalar = RHS.Scalar
    /// Shorthand for `Scalar`.
    public typealias S = RHS.Scalar

    /// The coefficients at the working precision.
    public let tableau: GaussLegendreTableau<S>
    var rhs: RHS
    let stageCount: Int
    let dimension: Int
    let precision: Int

    var z: [[S]]
    var f: [[S]]
    var y: [S]
    var f0: [S]
    var ha: [[S]]
    var hb: [S]
    var stageTime: S
    var update: S
    var difference: S
    var largestChange: S
    var largestIncrement: S
    var noise: S
    let noiseFactor: S
    var norms: _NormScratch<S>
    var residual: [S]
    var previousChange: S
    var theta: S
    var tail: S
    var slack: S
    let one: S
    let sixteen: S
    let thousand: S
    /// 2^−30: once a Newton correction is this small relative to x + Z, the stage values are accurate enough for
    /// Jacobians that no longer limit the rate (see `solveOnce`).
    let refreshThreshold: S
    var sigma: S
    var sigma0: S
    var stepRatio: S
    var horner: S
    var basisAtStart: [S]
    var predictorWeights: [[S]]
    var correction: [Double]
    var solveScratch: [Double]
    let aDouble: [[Double]]
    /// Whether the stage equations are solved by mixed-precision simplified Newton (when a Jacobian is available).
    public let usesNewton: Bool
    var stageJacobians: [[Double]]
    var stageStateDouble: [Double]
    var newtonMatrix: [Double]
    var newtonFactorization: _DenseLU?

    var x: [S]
    var xPrevious: [S]
    var xNew: [S]
    var xFull: [S]
    var xHalf: [S]
    var errorVector: [S]

    /// Time, step size, tolerances and the PI controller.
    var control: AdaptiveStepState<S>
    let unitRoundoff: S
    let richardsonDivisor: S
    let maximumIterations: Int
    /// When non-nil, `f` holds the stage derivatives of a solved step that starts at `.start` with size `.step`.
    var polynomial: (start: S, step: S)?
    /// The midpoint of the last accepted step when it was taken as two half steps (adaptive mode); `xHalf` then
    /// holds the state there.
    var tMiddle: S?

    /// Counters.
    public private(set) var statistics = StepperStatistics()

    /// A stepper with `stages` stages at (`time`, `state`), made at `configuration.precision`.
    ///
    /// - Throws: `IntegrationError.invalidParameter` for fewer than one stage; `.dimensionMismatch`.
    public init(stages s: Int, rightHandSide: RHS, time: S, state: [S],
                configuration: StepperConfiguration<S>, iteration: StageIteration = .automatic)
        throws(IntegrationError)
    {
        guard s >= 1 else { throw .invalidParameter(name: "stages", value: "\(s)", requirement: "at least 1") }
        guard state.count == rightHandSide.dimension else {
            throw .dimensionMismatch(expected: rightHandSide.dimension, actual: state.count, what: "initial state")
        }
        let n = state.count, p = configuration.precision
        precision = p
        tableau = GaussLegendreTableau(stages: s, precision: p)
        rhs = rightHandSide
        stageCount = s
        dimension = n
        (z, f, y, f0, ha, hb, stageTime, update, difference, largestChange, largestIncrement, norms) =
            withPrecision(p) {
                ((0..<s).map { _ in _zeros(n) }, (0..<s).map { _ in _zeros(n) }, _zeros(n), _zeros(n),
                 (0..<s).map { _ in _zeros(s) }, _zeros(s), S(0), S(0), S(0), S(0), S(0), _NormScratch())
            }
        (x, xPrevious, xNew, xFull, xHalf, errorVector) = withPrecision(p) {
            (state.map { v -> S in var w = S(0); w.set(v); return w }, _zeros(n), _zeros(n), _zeros(n), _zeros(n),
             _zeros(n))
        }
        (noise, noiseFactor, residual) = withPrecision(p) {
            (S(0), S(Rational(numerator: 4, denominator: BigInt(1) << p)), _zeros(s * n))
        }
        (previousChange, theta, tail, slack, one, sixteen, thousand, refreshThreshold) = withPrecision(p) {
            (S(0), S(0), S(0), S(0), S(1), S(16), S(1024), S(Rational(numerator: 1, denominator: BigInt(1) << 30)))
        }
        (sigma, sigma0, stepRatio, horner, basisAtStart, predictorWeights) = withPrecision(p) {
            (S(0), S(0), S(0), S(0), _zeros(s), (0..<s).map { _ in _zeros(s) })
        }
        correction = [Double](repeating: 0, count: s * n)
        solveScratch = correction
        stageJacobians = Array(repeating: [Double](repeating: 0, count: n * n), count: s)
        stageStateDouble = [Double](repeating: 0, count: n)
        newtonMatrix = [Double](repeating: 0, count: s * n * s * n)
        aDouble = tableau.coefficients.map { $0.map(\.doubleValue) }
        switch iteration {
        case .fixedPoint: usesNewton = false
        case .newton: usesNewton = true
        case .automatic: usesNewton = s * n <= StageIteration.automaticNewtonLimit
        }
        control = AdaptiveStepState(time: time, configuration: configuration, errorExponent: 2 * s + 1)
        (unitRoundoff, richardsonDivisor) = withPrecision(p) {
            (S(Rational(numerator: 1, denominator: BigInt(1) << p)),
             S(Rational(numerator: 1, denominator: (BigInt(1) << (2 * s)) - BigInt(1))))
        }
        // Contraction by a factor ≥ 2 per sweep reaches p bits in p sweeps; beyond that the iteration is too slow
        // to be worth it and the step is reduced instead.
        maximumIterations = p + 20
    }

    /// "Gauss–Legendre, s = 4 (order 8), adaptive steps (Richardson)".
    public var methodDescription: String {
        "Gauss–Legendre, s = \(stageCount) (order \(2 * stageCount)), "
            + (control.fixedStep == nil ? "adaptive steps (step doubling)" : "fixed step")
    }
    /// The end of the last accepted step.
    public var time: S { control.t }
    /// The state at `time`.
    public var state: [S] { x }
    /// The start of the last accepted step.
    public var previousTime: S { control.tPrevious }

    /// Solves the stage equations of one step from (`time`, `start`) with size `step` and writes x₁ into `out`.
    /// Returns `false` when every iteration tried diverged or did not converge.
    ///
    /// Tries, in order: Newton (if enabled) from the extrapolated collocation polynomial, fixed-point iteration from
    /// the polynomial, then fixed-point iteration from an Euler guess.
    mutating func solve(start: [S], time: S, step: S, into out: inout [S]) -> Bool {
        if usesNewton,
           solveOnce(start: start, time: time, step: step, into: &out, usePolynomial: polynomial != nil, newton: true) {
            return true
        }
        if polynomial != nil,
           solveOnce(start: start, time: time, step: step, into: &out, usePolynomial: true, newton: false) {
            return true
        }
        return solveOnce(start: start, time: time, step: step, into: &out, usePolynomial: false, newton: false)
    }

    /// result ← Σₖ coefficients[k] σ^(k+1) by Horner's rule, in place (`scratch` is scratch).
    static func horner(_ coefficients: [S], at sigma: S, zero: S, scratch: inout S, into result: inout S) {
        result.set(zero)
        for k in stride(from: coefficients.count - 1, through: 0, by: -1) {
            scratch.formSum(result, coefficients[k])
            result.formProduct(scratch, sigma)
        }
    }

    /// Factorizes the Newton matrix ∂G/∂Z = I − h [aᵢⱼ J(Yⱼ)] in `Double`, with the Jacobians at the predicted stage
    /// values Yⱼ = start + Zⱼ (so the matrix is accurate to the predictor's error, and the iteration gains about as
    /// many bits per sweep as the Jacobians have). Returns `false` when a Jacobian is unavailable or the matrix is
    /// singular.
    mutating func prepareNewton(time: S, start: [S], step: S) -> Bool {
        let s = stageCount, n = dimension
        let h = step.doubleValue, t = time.doubleValue
        guard h.isFinite, h > 0 else { return false }
        for j in 0..<s {
            for m in 0..<n { stageStateDouble[m] = start[m].doubleValue + z[j][m].doubleValue }
            guard rhs.approximateJacobian(time: t + tableau.nodes[j].doubleValue * h, state: stageStateDouble,
                                          into: &stageJacobians[j]) else { return false }
            statistics.jacobianEvaluations += 1
        }
        let size = s * n
        for k in 0..<(size * size) { newtonMatrix[k] = 0 }
        for i in 0..<s {
            for j in 0..<s {
                let ha = h * aDouble[i][j]
                for r in 0..<n {
                    let row = (i * n + r) * size + j * n
                    for c in 0..<n { newtonMatrix[row + c] = -ha * stageJacobians[j][r * n + c] }
                }
            }
        }
        for d in 0..<size { newtonMatrix[d * size + d] += 1 }
        guard let lu = _DenseLU(newtonMatrix, n: size) else { return false }
        newtonFactorization = lu
        return true
    }

    mutating func solveOnce(start: [S], time: S, step: S, into out: inout [S], usePolynomial: Bool, newton: Bool)
        -> Bool
    {
        let s = stageCount, n = dimension
        // The starting guess.
        if usePolynomial, let (pStart, pStep) = polynomial {
            // Zᵢ ≈ u(σ₀ + cᵢ·step/pStep) − u(σ₀) = pStep Σⱼ Fⱼ (Lⱼ(σᵢ) − Lⱼ(σ₀)), evaluated in place.
            sigma.formDifference(time, pStart)
            sigma0.formQuotient(sigma, pStep)
            stepRatio.formQuotient(step, pStep)
            for j in 0..<s {
                Self.horner(tableau.integratedBasis[j], at: sigma0, zero: norms.zero, scratch: &horner,
                            into: &basisAtStart[j])
            }
            for i in 0..<s {
                sigma.set(sigma0)
                sigma.addProduct(tableau.nodes[i], stepRatio)
                for j in 0..<s {
                    Self.horner(tableau.integratedBasis[j], at: sigma, zero: norms.zero, scratch: &horner,
                                into: &update)
                    difference.formDifference(update, basisAtStart[j])
                    predictorWeights[i][j].formProduct(pStep, difference)
                }
            }
            for i in 0..<s {
                for m in 0..<n {
                    z[i][m].set(norms.zero)
                    for j in 0..<s { z[i][m].addProduct(predictorWeights[i][j], f[j][m]) }
                }
            }
        } else {
            rhs.evaluate(time: time, state: start, into: &f0)
            statistics.functionEvaluations += 1
            for i in 0..<s {
                update.formProduct(step, tableau.nodes[i])
                for m in 0..<n { z[i][m].formProduct(update, f0[m]) }
            }
        }
        polynomial = nil
        if newton, !prepareNewton(time: time, start: start, step: step) { return false }
        for i in 0..<s { for j in 0..<s { ha[i][j].formProduct(step, tableau.coefficients[i][j]) } }
        let startNorm = norms.maxNorm(start)

        var havePrevious = false
        var slowSweeps = 0
        var converged = false
        // The Jacobians are taken at the predicted stage values, so a poor predictor (a long step) limits Newton to
        // a few bits per sweep; at high precision they are re-taken once at the iterate, when it is accurate to
        // about 30 bits, after which the sweeps gain about as many bits as the finite differences carry (~26).
        var jacobiansRefreshed = precision < 128
        for _ in 0..<maximumIterations {
            for j in 0..<s {
                for m in 0..<n { y[m].formSum(start[m], z[j][m]) }
                stageTime.set(time)
                stageTime.addProduct(tableau.nodes[j], step)
                rhs.evaluate(time: stageTime, state: y, into: &f[j])
            }
            statistics.functionEvaluations += s
            statistics.stageIterations += 1
            largestChange.set(norms.zero)
            largestIncrement.set(norms.zero)
            var finite = true
            if newton {
                // Residual G = Z − (hA ⊗ I) F at the working precision; correction −M⁻¹G in Double, scaled by a
                // power of two so that residuals far below Double's range keep their relative precision.
                var exponent = Int.min
                for i in 0..<s {
                    for m in 0..<n {
                        update.set(z[i][m])
                        for j in 0..<s { update.subtractProduct(ha[i][j], f[j][m]) }
                        if !update.isFinite { finite = false }
                        if let e = update.binaryExponent, e > exponent { exponent = e }
                        residual[i * n + m].set(update)
                    }
                }
                guard finite else { return false }
                if exponent == Int.min { converged = true; break }  // the residual vanished
                for k in 0..<(s * n) {
                    update.set(residual[k])
                    update.multiply(byPowerOfTwo: -exponent)
                    correction[k] = -update.doubleValue
                }
                newtonFactorization!.solve(&correction, scratch: &solveScratch)
                var largest = 0.0
                for k in 0..<(s * n) {
                    guard correction[k].isFinite else { return false }
                    largest = Swift.max(largest, Swift.abs(correction[k]))
                    update.set(correction[k])
                    update.multiply(byPowerOfTwo: exponent)
                    z[k / n][k % n] += update
                    update.set(z[k / n][k % n])
                    update.formMagnitude()
                    if update > largestIncrement { largestIncrement.set(update) }
                }
                largestChange.set(largest)
                largestChange.multiply(byPowerOfTwo: exponent)
            } else {
                for i in 0..<s {
                    for m in 0..<n {
                        update.set(norms.zero)
                        for j in 0..<s { update.addProduct(ha[i][j], f[j][m]) }
                        if !update.isFinite { finite = false }
                        difference.formDifference(update, z[i][m])
                        difference.formMagnitude()
                        if difference > largestChange { largestChange.set(difference) }
                        z[i][m].set(update)
                        update.formMagnitude()
                        if update > largestIncrement { largestIncrement.set(update) }
                    }
                }
                guard finite else { return false }
            }
            // Rounding noise of x + Z, with a little slack.
            difference.formSum(startNorm, largestIncrement)
            noise.formProduct(difference, noiseFactor)
            if largestChange <= noise { converged = true; break }
            // Newton's F were evaluated before the last correction, so only a correction at the rounding floor
            // says they are converged; the fixed-point tail test below holds for the fixed-point output, whose F
            // produced the last update.
            if newton {
                if havePrevious, largestChange >= previousChange {
                    slack.formProduct(noise, sixteen)
                    if largestChange <= slack { converged = true; break }
                    slowSweeps += 1
                    if slowSweeps >= 2 { return false }
                }
                slack.formProduct(difference, refreshThreshold)
                if !jacobiansRefreshed, largestChange <= slack {
                    jacobiansRefreshed = true
                    _ = prepareNewton(time: time, start: start, step: step)  // on failure the old matrix stays
                }
                previousChange.set(largestChange)
                havePrevious = true
                continue
            }
            if havePrevious {
                // θ = change/previous change; the remaining error is about change·θ/(1 − θ) (all in place).
                theta.formQuotient(largestChange, previousChange)
                if theta < one {
                    slack.formDifference(one, theta)
                    tail.formProduct(largestChange, theta)
                    theta.formQuotient(tail, slack)
                    if theta <= noise { converged = true; break }
                    slowSweeps = 0
                } else {
                    // Stagnation at the rounding floor counts as convergence; growth well above it is divergence.
                    slack.formProduct(noise, thousand)
                    if largestChange <= slack { converged = true; break }
                    slowSweeps += 1
                    if slowSweeps >= 2 { return false }
                }
            }
            previousChange.set(largestChange)
            havePrevious = true
        }
        guard converged else { return false }
        for j in 0..<s { hb[j].formProduct(step, tableau.weights[j]) }
        for m in 0..<n {
            out[m].set(start[m])
            for j in 0..<s { out[m].addProduct(hb[j], f[j][m]) }
        }
        polynomial = (time, step)
        return true
    }

    /// Takes one accepted step toward `limit`.
    public mutating func step(toward limit: S) -> StepOutcome<S> {
        if let fixedStep = control.fixedStep {
            let (stepSize, end) = control.nextFixedStep(fixedStep, limit: limit)
            if !(stepSize > S(0)) { return .stepSizeUnderflow(stepSize: stepSize) }
            var out: [S] = []
            swap(&out, &xNew)  // exclusive access without copying
            let ok = solve(start: x, time: control.t, step: stepSize, into: &out)
            swap(&out, &xNew)
            guard ok else { return .failed(.stageIterationDiverged) }
            accept(end: end, fixed: true)
            statistics.recordAcceptedStep(order: 2 * stageCount)
            return .accepted(StepReport(stepSize: stepSize, order: 2 * stageCount, localErrorEstimate: nil,
                                        rejections: 0))
        }

        if control.h == nil {
            rhs.evaluate(time: control.t, state: x, into: &f0)
            statistics.functionEvaluations += 1
            control.h = _initialStep(rhs: &rhs, t: control.t, x: x, f0: f0, order: 2 * stageCount,
                                     atol: control.atol, rtol: control.rtol, remaining: limit - control.t,
                                     maximumStep: control.hMax, evaluations: &statistics.functionEvaluations)
        }
        var rejections = 0
        while true {
            let (stepSize, end, underflow) = control.nextAdaptiveStep(limit: limit)
            if underflow { return .stepSizeUnderflow(stepSize: stepSize) }
            let t = control.t
            // Steps are differences of representable times, so the pieces add up to the step exactly.
            let middle = t + stepSize / S(2)
            let half = middle - t
            var full: [S] = [], halfway: [S] = [], out: [S] = []
            swap(&full, &xFull); swap(&halfway, &xHalf); swap(&out, &xNew)
            let ok = solve(start: x, time: t, step: stepSize, into: &full)
                && solve(start: x, time: t, step: half, into: &halfway)
                && solve(start: halfway, time: middle, step: end - middle, into: &out)
            swap(&full, &xFull); swap(&halfway, &xHalf); swap(&out, &xNew)
            guard ok else {
                polynomial = nil
                control.h = stepSize / S(4)
                rejections += 1
                statistics.rejectedSteps += 1
                continue
            }
            for m in 0..<dimension {
                difference.formDifference(xNew[m], xFull[m])
                errorVector[m].formProduct(difference, richardsonDivisor)
            }
            let (ratio, norm) = norms.errorRatio(error: errorVector, x: x, xNew: xNew, atol: control.atol,
                                                 rtol: control.rtol)
            if control.control(step: stepSize, errorRatio: ratio) {
                accept(end: end, fixed: false)
                tMiddle = middle
                statistics.recordAcceptedStep(order: 2 * stageCount)
                return .accepted(StepReport(stepSize: stepSize, order: 2 * stageCount, localErrorEstimate: norm,
                                            rejections: rejections))
            }
            rejections += 1
            statistics.rejectedSteps += 1
        }
    }

    mutating func accept(end: S, fixed: Bool) {
        swap(&xPrevious, &x)
        swap(&x, &xNew)
        control.advance(to: end, fixed: fixed)
    }

    /// The solution at `tau` in [`previousTime`, `time`], by re-solving one step from the start of the last step
    /// (halving into consecutive sub-steps in the unlikely case that the iteration fails).
    public mutating func denseState(at tau: S, into result: inout [S]) {
        statistics.denseOutputEvaluations += 1
        if tau == control.t { for m in 0..<dimension { result[m].set(x[m]) }; return }
        if tau == control.tPrevious { for m in 0..<dimension { result[m].set(xPrevious[m]) }; return }
        // An adaptive step was two half steps, and its accuracy is theirs: re-step from the nearer half's start so
        // that the re-step is no longer than h/2 (a single step of size h is 2^{2s} times less accurate).
        var origin = control.tPrevious
        var originState = xPrevious
        if let tMiddle, tau > tMiddle {
            origin = tMiddle
            originState = xHalf
        }
        for pieces in [1, 2, 4, 8, 16] {
            var start = originState.map { v -> S in var w = v; w.set(v); return w }
            var time = origin
            var ok = true
            let piece = (tau - origin) / S(pieces)
            for k in 0..<pieces {
                let end = k == pieces - 1 ? tau : time + piece
                if !solve(start: start, time: time, step: end - time, into: &result) { ok = false; break }
                for m in 0..<dimension { start[m].set(result[m]) }
                time = end
            }
            if ok { polynomial = nil; return }
            polynomial = nil
        }
        for m in 0..<dimension { result[m] = S(0) / S(0) }
    }
}

/// The s-stage Gauss–Legendre method (order 2s), for any s ≥ 1, with coefficients computed at the working precision.
public struct GaussLegendre: IntegrationMethod {
    /// s.
    public var stages: Int
    /// How the stage equations are solved.
    public var iteration: StageIteration

    /// The method with `stages` stages.
    public init(stages: Int, iteration: StageIteration = .automatic) {
        self.stages = stages
        self.iteration = iteration
    }

    /// Adaptive (step doubling) or fixed.
    public var supportsAdaptiveSteps: Bool { true }

    /// "Gauss–Legendre, s = 4".
    public var description: String { "Gauss–Legendre, s = \(stages)" }

    /// A `GaussLegendreStepper` over a `TapeFieldEvaluator` (the traced field, preallocated).
    public func makeStepper<Field: VectorField, Scalar: IntegrationScalar>(
        field: Field, initialTime: Scalar, initialState: [Scalar], configuration: StepperConfiguration<Scalar>
    ) throws(IntegrationError) -> any Stepper<Scalar> {
        try GaussLegendreStepper(
            stages: stages,
            rightHandSide: TapeFieldEvaluator<Field, Scalar>(field, precision: configuration.precision),
            time: initialTime, state: initialState, configuration: configuration, iteration: iteration)
    }
}

/// How an implicit stepper solves its stage equations Z = h(A ⊗ I)F(Z).
public enum StageIteration: Sendable, Equatable {
    /// Simplified Newton when the right-hand side provides a Jacobian and s·n ≤ `automaticNewtonLimit` (the
    /// dense Newton matrix is (s·n)², factorized in `Double`); fixed-point iteration otherwise.
    case automatic
    /// Fixed-point iteration: s evaluations per sweep, gaining about log₂(1/(h·L·ρ(A))) bits per sweep.
    case fixedPoint
    /// Mixed-precision Newton: the residual at the working precision, the correction from I − h[aᵢⱼ J(Yⱼ)]
    /// factorized in `Double`, with the Jacobians by finite differences at the predicted stage values Yⱼ, taken
    /// again once at the iterate when it is accurate to about 30 bits (at 128 bits and above); about 25 bits per
    /// sweep after that, whatever the step.
    /// Falls back to fixed-point iteration when no Jacobian is available or the iteration stalls.
    case newton

    /// The largest s·n for which `.automatic` uses Newton (one or two (s·n)² factorizations in `Double` per solve).
    ///
    /// Measured on P1a (n = 48) at 256 bits, tolerance 2^−40, release build: s = 4 took 35 s by fixed-point
    /// iteration and 9–13 s by Newton, s = 8 (s·n = 384) 59 s and 8–12 s (a loaded machine); there a 384×384
    /// factorization took about 13 ms (a profile), the cost of about five sweeps of 8 field evaluations.
    public static let automaticNewtonLimit = 512
}
