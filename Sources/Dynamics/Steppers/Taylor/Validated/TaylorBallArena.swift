import CArb
import CMPFR
import Foundation
import MultiPrecision

/// `TaylorArithmetic` over one preallocated vector of Arb balls (`arb_t`): the Taylor recurrences of a traced field
/// in ball arithmetic, so that every coefficient comes with a rigorous enclosure of its rounding errors (and of the
/// spread of its inputs, when the state is a ball of positive radius).
///
/// All operations round at one precision (`bits`); Arb grows a midpoint's limbs on first use and reuses them
/// afterwards, so a pass over the tape allocates nothing once the arena has been through one step. The scalar at
/// the boundary (`Value`) is the midpoint as a `BigFloat`; the validated step reads and writes whole balls through
/// `pointer(_:)`.
final class TaylorBallArena: TaylorArithmetic {
    private let slots: UnsafeMutablePointer<arb_struct>
    /// The number of slots.
    let count: Int
    /// The working precision in bits.
    let bits: Int
    /// A 64-bit number for magnitudes.
    private var scratch = BigFloat(precision: 64)

    /// An arena of `count` balls, all exactly 0, working at `bits` bits.
    init(count: Int, bits: Int) {
        self.count = count
        self.bits = bits
        slots = _arb_vec_init(max(count, 1))
    }

    deinit { _arb_vec_clear(slots, max(count, 1)) }

    /// The `arb_t` of slot `a` (valid for the arena's lifetime).
    @inline(__always) func pointer(_ a: Int) -> UnsafeMutablePointer<arb_struct> { slots + a }

    @inline(__always) func setZero(_ r: Int) { arb_zero(slots + r) }
    @inline(__always) func set(_ r: Int, _ a: Int) { arb_set(slots + r, slots + a) }
    @inline(__always) func add(_ r: Int, _ a: Int, _ b: Int) { arb_add(slots + r, slots + a, slots + b, bits) }
    @inline(__always) func subtract(_ r: Int, _ a: Int, _ b: Int) { arb_sub(slots + r, slots + a, slots + b, bits) }
    @inline(__always) func multiply(_ r: Int, _ a: Int, _ b: Int) { arb_mul(slots + r, slots + a, slots + b, bits) }
    @inline(__always) func divide(_ r: Int, _ a: Int, _ b: Int) { arb_div(slots + r, slots + a, slots + b, bits) }
    @inline(__always) func multiply(_ r: Int, _ a: Int, integer n: Int) { arb_mul_si(slots + r, slots + a, n, bits) }
    @inline(__always) func divide(_ r: Int, _ a: Int, integer n: Int) { arb_div_si(slots + r, slots + a, n, bits) }
    @inline(__always) func subtract(_ r: Int, _ a: Int, integer n: Int) { arb_sub_si(slots + r, slots + a, n, bits) }
    @inline(__always) func negate(_ r: Int, _ a: Int) { arb_neg(slots + r, slots + a) }
    func exp(_ r: Int, _ a: Int) { arb_exp(slots + r, slots + a, bits) }
    func log(_ r: Int, _ a: Int) { arb_log(slots + r, slots + a, bits) }
    func sqrt(_ r: Int, _ a: Int) { arb_sqrt(slots + r, slots + a, bits) }
    func power(_ r: Int, _ a: Int, _ b: Int) { arb_pow(slots + r, slots + a, slots + b, bits) }
    /// r = a ball containing q.
    func set(_ r: Int, rational q: Rational) { q.withUnsafeMPQPointer { carb_set_mpq(slots + r, $0, bits) } }
    /// r = the exact value of a `BigFloat` (radius 0).
    func set(_ r: Int, value: BigFloat) { value.withUnsafeMPFRPointer { carb_set_mpfr(slots + r, $0) } }
    func set(_ r: Int, double x: Double) { arb_set_d(slots + r, x) }
    func set(_ r: Int, powerOfTwo e: Double) {
        guard e.isFinite else {
            if e > 0 { arb_pos_inf(slots + r) } else { arb_zero(slots + r) }
            return
        }
        let whole = e.rounded(.down)
        arb_set_d(slots + r, Foundation.exp2(e - whole))
        arb_mul_2exp_si(slots + r, slots + r, Int(whole))
    }
    /// The midpoint of slot a.
    func value(_ a: Int) -> BigFloat {
        var result = BigFloat(precision: bits)
        result.withUnsafeMutableMPFRPointer { _arbMidpoint($0, slots + a) }
        return result
    }
    /// Writes the midpoint of slot a into `value`.
    func store(_ a: Int, into value: inout BigFloat) {
        value.withUnsafeMutableMPFRPointer { _arbMidpoint($0, slots + a) }
    }
    /// The sign of mid(a) − mid(b) (for step-size heuristics only; never for a verdict).
    func compare(_ a: Int, _ b: Int) -> Int {
        Int(arf_cmp(carb_midref(slots + a), carb_midref(slots + b)).signum())
    }
    /// log₂|mid(a)| (through a 64-bit scratch number; for step-size heuristics and norms).
    func log2Magnitude(_ a: Int) -> Double {
        if arb_is_finite(slots + a) == 0 { return .infinity }
        scratch.withUnsafeMutableMPFRPointer { _arbMidpoint($0, slots + a) }
        return scratch.withUnsafeMPFRPointer { _log2Magnitude($0) }
    }
    @inline(__always) func isFinite(_ a: Int) -> Bool { arb_is_finite(slots + a) != 0 }

    /// log₂ of slot a's radius (−∞ for an exact ball).
    func log2Radius(_ a: Int) -> Double { _arbLog2Radius(slots + a) }

    /// The ball of slot a as midpoint and radius (the radius rounded up).
    func enclosure(_ a: Int) -> BallEnclosure {
        var mid = BigFloat(precision: bits)
        var rad = BigFloat(precision: 64)
        mid.withUnsafeMutableMPFRPointer { _arbMidpoint($0, slots + a) }
        rad.withUnsafeMutableMPFRPointer { _arbRadius($0, slots + a) }
        return BallEnclosure(midpoint: mid, radius: rad)
    }
}
