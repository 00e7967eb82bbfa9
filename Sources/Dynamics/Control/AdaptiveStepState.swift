import MultiPrecision

/// The step-control state that the Runge–Kutta steppers (explicit and Gauss–Legendre) share: the time of the last
/// accepted step and of the one before, the fixed step or the next adaptive trial step, the tolerances, the step
/// bounds and the PI controller.
///
/// It decides where the next step ends (fixed grid t₀ + k·h, or the adaptive trial clamped to `hMax` and landed on
/// the limit by `_landing`), updates the trial step from an error ratio, and advances the time after an accepted
/// step. It never touches the state vectors: the stepper owns those.
struct AdaptiveStepState<S: IntegrationScalar> {
    /// The end of the last accepted step.
    var t: S
    /// The start of the last accepted step.
    var tPrevious: S
    /// The initial time (the fixed-step grid is t₀ + k·h, so that rounding does not accumulate in t).
    let t0: S
    /// The next adaptive trial step, or `nil` until the stepper has chosen the first one.
    var h: S?
    /// The fixed step, or `nil` for adaptive steps.
    let fixedStep: S?
    /// Fixed steps taken so far.
    var fixedIndex = 0
    /// The absolute tolerance.
    let atol: S
    /// The relative tolerance.
    let rtol: S
    /// Smaller steps are step-size underflow.
    let hMin: S
    /// The largest step, or `nil`.
    let hMax: S?
    /// The PI controller of the adaptive steps.
    var controller: PIStepSizeController

    /// The state at `time` for `configuration`, with a controller for an error estimate of order
    /// O(h^`errorExponent`).
    init(time: S, configuration: StepperConfiguration<S>, errorExponent: Int) {
        t = time
        tPrevious = time
        t0 = time
        fixedStep = configuration.fixedStep
        h = configuration.initialStep
        atol = configuration.absoluteTolerance
        rtol = configuration.relativeTolerance
        hMax = configuration.maximumStep
        hMin = _minimumStep(precision: configuration.precision, t0: time, t1: configuration.horizonEnd,
                            minimumStep: configuration.minimumStep)
        controller = PIStepSizeController(errorExponent: errorExponent)
    }

    /// The next fixed step toward `limit`: it ends on the grid t₀ + (k+1)·h, or on `limit` when that is within
    /// h/1024. The step is `end − t`; it is not positive when no step is possible (underflow).
    func nextFixedStep(_ fixedStep: S, limit: S) -> (step: S, end: S) {
        var end = t0 + S(fixedIndex + 1) * fixedStep
        if end >= limit - fixedStep / S(1024) { end = limit }
        return (end - t, end)
    }

    /// The next adaptive trial step toward `limit` (the trial step `h`, which must be set, clamped to `hMax` and
    /// landed by `_landing`), and whether it is below `hMin` or too small to move t (underflow).
    func nextAdaptiveStep(limit: S) -> (step: S, end: S, underflow: Bool) {
        var trial = h!
        if let hMax, trial > hMax { trial = hMax }
        let (step, end, _) = _landing(from: t, step: trial, limit: limit)
        return (step, end, step < hMin || end == t)
    }

    /// Updates the trial step from the error ratio of a trial step of size `step`, and returns whether that step is
    /// accepted.
    mutating func control(step: S, errorRatio ratio: Double) -> Bool {
        let factor = controller.factor(after: ratio)
        h = step * S(Rational(factor))
        return controller.accepts(ratio)
    }

    /// Moves the time to the end of an accepted step (counting it on the fixed grid when `fixed`).
    mutating func advance(to end: S, fixed: Bool) {
        if fixed { fixedIndex += 1 }
        tPrevious = t
        t = end
    }
}
