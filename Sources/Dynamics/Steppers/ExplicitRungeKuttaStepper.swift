import MultiPrecision

// Implementation goals, in order of priority:
// 1. Exact coefficients at any precision: the tableau is rational and rounded once at the working precision.
// 2. No allocation per arithmetic operation: stage vectors, h·aᵢⱼ and norm scratch are made once; a step is
//    set / formProduct / addProduct on them (the field's own value operations aside).
// 3. Honest step control: a rejected step leaves the state untouched; underflow is reported, never looped on.

/// An explicit Runge–Kutta stepper for any `ButcherTableau`: adaptive with a PI controller when the tableau has
/// embedded weights, or with a fixed step.
///
/// Dense output re-steps from the start of the last step with the shorter step τ − tₙ (one step's worth of
/// evaluations, minus the first stage, which is kept), so it has the accuracy of the method itself, not of a
/// low-order interpolant.
public struct ExplicitRungeKuttaStepper<RHS: RightHandSide>: Stepper {
    /// The scalar.
    public typealias Scalar = RHS.Scalar
    /// Shorthand for `Scalar`.
    public typealias S = RHS.Scalar

    /// The method.
    public let tableau: ButcherTableau
    var rhs: RHS
    let stageCount: Int
    let dimension: Int
    let c: [S]
    let a: [[S]]
    /// For each stage i, the indices j < i with aᵢⱼ ≠ 0.
    let nonzero: [[Int]]
    let b: [S]
    let nonzeroB: [Int]
    /// b − b̂, or nil without an embedded pair.
    let d: [S]?
    let nonzeroD: [Int]

    var k: [[S]]
    var y: [S]
    var x: [S]
    var xPrevious: [S]
    var xNew: [S]
    var errorVector: [S]
    var ha: [S]
    var hb: [S]
    var hd: [S]
    var stageTime: S
    var norms: _NormScratch<S>

    /// Time, step size, tolerances and the PI controller.
    var control: AdaptiveStepState<S>
    /// k[0] holds f(t, x) for the current (t, x).
    var firstStageIsCurrent = false
    /// k[0] holds f(tPrevious, xPrevious) (after an accepted step, until the next step starts).
    var firstStageIsPrevious = false

    /// Counters.
    public private(set) var statistics = StepperStatistics()

    /// A stepper at (`time`, `state`). Made at `configuration.precision` (the precision of every stored number).
    ///
    /// - Throws: `IntegrationError.fixedStepRequired` for adaptive steps with a tableau without embedded weights;
    ///   `.dimensionMismatch` when the state and the right-hand side disagree.
    public init(tableau: ButcherTableau, rightHandSide: RHS, time: S, state: [S],
                configuration: StepperConfiguration<S>) throws(IntegrationError) {
        guard state.count == rightHandSide.dimension else {
            throw .dimensionMismatch(expected: rightHandSide.dimension, actual: state.count, what: "initial state")
        }
        if configuration.fixedStep == nil, tableau.embeddedWeights == nil {
            throw .fixedStepRequired(method: tableau.name)
        }
        self.tableau = tableau
        self.rhs = rightHandSide
        stageCount = tableau.stages
        dimension = state.count
        let s = tableau.stages, n = state.count
        (c, a, b, d, k, y, x, xPrevious, xNew, errorVector, ha, hb, hd, stageTime, norms) =
            withPrecision(configuration.precision) {
                let x = state.map { v -> S in var z = S(0); z.set(v); return z }
                return (tableau.nodes.map { S($0) }, tableau.coefficients.map { $0.map { S($0) } },
                        tableau.weights.map { S($0) },
                        tableau.embeddedWeights.map { e in zip(tableau.weights, e).map { S($0 - $1) } },
                        (0..<s).map { _ in _zeros(n) }, _zeros(n), x, _zeros(n), _zeros(n), _zeros(n),
                        _zeros(s), _zeros(s), _zeros(s), S(0), _NormScratch())
            }
        nonzero = tableau.coefficients.map { row in row.indices.filter { !row[$0].isZero } }
        nonzeroB = tableau.weights.indices.filter { !tableau.weights[$0].isZero }
        if let e = tableau.embeddedWeights {
            nonzeroD = e.indices.filter { !(tableau.weights[$0] - e[$0]).isZero }
        } else {
            nonzeroD = []
        }
        control = AdaptiveStepState(time: time, configuration: configuration,
                                    errorExponent: (tableau.embeddedOrder ?? tableau.order - 1) + 1)
    }

