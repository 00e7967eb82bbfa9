import CArb
import Foundation
import MultiPrecision

/// Rigorous integration of a traced vector field ẋ = f(t, x): validated Taylor steps in Arb ball arithmetic.
///
/// One step from an enclosure [x] of x(t) to an enclosure of x(t + h):
/// 1. **Coefficients.** The Taylor coefficients x₀ … x_n of the solution through every point of [x] are computed in
///    balls by the recurrences of the Taylor engine on the field's tape (the same tape and the same recurrences as
///    the ordinary Taylor method, run over `TaylorBallArena`).
/// 2. **A priori enclosure.** An interval Picard iteration: U = [x] + [0, h]·f([x]), inflated; then
///    V = [x] + [0, h]·f(U) until V ⊆ U. By Schauder's fixed-point theorem every solution starting in [x] exists on
///    [t, t + h] and stays in V (Lohner 1987; Nedialkov, Jackson and Corliss 1999, §3).
/// 3. **Remainder.** The Lagrange form x(t + h) = Σ_{k≤n} x_k(x(t)) hᵏ + x_{n+1}(x(ξ)) h^{n+1}, ξ ∈ (t, t + h), with
///    the order-(n+1) coefficient computed by the same recurrences over the a priori enclosure V (and t + [0, h]).
/// 4. **New enclosure.** Horner's rule in balls: x_{n+1}(V), then ·h + x_k for k = n … 0.
///
/// Wrapping effect: none is removed. The state is carried as a box of balls (the plain interval method), so a
/// box grows at each step by at most the factor e^{h‖|J|‖} of the absolute Jacobian instead of the true
/// sensitivity of the flow. For short horizons and point initial data this costs a few digits (docs/rigorous-flows.md
/// records the widths measured), which is why Lohner's QR method is not used here.
///
/// No allocation per operation: the three engines (orders n, n + 1 and 1) and the work arena are allocated once.
public final class ValidatedTaylorIntegrator {
    /// The Taylor order n of the polynomial part.
    public let order: Int
    /// The working precision in bits.
    public let bits: Int
    /// The state dimension.
    public let dimension: Int

    /// Test hooks that make the enclosure unsound on purpose (mutation tests of the enclosure checks): 0 is sound.
    public struct Mutation: Sendable, Equatable {
        /// Multiplies the radius of every new state ball by 2^−`shrinkRadius` after each step.
        public var shrinkRadius = 0
        /// Drops the Lagrange remainder (the order-(n+1) term over the a priori enclosure).
        public var dropRemainder = false
        /// Sound: no mutation.
        public static let none = Mutation()
        public init(shrinkRadius: Int = 0, dropRemainder: Bool = false) {
            self.shrinkRadius = shrinkRadius
            self.dropRemainder = dropRemainder
        }
    }

    /// The mutation applied (only tests set it).
    public var mutation = Mutation.none
    /// The largest step allowed (log₂); +∞ by default.
    public var log2MaximumStep = Double.infinity
    /// The largest remainder term accepted in a step, log₂ relative to max(1, ‖x‖∞); `nil` (the default) is the
    /// rounding level 2^−bits, so that the truncation error stays below the arithmetic's. Larger values take longer
    /// steps and give wider, still rigorous, enclosures.
    public var log2RemainderTolerance: Double? = nil

    private let program: TaylorProgram
    private let isAutonomous: Bool
    private let polynomial: TaylorEngine<TaylorBallArena>
    private let remainder: TaylorEngine<TaylorBallArena>
    private let picard: TaylorEngine<TaylorBallArena>
    private let work: TaylorBallArena
    // Work slots.
    private let stateSlot = 0
    private var uSlot: Int { dimension }
    private var vSlot: Int { 2 * dimension }
    private var hSlot: Int { 3 * dimension }
    private var hullSlot: Int { 3 * dimension + 1 }
    private var timeSlot: Int { 3 * dimension + 2 }
    private var timeHullSlot: Int { 3 * dimension + 3 }
    private var accSlot: Int { 3 * dimension + 4 }
    private var zeroSlot: Int { 3 * dimension + 5 }

    /// log₂ of the factor applied to the heuristic step, learned from the halvings of earlier steps (≤ 0).
    private var log2StepBias = 0.0

    /// The time t of the current enclosure (exact).
    public private(set) var time: Rational = 0
    /// Accepted steps.
    public private(set) var steps = 0
    /// Steps halved because the Picard iteration did not contain itself or the remainder was too wide.
    public private(set) var halvings = 0
    /// The largest radius of a remainder term x_{n+1}(V)·h^{n+1} over all steps (log₂).
    public private(set) var log2LargestRemainder = -Double.infinity

