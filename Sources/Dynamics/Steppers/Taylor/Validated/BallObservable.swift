import CArb
import MultiPrecision

/// A function of the state, written once over any `DynamicsScalar`: an observable such as an invariant
/// (W_{j+1}ᵀW_{j+1} − W_jW_jᵀ of a deep linear network, entry by entry).
public protocol StateObservable: Sendable {
    /// The number of state components it reads.
    var dimension: Int { get }
    /// The number of values it returns.
    var count: Int { get }
    /// The values at `state`.
    func evaluate<T: DynamicsScalar>(state: [T]) -> [T]
}

/// A `StateObservable` traced once onto a tape and evaluated in Arb balls: every value comes with a rigorous
/// enclosure, given enclosures of the state.
///
/// The tape is the Taylor tape (same tracer, same sharing of common subexpressions); the evaluation is one pass over
/// its nodes in a preallocated ball arena (two slots per node: the value and the node's rational constant).
public final class BallObservable {
    private let nodes: [TaylorOperation]
    private let outputs: [Int]
    private let arena: TaylorBallArena
    private let referenceSlot: Int
    private let differenceSlot: Int
    /// The number of values.
    public let count: Int
    /// The state dimension.
    public let dimension: Int
    /// The working precision in bits.
    public let bits: Int

    /// Traces `observable` and allocates its arena at `bits` bits.
    public init<Observable: StateObservable>(_ observable: Observable, bits: Int) {
        let recorder = TaylorTapeRecorder()
        let state = (0..<observable.dimension).map { TaylorTracer(node: recorder.record(.state($0))) }
        let values = TaylorTapeRecorder.$current.withValue(recorder) { observable.evaluate(state: state) }
        outputs = values.map { recorder.node(for: $0) }
        nodes = recorder.nodes
        count = outputs.count
        dimension = observable.dimension
        self.bits = bits
        referenceSlot = 2 * nodes.count
        differenceSlot = referenceSlot + count
        arena = TaylorBallArena(count: 2 * nodes.count + 2 * count, bits: bits)
        for (n, op) in nodes.enumerated() {
            switch op {
            case .constant(let q): arena.set(2 * n, rational: q)
            case .scale(_, let q), .shift(_, let q), .power(_, let q): arena.set(2 * n + 1, rational: q)
            default: break
            }
        }
    }

    /// Evaluates the nodes with state component i read from `state(i)`.
    private func run(_ state: (Int) -> UnsafeMutablePointer<arb_struct>) {
        for (n, op) in nodes.enumerated() {
            let r = arena.pointer(2 * n), c = arena.pointer(2 * n + 1)
            func v(_ m: Int) -> UnsafeMutablePointer<arb_struct> { arena.pointer(2 * m) }
            switch op {
            case .constant: break
            case .time: arb_zero(r)
            case .state(let i): arb_set(r, state(i))
            case .add(let a, let b): arb_add(r, v(a), v(b), bits)
            case .subtract(let a, let b): arb_sub(r, v(a), v(b), bits)
            case .negate(let a): arb_neg(r, v(a))
            case .multiply(let a, let b): arb_mul(r, v(a), v(b), bits)
            case .divide(let a, let b): arb_div(r, v(a), v(b), bits)
            case .scale(let a, _): arb_mul(r, v(a), c, bits)
            case .shift(let a, _): arb_add(r, v(a), c, bits)
            case .exp(let a): arb_exp(r, v(a), bits)
            case .log(let a): arb_log(r, v(a), bits)
            case .sqrt(let a): arb_sqrt(r, v(a), bits)
            case .power(let a, _): arb_pow(r, v(a), c, bits)
            }
        }
    }

    /// Sets the reference values: the observable at the exact state `state` (for example the initial state).
    public func setReference(_ state: [Rational]) {
        precondition(state.count == dimension, "BallObservable: state of dimension \(state.count), expected \(dimension)")
        let scratch = TaylorBallArena(count: dimension, bits: bits)
        for i in 0..<dimension { scratch.set(i, rational: state[i]) }
        run { scratch.pointer($0) }
        for j in 0..<count { arb_set(arena.pointer(referenceSlot + j), arena.pointer(2 * outputs[j])) }
    }

    /// The values at the integrator's current state enclosure.
    public func values(on integrator: ValidatedTaylorIntegrator) -> [BallEnclosure] {
        precondition(integrator.dimension == dimension, "BallObservable: integrator of another dimension")
        run { integrator.statePointer($0) }
        return outputs.map { arena.enclosure(2 * $0) }
    }

    /// The differences value − reference at the integrator's current state; an upper bound of the largest
    /// |value − reference| (rounded up), and a lower bound of it (rounded down; 0 when every difference may vanish).
    public func deviations(on integrator: ValidatedTaylorIntegrator)
        -> (enclosures: [BallEnclosure], largest: BigFloat, certified: BigFloat)
    {
        precondition(integrator.dimension == dimension, "BallObservable: integrator of another dimension")
        run { integrator.statePointer($0) }
        var enclosures: [BallEnclosure] = []
        var largest = BigFloat(0, precision: 64), certified = BigFloat(0, precision: 64)
        for j in 0..<count {
            let d = arena.pointer(differenceSlot + j)
            arb_sub(d, arena.pointer(2 * outputs[j]), arena.pointer(referenceSlot + j), bits)
            enclosures.append(arena.enclosure(differenceSlot + j))
            var bound = BigFloat(precision: 64)
            bound.withUnsafeMutableMPFRPointer { _arbAbsUpperBound($0, d) }
            if bound > largest { largest = bound }
            var low = BigFloat(precision: 64)
            low.withUnsafeMutableMPFRPointer { _arbAbsLowerBound($0, d) }
            if low > certified { certified = low }
        }
        return (enclosures, largest, certified)
    }
}