    /// "Runge–Kutta–Fehlberg 8(7), adaptive" or "classical Runge–Kutta 4, fixed step".
    public var methodDescription: String {
        "\(tableau.name) (order \(tableau.order)), \(control.fixedStep == nil ? "adaptive steps" : "fixed step")"
    }
    /// The end of the last accepted step.
    public var time: S { control.t }
    /// The state at `time`.
    public var state: [S] { x }
    /// The start of the last accepted step.
    public var previousTime: S { control.tPrevious }

    /// Stages 2…s and the combination from `start` at time `time` with step `step`; k[0] must hold f there.
    mutating func combine(start: [S], time: S, step: S, into out: inout [S], error: Bool) {
        for i in 1..<stageCount {
            for j in nonzero[i] { ha[j].formProduct(step, a[i][j]) }
            for m in 0..<dimension {
                y[m].set(start[m])
                for j in nonzero[i] { y[m].addProduct(ha[j], k[j][m]) }
            }
            stageTime.set(time)
            stageTime.addProduct(c[i], step)
            rhs.evaluate(time: stageTime, state: y, into: &k[i])
            statistics.functionEvaluations += 1
        }
        for j in nonzeroB { hb[j].formProduct(step, b[j]) }
        for m in 0..<dimension {
            out[m].set(start[m])
            for j in nonzeroB { out[m].addProduct(hb[j], k[j][m]) }
        }
        if error, let d {
            for j in nonzeroD { hd[j].formProduct(step, d[j]) }
            for m in 0..<dimension {
                errorVector[m].set(norms.zero)
                for j in nonzeroD { errorVector[m].addProduct(hd[j], k[j][m]) }
            }
        }
    }

    /// Takes one accepted step toward `limit`.
    public mutating func step(toward limit: S) -> StepOutcome<S> {
        if !firstStageIsCurrent {
            rhs.evaluate(time: control.t, state: x, into: &k[0])
            statistics.functionEvaluations += 1
            firstStageIsCurrent = true
        }
        firstStageIsPrevious = false
        if let fixedStep = control.fixedStep { return takeFixedStep(fixedStep, limit: limit) }

        if control.h == nil {
            control.h = _initialStep(rhs: &rhs, t: control.t, x: x, f0: k[0], order: tableau.order,
                                     atol: control.atol, rtol: control.rtol, remaining: limit - control.t,
                                     maximumStep: control.hMax, evaluations: &statistics.functionEvaluations)
        }
        var rejections = 0
        while true {
            let (stepSize, end, underflow) = control.nextAdaptiveStep(limit: limit)
            if underflow { return .stepSizeUnderflow(stepSize: stepSize) }
            var out: [S] = []
            swap(&out, &xNew)  // exclusive access without copying
            combine(start: x, time: control.t, step: stepSize, into: &out, error: true)
            swap(&out, &xNew)
            let (ratio, norm) = norms.errorRatio(error: errorVector, x: x, xNew: xNew, atol: control.atol,
                                                 rtol: control.rtol)
            if control.control(step: stepSize, errorRatio: ratio) {
                accept(end: end, fixed: false)
                statistics.recordAcceptedStep(order: tableau.order)
                return .accepted(StepReport(stepSize: stepSize, order: tableau.order, localErrorEstimate: norm,
                                            rejections: rejections))
            }
            rejections += 1
            statistics.rejectedSteps += 1
        }
    }

    mutating func takeFixedStep(_ fixedStep: S, limit: S) -> StepOutcome<S> {
        let (stepSize, end) = control.nextFixedStep(fixedStep, limit: limit)
        if !(stepSize > S(0)) { return .stepSizeUnderflow(stepSize: stepSize) }
        var out: [S] = []
        swap(&out, &xNew)  // exclusive access without copying
        combine(start: x, time: control.t, step: stepSize, into: &out, error: d != nil)
        swap(&out, &xNew)
        var estimate: S?
        if d != nil {
            estimate = norms.errorRatio(error: errorVector, x: x, xNew: xNew, atol: control.atol,
                                        rtol: control.rtol).norm
        }
        accept(end: end, fixed: true)
        statistics.recordAcceptedStep(order: tableau.order)
        return .accepted(StepReport(stepSize: stepSize, order: tableau.order, localErrorEstimate: estimate,
                                    rejections: 0))
    }

