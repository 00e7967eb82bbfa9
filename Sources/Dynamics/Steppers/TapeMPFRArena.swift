import CMPFR
import MultiPrecision

/// The `BigFloat` evaluation of a `TapeCode`: every slot an `mpfr_t` at the working precision in one
/// `TaylorMPFRArena` (headers in one array, significands in one limb buffer), and one concrete loop over the
/// instructions, so that an evaluation allocates nothing and runs no generic code.
///
/// A reference type; `TapeFieldEvaluator` copies it before a write when it is shared, so the evaluator keeps value
/// semantics.
final class TapeMPFRArena {
    let code: TapeCode
    /// The working precision in bits.
    let precision: Int
    private let slots: TaylorMPFRArena
    /// The `mpfr_t` of slot 0 (slot i is `headers + i`), valid while `slots` lives.
    private let headers: UnsafeMutablePointer<__mpfr_struct>
    private let body: UnsafeMutableBufferPointer<TapeCode.Instruction>

    /// Slots for `code` at `precision` bits, with its constants and constant nodes set.
    init(_ code: TapeCode, precision: Int) {
        self.code = code
        self.precision = precision
        slots = TaylorMPFRArena(precisions: Array(repeating: precision, count: code.slotCount))
        headers = slots.pointer(0)
        body = .allocate(capacity: code.body.count)
        _ = body.initialize(from: code.body)
        withPrecision(precision) {
            for (slot, value) in code.constants { slots.set(slot, value: BigFloat(value)) }
        }
        code.setup.withUnsafeBufferPointer { run($0) }
    }

    /// A copy with the same slot values.
    func copy() -> TapeMPFRArena {
        let result = TapeMPFRArena(code, precision: precision)
        for slot in 0..<code.slotCount { mpfr_set(result.headers + slot, headers + slot, MPFR_RNDN) }
        return result
    }

    deinit { body.deallocate() }

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
