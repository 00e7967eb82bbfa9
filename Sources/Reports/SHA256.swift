/// SHA-256 (FIPS 180-4, §6.2), in plain Swift: the content hashes and report digests of `attest check --resume`.
///
/// The message is padded with a 1 bit, zeros and its length in bits (64-bit big-endian) to a multiple of 512 bits,
/// then each 512-bit block updates the eight 32-bit state words by 64 rounds of the compression function.
///
/// ```swift
/// SHA256.hex(Array("abc".utf8))    // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256: Sendable {
    /// The round constants K_0 … K_63: the first 32 bits of the fractional parts of the cube roots of the first 64
    /// primes.
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The state H_0 … H_7 (initially the first 32 bits of the fractional parts of the square roots of the first
    /// eight primes).
    private var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                   0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    /// Bytes not yet forming a whole block (the first `pendingCount` of 64).
    private var pending = [UInt8](repeating: 0, count: 64)
    /// How many bytes of `pending` are in use.
    private var pendingCount = 0
    /// The message length so far, in bytes.
    private var length: UInt64 = 0
    /// The message schedule W_0 … W_63, reused across blocks.
    private var schedule = [UInt32](repeating: 0, count: 64)

    /// An empty hash.
    public init() {}

    /// Appends `bytes` to the message (whole blocks straight from contiguous storage when there is one).
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            var index = 0
            while index < buffer.count {
                if pendingCount == 0 && buffer.count - index >= 64 {
                    compress(UnsafeBufferPointer(rebasing: buffer[index..<(index + 64)]))
                    index += 64
                } else {
                    pending[pendingCount] = buffer[index]
                    pendingCount += 1
                    index += 1
                    if pendingCount == 64 { compressPending() }
                }
            }
            length &+= UInt64(buffer.count)
        }
        guard done == nil else { return }
        for byte in bytes {
            pending[pendingCount] = byte
            pendingCount += 1
            length &+= 1
            if pendingCount == 64 { compressPending() }
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    public mutating func update(_ text: String) { update(text.utf8) }

    /// The 32-byte digest of the message (the hash itself is left unchanged).
    public func finalize() -> [UInt8] {
        var copy = self
        let bits = length &* 8
        // The tail: the pending bytes, a 1 bit, zeros up to 8 bytes short of a block boundary (one block or two),
        // then the length in bits, big-endian.
        var tail = Array(pending[0..<pendingCount]) + [0x80]
        tail += [UInt8](repeating: 0, count: (tail.count > 56 ? 120 : 56) - tail.count)
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        tail.withUnsafeBufferPointer { buffer in
            for start in stride(from: 0, to: buffer.count, by: 64) {
                copy.compress(UnsafeBufferPointer(rebasing: buffer[start..<(start + 64)]))
            }
        }
        return copy.state.flatMap { word in [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: word >> UInt32($0)) } }
    }

    /// The digest in lowercase hexadecimal (64 characters).
    public func hexDigest() -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: finalize().flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }

    /// The hexadecimal digest of `bytes`.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash = SHA256()
        hash.update(bytes)
        return hash.hexDigest()
    }

    /// The block in `pending` through the compression function.
    private mutating func compressPending() {
        let block = pending
        block.withUnsafeBufferPointer { compress($0) }
        pendingCount = 0
    }

    /// One 64-byte block through the compression function.
    private mutating func compress(_ block: UnsafeBufferPointer<UInt8>) {
        @inline(__always) func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
        for t in 0..<16 {
            let b0 = UInt32(block[4 * t]) << 24, b1 = UInt32(block[4 * t + 1]) << 16
            let b2 = UInt32(block[4 * t + 2]) << 8, b3 = UInt32(block[4 * t + 3])
            schedule[t] = b0 | b1 | b2 | b3
        }
        for t in 16..<64 {
            let s0 = rotr(schedule[t - 15], 7) ^ rotr(schedule[t - 15], 18) ^ (schedule[t - 15] >> 3)
            let s1 = rotr(schedule[t - 2], 17) ^ rotr(schedule[t - 2], 19) ^ (schedule[t - 2] >> 10)
            schedule[t] = schedule[t - 16] &+ s0 &+ schedule[t - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        for t in 0..<64 {
            let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ Self.k[t] &+ schedule[t]
            let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        for (i, word) in [a, b, c, d, e, f, g, h].enumerated() { state[i] = state[i] &+ word }
    }
}
