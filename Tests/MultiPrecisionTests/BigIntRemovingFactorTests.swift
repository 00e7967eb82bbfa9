import Testing
import MultiPrecision

/// `BigInt.removingFactor`: self = q · pᵏ with p ∤ q, fast for large k (issue 21: decimal printing of 1e-200000
/// divided by 2 and 5 one at a time, quadratically).
@Suite("BigInt.removingFactor")
struct BigIntRemovingFactorTests {
    @Test("Small cases against the definition", arguments: [(360, 2, 45, 3), (360, 3, 40, 2), (360, 5, 72, 1),
                                                            (360, 7, 360, 0), (-250, 5, -2, 3), (1, 2, 1, 0)])
    func small(value: Int, factor: Int, quotient: Int, count: Int) {
        let (q, k) = BigInt(value).removingFactor(BigInt(factor))
        #expect(q == BigInt(quotient) && k == count)
    }

    @Test("10^200000 · 3 gives (3, 200000) for 10, and the count of 2 and 5, within a second")
    func large() {
        let clock = ContinuousClock(), began = clock.now
        let n = BigInt(10).power(200_000) * BigInt(3)
        let (q, k) = n.removingFactor(BigInt(10))
        #expect(q == BigInt(3) && k == 200_000)
        let (odd, twos) = n.removingFactor(BigInt(2))
        #expect(twos == 200_000 && odd.removingFactor(BigInt(5)) == (BigInt(3), 200_000))
        #expect(clock.now - began < .seconds(5))
    }

    @Test("Zero gives (0, 0)")
    func zero() {
        #expect(BigInt(0).removingFactor(BigInt(3)) == (BigInt(0), 0))
    }
}
