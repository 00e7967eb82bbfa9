import Foundation

/// A proportional–integral step-size controller (Gustafsson; Hairer–Wanner, Solving ODEs II, §IV.2).
///
/// The error ratio `err` (estimate ÷ tolerance, max norm; ≤ 1 accepts) is a `Double`: it is a ratio of two tiny
/// numbers and is of order 1 wherever it matters, so its exponent fits even at thousands of bits.
///
///     accepted:  h ← h · clamp(0.9 · err^(−0.7/k) · errₚ^(0.4/k), 0.2, 5)     (errₚ: the last accepted ratio)
///     rejected:  h ← h · clamp(0.9 · err^(−1/k), 0.2, 1)
///
/// with k the order of the error estimate plus one. After a rejection the next accepted step may not grow.
public struct PIStepSizeController: Sendable, Equatable {
    /// k: the power of h in the local error estimate.
    public var errorExponent: Int
    /// The safety factor (0.9).
    public var safety = 0.9
    /// The smallest factor per step (0.2).
    public var minimumFactor = 0.2
    /// The largest factor per step (5).
    public var maximumFactor = 5.0
    /// The error ratio of the last accepted step (starts at 10⁻⁴, which makes the first update a plain
    /// proportional one).
    public var previousRatio = 1e-4
    /// Whether the last trial step was rejected.
    public var lastWasRejected = false

    /// A controller for an error estimate of order O(h^`errorExponent`).
    public init(errorExponent: Int) {
        self.errorExponent = Swift.max(errorExponent, 1)
    }

    /// Whether a step with error ratio `ratio` is accepted (NaN is rejected).
    public func accepts(_ ratio: Double) -> Bool { ratio <= 1 }

    /// The factor for the next step after a step with error ratio `ratio`, and records the outcome.
    public mutating func factor(after ratio: Double) -> Double {
        let k = Double(errorExponent)
        guard ratio.isFinite else { lastWasRejected = true; return minimumFactor }
        let r = Swift.max(ratio, 1e-300)
        if accepts(ratio) {
            var f = safety * Foundation.pow(r, -0.7 / k) * Foundation.pow(previousRatio, 0.4 / k)
            f = Swift.min(Swift.max(f, minimumFactor), lastWasRejected ? 1 : maximumFactor)
            previousRatio = Swift.max(r, 1e-4)
            lastWasRejected = false
            return f
        } else {
            lastWasRejected = true
            return Swift.min(Swift.max(safety * Foundation.pow(r, -1 / k), minimumFactor), 1)
        }
    }
}
