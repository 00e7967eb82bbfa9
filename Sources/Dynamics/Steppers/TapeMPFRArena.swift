import CMPFR
import MultiPrecision

/// The `BigFloat` evaluation of a `TapeCode`: every slot an `mpfr_t` at the working precision, all headers in one
/// array and all significands in one limb buffer (MPFR's custom interface), and one concrete loop over the
/// instructions, so that an evaluation allocates nothing and runs no generic code.
///
/// A reference type (the buffers are freed together in `deinit`, never through `mpfr_clear`); `TapeFieldEvaluator`
/// copies it before a write when it is shared, so the evaluator keeps value semantics.
final class TapeMPFRArena {
    let code: TapeCode
    /// The working precision in bits.
    let precision: Int
    private let headers: UnsafeMutablePointer<__mpfr_struct>
    private let limbs: UnsafeMutablePointer<mp_limb_t>
    private let body: UnsafeMutableBufferPointer<TapeCode.Instruction>

    /// Slots for `code` at `precision` bits, with its constants and constant nodes set.
    init(_ code: TapeCode, precision: Int) {
        self.code = code
        self.precision = precision
        let count = max(code.slotCount, 1)
        let limbsPerSlot = (Int(cmpfr_custom_get_size(precision)) + MemoryLayout<mp_limb_t>.size - 1)
            / MemoryLayout<mp_limb_t>.size
        headers = .allocate(capacity: count)
        limbs = .allocate(capacity: count * limbsPerSlot)
        limbs.initialize(repeating: 0, count: count * limbsPerSlot)
        for slot in 0..<count {
            let significand = UnsafeMutableRawPointer(limbs + slot * limbsPerSlot)
            cmpfr_custom_init(significand, precision)
            (headers + slot).initialize(to: __mpfr_struct())
            cmpfr_custom_init_set_zero(headers + slot, precision, significand)
        }
        body = .allocate(capacity: code.body.count)
        _ = body.initialize(from: code.body)
        withPrecision(precision) {
            for (slot, value) in code.constants {
                BigFloat(value).withUnsafeMPFRPointer { _ = mpfr_set(headers + slot, $0, MPFR_RNDN) }
            }
        }
        code.setup.withUnsafeBufferPointer { run($0) }
    }

    /// A copy with the same slot values.
    func copy() -> TapeMPFRArena {
        let result = TapeMPFRArena(code, precision: precision)
        for slot in 0..<code.slotCount { mpfr_set(result.headers + slot, headers + slot, MPFR_RNDN) }
        return result
    }

    deinit {
        headers.deallocate()
        limbs.deallocate()
        body.deallocate()
    }

    /// Writes f(`time`, `state`) into `derivative` (each rounded to its own precision).
    func evaluate(time: BigFloat, state: UnsafeBufferPointer<BigFloat>,
                  into derivative: UnsafeMutableBufferPointer<BigFloat>) {
        for (s, slot) in code.stateSlots.enumerated() {
            state[s].withUnsafeMPFRPointer { _ = mpfr_set(headers + slot, $0, MPFR_RNDN) }
        }
        if let t = code.timeSlot { time.withUnsafeMPFRPointer { _ = mpfr_set(headers + t, $0, MPFR_RNDN) } }
        run(UnsafeBufferPointer(body))
        for (i, slot) in code.outputSlots.enumerated() {
            derivative[i].withUnsafeMutableMPFRPointer { _ = mpfr_set($0, headers + slot, MPFR_RNDN) }
        }
    }

    /// Runs `instructions` over the slots.
    private func run(_ instructions: UnsafeBufferPointer<TapeCode.Instruction>) {
        let v = headers
        for instruction in instructions {
            let r = v + instruction.result, a = v + instruction.a
            switch instruction.operation {
            case .copy: mpfr_set(r, a, MPFR_RNDN)
            case .negate: mpfr_neg(r, a, MPFR_RNDN)
            case .positiveZero: if cmpfr_zero_p(r) != 0 { mpfr_set_zero(r, 1) }
            case .zero: mpfr_set_zero(r, 1)
            case .add: mpfr_add(r, a, v + instruction.b, MPFR_RNDN)
            case .subtract: mpfr_sub(r, a, v + instruction.b, MPFR_RNDN)
            case .multiply: mpfr_mul(r, a, v + instruction.b, MPFR_RNDN)
            case .divide: mpfr_div(r, a, v + instruction.b, MPFR_RNDN)
            case .exp: mpfr_exp(r, a, MPFR_RNDN)
            case .log: mpfr_log(r, a, MPFR_RNDN)
            case .sqrt: mpfr_sqrt(r, a, MPFR_RNDN)
            case .powerInteger: mpfr_pow_si(r, a, instruction.b, MPFR_RNDN)
            case .power: mpfr_powr(r, a, v + instruction.b, MPFR_RNDN)
            }
        }
    }
}