    /// An integrator for `field` at `bits` bits, with Taylor order `order` (default: the ordinary Taylor method's
    /// order for a tolerance 2^−bits).
    public init<Field: VectorField>(field: Field, bits: Int, order: Int? = nil) {
        let n = order ?? TaylorOrderAndStep.order(log2Tolerance: -Double(bits))
        self.order = n
        self.bits = bits
        dimension = field.dimension
        isAutonomous = field.isAutonomous
        let program = TaylorProgram(tape: TaylorTape.trace(field))
        self.program = program
        polynomial = Self.engine(program, order: n, bits: bits)
        remainder = Self.engine(program, order: n + 1, bits: bits)
        picard = Self.engine(program, order: 1, bits: bits)
        work = TaylorBallArena(count: 3 * dimension + 6, bits: bits)
    }

    /// A Taylor engine of order `p` over a ball arena (one precision level: no tapering).
    private static func engine(_ program: TaylorProgram, order p: Int, bits: Int) -> TaylorEngine<TaylorBallArena> {
        let levels = TaylorPrecisionLevels(bits: bits, log2Tolerance: -Double(bits), order: p, tapering: false)
        return TaylorEngine(program: program, order: p, levels: levels, stateGuardBits: 0) {
            TaylorBallArena(count: $0.count, bits: bits)
        }
    }

    /// Starts at time `time` from the exact state `state` (each component enclosed in a ball at `bits` bits).
    public func reset(time: Rational, state: [Rational]) {
        precondition(state.count == dimension, "ValidatedTaylorIntegrator: state of dimension \(state.count), field \(dimension)")
        self.time = time
        for i in 0..<dimension { work.set(stateSlot + i, rational: state[i]) }
    }

    /// The enclosures of the state at `time`.
    public func enclosures() -> [BallEnclosure] { (0..<dimension).map { work.enclosure(stateSlot + $0) } }

    /// The largest radius over the state components (log₂).
    public var log2LargestRadius: Double {
        (0..<dimension).map { work.log2Radius(stateSlot + $0) }.max() ?? -.infinity
    }

    /// The `arb_t` of state component i (for `BallObservable`).
    func statePointer(_ i: Int) -> UnsafeMutablePointer<arb_struct> { work.pointer(stateSlot + i) }

    /// Why a validated integration stopped.
    public enum Failure: Error, CustomStringConvertible {
        /// No step down to 2^`log2Step` gave an a priori enclosure (the solution may blow up, or the box is too wide).
        case noEnclosure(time: Rational, log2Step: Double)
        /// An enclosure is not finite.
        case nonFinite(time: Rational)

        public var description: String {
            switch self {
            case let .noEnclosure(t, e):
                return "no a priori enclosure at t = \(t) for any step down to 2^\(Int(e.rounded())) (the interval Picard iteration did not contain itself)"
            case let .nonFinite(t): return "the enclosure is not finite at t = \(t)"
            }
        }
    }

    /// Integrates to `end` (exact, ≥ the current time), landing on it exactly.
    public func advance(to end: Rational) throws {
        while time < end {
            try step(toward: end)
        }
    }

    /// One validated step toward `end`.
    private func step(toward end: Rational) throws {
        let n = order, bitsDouble = Double(bits)
        // 1. Coefficients over [x] at t.
        load(polynomial, from: stateSlot, time: nil)
        polynomial.computeCoefficients()
        var log2Norm = [Double](repeating: -.infinity, count: 3)
        for (index, k) in [0, n - 1, n].enumerated() {
            for i in 0..<dimension {
                log2Norm[index] = max(log2Norm[index], polynomial.store.log2Magnitude(polynomial.stateCoefficient(i, k)))
            }
        }
        guard log2Norm.allSatisfy({ $0 < .infinity }) else { throw Failure.nonFinite(time: time) }
        var log2H = min(log2MaximumStep, TaylorOrderAndStep.log2Step(order: n, log2Norm0: log2Norm[0],
                                                                      log2NormPMinus1: log2Norm[1], log2NormP: log2Norm[2]))
        if !log2H.isFinite { log2H = 0 }
        // Start from the heuristic corrected by what the last steps needed (halvings are costly: three tape passes).
        log2H = (log2H + log2StepBias).rounded(.down)
        let halvingsBefore = halvings
        let remaining = end - time
        let log2Scale = max(0, log2Norm[0])
        for _ in 0..<64 {
            // The step: a power of two (exact), or what remains up to `end`.
            var h = Self.powerOfTwo(Int(log2H))
            if h >= remaining { h = remaining }
            work.set(hSlot, rational: h)
            arb_zero(work.pointer(zeroSlot))
            arb_union(work.pointer(hullSlot), work.pointer(zeroSlot), work.pointer(hSlot), bits)
            work.set(timeSlot, rational: time)
            arb_add(work.pointer(timeHullSlot), work.pointer(timeSlot), work.pointer(hullSlot), bits)
            if let failure = try attempt(log2Scale: log2Scale, log2Target: log2Scale + (log2RemainderTolerance ?? -bitsDouble)) {
                _ = failure
                halvings += 1
                log2H -= 1
                continue
            }
            time = time + h
            steps += 1
            let halved = halvings - halvingsBefore
            log2StepBias = halved == 0 ? min(0, log2StepBias + 0.5) : log2StepBias - Double(halved)
            for i in 0..<dimension where !work.isFinite(stateSlot + i) { throw Failure.nonFinite(time: time) }
            return
        }
        throw Failure.noEnclosure(time: time, log2Step: log2H)
    }

