import Foundation

/// The precisions at which the Taylor coefficients of each order are computed (tapering: coefficient k enters a step with weight ≈ e^{−2k}, so it needs ≈ 2.9k fewer bits; docs/benchmarks.md).
///
/// Coefficient k enters a step as x_k·hᵏ with h = ρ·e^(−2 − 0.7/(p−1)), so its weight relative to x₀ is about
/// e^(−2k): it needs only about `bits − 2.885·k` bits, plus guard bits. Orders are grouped into a few levels
/// whose precisions sit just below a limb boundary (63, 127, 191 bits: MPFR's one-, two- and three-limb fast
/// paths for operands of equal precision), then whole limbs (256, 320, …) up to the working precision. Every
/// operand of an order-k recurrence is read at the level of order k, so all operations of a level have operands of
/// one precision.
struct TaylorPrecisionLevels: Sendable, Equatable {
    /// Guard bits above the weight estimate, for coefficients that are larger than ρ⁻ᵏ·N (a margin of 2³², about
    /// e²²) and for the cancellation in the Cauchy sums.
    static let guardBits = 32.0

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
    init(bits: Int, log2Tolerance: Double, order: Int, tapering: Bool, extraGuardBits: Double = 0) {
        var precisions = [bits]
        if tapering {
            // Limb counts n, 3n/4, n/2, 3n/8, n/4, …, then 3, 2, 1: at most about eight levels at any precision.
            let n = (bits + 63) / 64
            var counts = Set([3, 2, 1])
            var c = Double(n)
            while c >= 4 {
                counts.insert(Int(c.rounded()))
                counts.insert(Int((c * 0.75).rounded()))
                c /= 2
            }
            for l in counts.sorted(by: >) {
                let p = l >= 4 ? 64 * l : 64 * l - 1
                if p < precisions.last! { precisions.append(p) }
            }
        }
        self.extraGuardBits = extraGuardBits
        let effectiveBits = min(Double(bits), -log2Tolerance) + extraGuardBits
        let weightPerOrder = Self.weightPerOrder
        var levels: [Int] = []
        var level = 0
        for k in 0...order {
            let needed = effectiveBits + Self.guardBits - weightPerOrder * Double(k)
            while k > 0, level + 1 < precisions.count, Double(precisions[level + 1]) >= needed { level += 1 }
            levels.append(level)
        }
        self.precisions = precisions
        levelOfOrder = levels
    }

    /// Bits added to every order's need (see `init`).
    let extraGuardBits: Double

    /// The number of levels.
    var count: Int { precisions.count }
}
