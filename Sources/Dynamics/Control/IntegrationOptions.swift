import MultiPrecision

/// What the user asks of an integration: precision, tolerances, step policy, budgets and limits.
///
/// Every number is exact (a `Rational`) and rounded once at the working precision when the run starts.
///
/// ```swift
/// var options = IntegrationOptions(precision: 256)          // tolerances default to 2^-(256-10)
/// options.stepSize = .fixed(Rational(1, 16))
/// options.maximumSteps = 10_000
/// options.timeLimit = .seconds(30)
/// ```
public struct IntegrationOptions: Sendable {
    /// The working precision in bits. `nil` means the scalar's own: 53 for `Double`, `Precision.current` for
    /// `BigFloat`. `Double` accepts only 53.
    public var precision: Int?
    /// The relative tolerance of the local error control; default 2^−(p−10).
    public var relativeTolerance: Rational?
    /// The absolute tolerance of the local error control; default 2^−(p−10).
    public var absoluteTolerance: Rational?
    /// Adaptive (default) or fixed steps.
    public var stepSize: StepSizePolicy = .adaptive
    /// The first trial step of an adaptive run (`nil`: chosen from the field at t₀).
    public var initialStep: Rational?
    /// The largest step an adaptive run may take (`nil`: the whole horizon).
    public var maximumStep: Rational?
    /// Steps smaller than this count as step-size underflow (`nil`: 16 units of roundoff relative to
    /// max(|t₀|, |t₁|); an explicit value raises that floor, never lowers it).
    public var minimumStep: Rational?
    /// The most accepted steps before the run ends with `.stepBudgetExhausted` (default 1,000,000).
    public var maximumSteps: Int = 1_000_000
    /// The most wall time before the run ends with `.timeBudgetExhausted` (`nil`: no limit; the step budget
    /// still applies). Checked before every step: a step in progress is never interrupted.
    public var timeLimit: Duration?
    /// The run ends with `.diverged` as soon as the max norm of the state exceeds this (default 2^40 ≈ 1.1e12,
    /// far beyond the state of any learning dynamics, and reached before the steps of a finite-time blow-up
    /// underflow, even at 53 bits).
    public var normLimit: Rational = Rational(numerator: BigInt(1) << 40, denominator: 1)
    /// Which points of the trajectory to keep in the result (default none).
    public var recording: TrajectoryRecording = .none

    /// Options at `precision` bits (or the scalar's own), with every other setting at its default.
    public init(precision: Int? = nil) {
        self.precision = precision
    }

    /// Both tolerances.
    public var tolerance: Rational? {
        get { relativeTolerance }
        set { relativeTolerance = newValue; absoluteTolerance = newValue }
    }
}