    /// Tries the step in `hSlot`: Picard, remainder, Horner. Returns `nil` on success (the state is updated),
    /// or a reason to halve the step.
    private func attempt(log2Scale: Double, log2Target: Double) throws -> String? {
        let n = order
        // 2. A priori enclosure: U = [x] + [0,h]·f([x]) (f([x]) is x₁ of the polynomial pass), inflated.
        for i in 0..<dimension {
            arb_mul(work.pointer(uSlot + i), work.pointer(hullSlot),
                    polynomial.store.pointer(polynomial.stateCoefficient(i, 1)), bits)
            arb_add(work.pointer(uSlot + i), work.pointer(uSlot + i), work.pointer(stateSlot + i), bits)
            _arbInflate(work.pointer(uSlot + i), doublings: 1, absoluteExponent: Int(log2Scale) - bits / 2)
        }
        var contained = false
        for _ in 0..<8 {
            load(picard, from: uSlot, time: timeHullSlot)
            picard.computeCoefficients()
            contained = true
            for i in 0..<dimension {
                let v = work.pointer(vSlot + i)
                arb_mul(v, work.pointer(hullSlot), picard.store.pointer(picard.stateCoefficient(i, 1)), bits)
                arb_add(v, v, work.pointer(stateSlot + i), bits)
                if arb_contains(work.pointer(uSlot + i), v) == 0 { contained = false }
            }
            if contained { break }
            for i in 0..<dimension {
                arb_union(work.pointer(uSlot + i), work.pointer(uSlot + i), work.pointer(vSlot + i), bits)
                _arbInflate(work.pointer(uSlot + i), doublings: 1, absoluteExponent: Int(log2Scale) - bits / 2)
            }
        }
        guard contained else { return "no a priori enclosure" }
        // 3. The order-(n+1) coefficient over V (and t + [0, h]).
        load(remainder, from: vSlot, time: timeHullSlot)
        remainder.computeCoefficients()
        var log2Remainder = -Double.infinity
        for i in 0..<dimension {
            let acc = work.pointer(accSlot)
            arb_pow_ui(acc, work.pointer(hSlot), UInt(n + 1), bits)
            arb_mul(acc, acc, remainder.store.pointer(remainder.stateCoefficient(i, n + 1)), bits)
            work.set(zeroSlot, accSlot)
            log2Remainder = max(log2Remainder, work.log2Magnitude(zeroSlot), work.log2Radius(zeroSlot))
        }
        guard log2Remainder < .infinity else { return "remainder not finite" }
        // A remainder above the rounding level: a smaller step gives a tighter enclosure.
        if log2Remainder > log2Target + 8 { return "remainder too wide" }
        log2LargestRemainder = max(log2LargestRemainder, log2Remainder)
        // 4. Horner: x_{n+1}(V)·h^{n+1} + Σ_{k≤n} x_k hᵏ.
        for i in 0..<dimension {
            let acc = work.pointer(accSlot)
            if mutation.dropRemainder {
                arb_zero(acc)
            } else {
                arb_set(acc, remainder.store.pointer(remainder.stateCoefficient(i, n + 1)))
            }
            var k = n
            while k >= 0 {
                arb_mul(acc, acc, work.pointer(hSlot), bits)
                arb_add(acc, acc, polynomial.store.pointer(polynomial.stateCoefficient(i, k)), bits)
                k -= 1
            }
            // x₀ of the polynomial pass is [x] itself; write into V's slot first (the state is still read above).
            arb_set(work.pointer(vSlot + i), acc)
        }
        for i in 0..<dimension {
            arb_set(work.pointer(stateSlot + i), work.pointer(vSlot + i))
            if mutation.shrinkRadius > 0 { _arbScaleRadius(work.pointer(stateSlot + i), by: -mutation.shrinkRadius) }
        }
        return nil
    }

    /// Copies the work slots `from …` into the engine's state (and the time ball, or the exact current time).
    private func load(_ engine: TaylorEngine<TaylorBallArena>, from slot: Int, time timeBall: Int?) {
        for i in 0..<dimension { arb_set(engine.store.pointer(engine.stateSlot + i), work.pointer(slot + i)) }
        if !isAutonomous {
            if let timeBall {
                arb_set(engine.store.pointer(engine.timeSlot), work.pointer(timeBall))
            } else {
                engine.store.set(engine.timeSlot, rational: time)
            }
        }
    }

    /// 2^e as a rational.
    static func powerOfTwo(_ e: Int) -> Rational {
        e >= 0 ? Rational(BigInt(1) << e) : Rational(numerator: BigInt(1), denominator: BigInt(1) << (-e))
    }
}
