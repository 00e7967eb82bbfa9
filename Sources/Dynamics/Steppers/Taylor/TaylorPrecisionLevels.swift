import Foundation

/// The precisions at which the Taylor coefficients of each order are computed (tapering: coefficient k enters a step with weight ≈ e^{−2k}, so it needs ≈ 2.9k fewer bits; docs/benchmarks.md).
///
/// Coefficient k enters a step as x_k·hᵏ with h = ρ·e^(−2 − 0.7/(p−1)), so its weight relative to x₀ is about
/// e^(−2k): it needs only about `bits − 2.885·k` bits, plus guard bits. Orders are grouped into levels whose
/// precisions sit just below a limb boundary (63, 127, 191 bits: MPFR's one-, two- and three-limb fast paths for
/// operands of equal precision), then whole limbs (256, 320, …) up to the working precision: by default one level
/// per limb count up to 8 limbs (every multiple of n/8 limbs above), so that each order works with the fewest limbs
/// its need allows. Every operand of an order-k recurrence is read at the level of order k, so all operations of a
/// level have operands of one precision.
///
/// The estimate is tight on P1a of docs/benchmark-problems.md: over its 92 steps at 256 bits, max_k of
/// log₂(‖x_k‖hᵏ/N) + 2.885k stays within −3.5 … +0.6 bits, so a per-order level read from the coefficients'
/// magnitudes would save at most one order's worth of bits; the schedule keeps the a-priori estimate.
///
/// Below the one-limb level sits a 53-bit level, computed in hardware `Double` (`doubleLevel`, see `TaylorEngine`):
/// the orders whose need is at most 53 bits (at 256 bits with 32 guard bits, k ≥ 82 of 90).
struct TaylorPrecisionLevels: Sendable, Equatable {
    /// Guard bits above the weight estimate, for coefficients that are larger than ρ⁻ᵏ·N (up to the 8 bits at
    /// which `TaylorSeriesCore` redoes a step) and for the rounding and cancellation in the Cauchy sums.
    static let defaultGuardBits = 32.0

    /// log₂ e² ≈ 2.885: the bits of weight lost per order.
    static let weightPerOrder = 2 / M_LN2

    /// The precision of each level in bits, finest first; level 0 is the working precision.
    let precisions: [Int]
    /// The level of each order k = 0 … order (non-decreasing; order 0 is always at level 0).
    let levelOfOrder: [Int]

    /// The levels for a run at `bits` with tolerance 2^`log2Tolerance` and the given order.
    /// - Parameters:
    ///   - tapering: `false` computes every order at the working precision.
    ///   - extraGuardBits: bits added to every order's need, when a step showed coefficients larger than the
    ///     weight estimate assumes (entire functions, whose last coefficients overestimate the radius).
    ///   - guardBits: bits above the weight estimate at every order.
    ///   - everyLimbCount: one level per limb count (multiples of n/8 limbs above 8 limbs); `false` gives the
    ///     sparser levels n, 3n/4, n/2, 3n/8, … limbs used before (at 512 bits 8, 6, 4, 3, 2, 1 limbs instead of
    ///     8, 7, …, 1; the same levels at 256 bits).
    ///   - hardwareDouble: a last level of 53 bits, below the one-limb level, that the engine computes in `Double`.
    init(bits: Int, log2Tolerance: Double, order: Int, tapering: Bool, extraGuardBits: Double = 0,
         guardBits: Double = Self.defaultGuardBits, everyLimbCount: Bool = true, hardwareDouble: Bool = true) {
        var precisions = [bits]
        if tapering {
            let n = (bits + 63) / 64
            var counts = Set([3, 2, 1])
            if everyLimbCount {
                // n, n − s, n − 2s, … above 4 limbs with s = max(1, n/8), then 4, 3, 2, 1.
                let stride = max(1, n / 8)
                var c = n
                while c > 4 {
                    counts.insert(c)
                    c -= stride
                }
                if n >= 4 { counts.insert(4) }
            } else {
                // Limb counts n, 3n/4, n/2, 3n/8, n/4, …, then 3, 2, 1.
                var c = Double(n)
                while c >= 4 {
                    counts.insert(Int(c.rounded()))
                    counts.insert(Int((c * 0.75).rounded()))
                    c /= 2
                }
            }
            for l in counts.sorted(by: >) {
                let p = l >= 4 ? 64 * l : 64 * l - 1
                if p < precisions.last! { precisions.append(p) }
            }
            if hardwareDouble && Self.doublePrecision < precisions.last! { precisions.append(Self.doublePrecision) }
        }
        doubleLevel = tapering && hardwareDouble && precisions.count > 1 && precisions.last == Self.doublePrecision
            ? precisions.count - 1 : nil
        self.extraGuardBits = extraGuardBits
        self.guardBits = guardBits
        self.everyLimbCount = everyLimbCount
        self.hardwareDouble = hardwareDouble
        let effectiveBits = min(Double(bits), -log2Tolerance) + extraGuardBits
        let weightPerOrder = Self.weightPerOrder
        var levels: [Int] = []
        var level = 0
        for k in 0...order {
            let needed = effectiveBits + guardBits - weightPerOrder * Double(k)
            while k > 0, level + 1 < precisions.count, Double(precisions[level + 1]) >= needed { level += 1 }
            levels.append(level)
        }
        self.precisions = precisions
        levelOfOrder = levels
    }

    /// Bits added to every order's need (see `init`).
    let extraGuardBits: Double
    /// Bits above the weight estimate at every order (see `init`).
    let guardBits: Double
    /// Whether there is a level per limb count (see `init`).
    let everyLimbCount: Bool
    /// Whether a 53-bit level computed in hardware `Double` was asked for (see `init`).
    let hardwareDouble: Bool
    /// The 53-bit level computed in hardware `Double`, if any (always the last level).
    let doubleLevel: Int?

    /// The precision of the hardware `Double` level: `Double`'s significand.
    static let doublePrecision = Double.significandBitCount + 1

    /// The number of levels.
    var count: Int { precisions.count }
}
