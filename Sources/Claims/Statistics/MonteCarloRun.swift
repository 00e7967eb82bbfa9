import MultiPrecision

/// One realization of a Monte Carlo run: the per-seed quantity X at the working precision, as the exact value of
/// its binary representation, and a bound on its numerical error.
public struct SeedMeasurement: Sendable, Equatable {
    /// The seed (replay it as a pathwise instance).
    public var seed: UInt64
    /// X at the working precision p, exactly as computed; nil when the run diverged (a non-finite X).
    public var value: Rational?
    /// κ·max(|X_p − X_{p+g}|, |X_p|·2^−p): the error estimate of the two precisions, times the verdict rule's
    /// safety factor κ, so that "decided" means the same as for every other margin.
    public var error: Rational

    /// A measurement.
    public init(seed: UInt64, value: Rational?, error: Rational) {
        self.seed = seed
        self.value = value
        self.error = error
    }
}

/// Runs a per-seed computation over the seeds of a statistical claim, each at two precisions (p and p + g), so
/// that every realization carries its own error estimate. Seeds are independent draw sites of the counter-based
/// generator: the results are the same under any `--jobs` and in any order.
public enum MonteCarloRun {
    /// Measures X(seed) for every seed; `evaluate` computes at the task-local precision (already set).
    public static func measure(seeds: [UInt64], precision: Int, guardBits: Int, context: EvaluationContext,
                               _ evaluate: (UInt64) throws -> BigFloat) throws -> [SeedMeasurement] {
        try seeds.map { seed in
            try context.checkpoint()
            let working = try withPrecision(precision) { try evaluate(seed) }
            let reference = try withPrecision(precision + guardBits) { try evaluate(seed) }
            guard working.isFinite, let value = Rational(exactly: working) else {
                return SeedMeasurement(seed: seed, value: nil, error: 0)
            }
            let referenceValue = Rational(exactly: reference) ?? value
            let difference = value - referenceValue
            let magnitude = value < 0 ? -value : value
            let unit = magnitude * Rational(numerator: 1, denominator: BigInt(1) << precision)
            let estimate = max(difference < 0 ? -difference : difference, unit)
            let diverged = !reference.isFinite
            return SeedMeasurement(seed: seed, value: diverged ? nil : value,
                                   error: estimate * Rational(VerdictRule.safetyFactor))
        }
    }
}
