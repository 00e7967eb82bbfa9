import CArb
import CMPFR
import Testing
@testable import MultiPrecision

/// MPFR is linked statically (`libmpfr.a`, Package.swift), while FLINT/Arb, a shared library, still lists
/// `libmpfr.so` among its dependencies. The executable defines and exports every MPFR function that FLINT calls, so
/// the dynamic loader binds FLINT's calls to the executable's MPFR: one set of thread-local flags and one exponent
/// range for `BigFloat` and `Ball`. A FLINT bound to the other copy would raise its flags in that copy, where
/// `BigFloat`'s MPFR never sees them; these tests would then fail.
@Suite("One MPFR instance for BigFloat and Ball")
struct MPFRInstanceTests {
    @Test("Arb's rounding of a 300-bit midpoint to 53 bits (inside FLINT) raises BigFloat's MPFR inexact flag")
    func flintRaisesOurInexactFlag() {
        let third = Ball(Rational(numerator: 1, denominator: 3), precision: 300)
        var rounded = BigFloat(precision: 53)
        mpfr_clear_flags()
        #expect(mpfr_inexflag_p() == 0)
        rounded.withUnsafeMutableMPFRPointer { m in third.withUnsafeArbPointer { carb_get_mid_mpfr(m, $0, MPFR_RNDN) } }
        #expect(mpfr_inexflag_p() != 0, "FLINT's mpfr_set_z_2exp ran in another MPFR instance")
        // The value itself: 1/3 rounded to 53 bits is the Double nearest 1/3.
        #expect(rounded.doubleValue == 1.0 / 3.0)
        mpfr_clear_flags()
    }

    @Test("An exact conversion (1/4 at 53 bits) leaves the flag clear: the flag above is FLINT's rounding")
    func exactConversionLeavesFlagClear() {
        let quarter = Ball(Rational(numerator: 1, denominator: 4), precision: 300)
        var converted = BigFloat(precision: 53)
        mpfr_clear_flags()
        converted.withUnsafeMutableMPFRPointer { m in quarter.withUnsafeArbPointer { carb_get_mid_mpfr(m, $0, MPFR_RNDN) } }
        #expect(mpfr_inexflag_p() == 0)
        #expect(converted.doubleValue == 0.25)
    }

    @Test("Ball and BigFloat agree on e at 256 bits: exp(1) in balls contains BigFloat's exp(1)")
    func ballContainsBigFloat() {
        withPrecision(256) {
            let ball = Ball.exp(Ball(1))
            let float = BigFloat.exp(BigFloat(1, precision: 256))
            #expect(ball.contains(float))
            #expect(ball.radius < BigFloat(Rational(numerator: 1, denominator: BigInt(1) << 250), precision: 64))
        }
    }
}