    mutating func accept(end: S, fixed: Bool) {
        swap(&xPrevious, &x)
        swap(&x, &xNew)
        control.advance(to: end, fixed: fixed)
        firstStageIsCurrent = false
        firstStageIsPrevious = true
    }

    /// The solution at `time` in [`previousTime`, `time`], by re-stepping from the start of the last step.
    public mutating func denseState(at tau: S, into result: inout [S]) {
        statistics.denseOutputEvaluations += 1
        if tau == control.t { for m in 0..<dimension { result[m].set(x[m]) }; return }
        if tau == control.tPrevious { for m in 0..<dimension { result[m].set(xPrevious[m]) }; return }
        if !firstStageIsPrevious {
            rhs.evaluate(time: control.tPrevious, state: xPrevious, into: &k[0])
            statistics.functionEvaluations += 1
            firstStageIsPrevious = true
            firstStageIsCurrent = false
        }
        combine(start: xPrevious, time: control.tPrevious, step: tau - control.tPrevious, into: &result,
                error: false)
    }
}

/// An explicit Runge–Kutta method given by a `ButcherTableau` (any exact tableau; see `RungeKuttaFehlberg78` and
/// `ClassicalRungeKutta4` for the built-in ones).
public struct ExplicitRungeKutta: IntegrationMethod {
    /// The tableau.
    public var tableau: ButcherTableau

    /// The method of `tableau`.
    public init(tableau: ButcherTableau) { self.tableau = tableau }

    /// Adaptive steps need embedded weights.
    public var supportsAdaptiveSteps: Bool { tableau.embeddedWeights != nil }

    /// The tableau's name and order.
    public var description: String { "\(tableau.name) (order \(tableau.order))" }

    /// An `ExplicitRungeKuttaStepper` over a `TapeFieldEvaluator` (the traced field, preallocated).
    public func makeStepper<Field: VectorField, Scalar: IntegrationScalar>(
        field: Field, initialTime: Scalar, initialState: [Scalar], configuration: StepperConfiguration<Scalar>
    ) throws(IntegrationError) -> any Stepper<Scalar> {
        try ExplicitRungeKuttaStepper(
            tableau: tableau,
            rightHandSide: TapeFieldEvaluator<Field, Scalar>(field, precision: configuration.precision),
            time: initialTime, state: initialState, configuration: configuration)
    }
}

/// Fehlberg's 8(7) pair with exact rational coefficients, propagating the eighth-order solution, adaptive (PI
/// control) or fixed step. See `ButcherTableau.fehlberg78`.
public struct RungeKuttaFehlberg78: IntegrationMethod {
    /// The method.
    public init() {}
    /// Adaptive or fixed.
    public var supportsAdaptiveSteps: Bool { true }
    /// "Runge–Kutta–Fehlberg 8(7)".
    public var description: String { ButcherTableau.fehlberg78.name }
    /// An `ExplicitRungeKuttaStepper`.
    public func makeStepper<Field: VectorField, Scalar: IntegrationScalar>(
        field: Field, initialTime: Scalar, initialState: [Scalar], configuration: StepperConfiguration<Scalar>
    ) throws(IntegrationError) -> any Stepper<Scalar> {
        try ExplicitRungeKutta(tableau: .fehlberg78).makeStepper(
            field: field, initialTime: initialTime, initialState: initialState, configuration: configuration)
    }
}

/// The classical fourth-order Runge–Kutta method with a fixed step (a baseline; no error estimate).
public struct ClassicalRungeKutta4: IntegrationMethod {
    /// The method.
    public init() {}
    /// Fixed step only.
    public var supportsAdaptiveSteps: Bool { false }
    /// "classical Runge–Kutta 4".
    public var description: String { ButcherTableau.classicalRungeKutta4.name }
    /// An `ExplicitRungeKuttaStepper`.
    ///
    /// - Throws: `IntegrationError.fixedStepRequired` without `StepSizePolicy.fixed`.
    public func makeStepper<Field: VectorField, Scalar: IntegrationScalar>(
        field: Field, initialTime: Scalar, initialState: [Scalar], configuration: StepperConfiguration<Scalar>
    ) throws(IntegrationError) -> any Stepper<Scalar> {
        try ExplicitRungeKutta(tableau: .classicalRungeKutta4).makeStepper(
            field: field, initialTime: initialTime, initialState: initialState, configuration: configuration)
    }
}
