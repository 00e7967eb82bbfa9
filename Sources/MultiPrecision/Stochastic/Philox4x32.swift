/// The Philox-4×32-10 block function (Salmon, Moraes, Dror, Shaw, "Parallel random numbers: as easy as 1, 2, 3",
/// SC'11): a keyed bijection of 128-bit counters, built from ten rounds of a Feistel-like network of 32 × 32 → 64-bit
/// products. Each round maps (c₀, c₁, c₂, c₃) to
///
///     (hi(M₁c₂) ⊕ c₁ ⊕ k₀,  lo(M₁c₂),  hi(M₀c₀) ⊕ c₃ ⊕ k₁,  lo(M₀c₀))
///
/// with M₀ = 0xD2511F53, M₁ = 0xCD9E8D57, and the key is bumped by the Weyl constants (0x9E3779B9, 0xBB67AE85)
/// between rounds. The output for a counter depends on nothing else: no state, no order of evaluation.
///
/// ```swift
/// Philox4x32.block(counter: (0, 0, 0, 0), key: (0, 0))   // (0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8)
/// ```
public enum Philox4x32 {
    /// Four 32-bit words: a counter or an output block.
    public typealias Block = (UInt32, UInt32, UInt32, UInt32)

    /// The round multipliers M₀, M₁ and the key increments (the published constants).
    static let m0: UInt32 = 0xD251_1F53, m1: UInt32 = 0xCD9E_8D57
    static let w0: UInt32 = 0x9E37_79B9, w1: UInt32 = 0xBB67_AE85

    /// The ten-round output for `counter` under `key`.
    public static func block(counter: Block, key: (UInt32, UInt32)) -> Block {
        var c = counter
        var k = key
        for round in 0..<10 {
            if round > 0 {
                k.0 &+= w0
                k.1 &+= w1
            }
            let p0 = UInt64(m0) &* UInt64(c.0), p1 = UInt64(m1) &* UInt64(c.2)
            c = (UInt32(truncatingIfNeeded: p1 >> 32) ^ c.1 ^ k.0, UInt32(truncatingIfNeeded: p1),
                 UInt32(truncatingIfNeeded: p0 >> 32) ^ c.3 ^ k.1, UInt32(truncatingIfNeeded: p0))
        }
        return c
    }
}
