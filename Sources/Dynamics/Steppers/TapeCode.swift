import MultiPrecision

/// A traced field compiled to a flat list of three-address instructions over numbered slots, for the concrete
/// (non-generic) evaluation loops of `TapeFieldEvaluator` (`TapeMPFRArena` for `BigFloat`, `TapeDoubleSlots` for
/// `Double`).
///
/// Slots: one per node of the `TaylorProgram`, then two work slots (a product, a scaled term), then one per
/// rational constant (node constants, constant terms, coefficients other than ±1, non-integer exponents). A sum
/// node c + Σ γ·u + Σ δ·a·b becomes, in the program's order: its first operand written into the node's slot,
/// then one addition or subtraction per further operand, where a product costs one multiplication into the
/// product slot (two with δ ≠ ±1) and a term with γ ≠ ±1 one multiplication into the scaled slot. These are the
/// rounded operations of evaluating the tape node by node with every sum started from +0 (the first operand added
/// to +0 is exact, except that a zero sum is +0, which `positiveZero` restores), in the same order.
struct TapeCode: Sendable {
    /// One operation on slots: `result ← operation(a, b)`.
    struct Instruction: Sendable {
        enum Operation: UInt8, Sendable {
            /// r ← a.
            case copy
            /// r ← −a.
            case negate
            /// r ← +0 if r is a zero (of either sign).
            case positiveZero
            /// r ← +0.
            case zero
            case add, subtract, multiply, divide
            case exp, log, sqrt
            /// r ← aᵇ for the integer b (repeated multiplication: 0⁰ = 1).
            case powerInteger
            /// r ← a^(slot b), `powr` semantics.
            case power
        }
        var operation: Operation
        var result: Int
        var a: Int
        var b: Int
    }

    /// The number of slots.
    var slotCount: Int
    /// The slots holding rational constants, and their values (rounded once at the working precision).
    var constants: [(slot: Int, value: Rational)]
    /// The instructions of the nodes that depend on constants only (run once).
    var setup: [Instruction]
    /// The instructions of the other nodes (run at every evaluation), in topological order.
    var body: [Instruction]
    /// The slot of each state component.
    var stateSlots: [Int]
    /// The slot of t, if the field reads it.
    var timeSlot: Int?
    /// The slot of each derivative component.
    var outputSlots: [Int]

    /// Compiles `program`.
    init(_ program: TaylorProgram) {
        let nodes = program.nodes
        let product = nodes.count, scaled = nodes.count + 1
        var slotCount = nodes.count + 2
        var constants: [(slot: Int, value: Rational)] = []
        func constant(_ r: Rational) -> Int {
            constants.append((slotCount, r))
            slotCount += 1
            return slotCount - 1
        }
        var setup: [Instruction] = [], body: [Instruction] = []
        for (n, node) in nodes.enumerated() {
            var code: [Instruction] = []
            func emit(_ operation: Instruction.Operation, _ a: Int = 0, _ b: Int = 0, into r: Int? = nil) {
                code.append(Instruction(operation: operation, result: r ?? n, a: a, b: b))
            }
            switch node.kind {
            case .state, .time:
                continue
            case .constant(let c):
                constants.append((n, c))
                continue
            case .sum(let c, let terms, let products):
                var started = false
                if !c.isZero { emit(.copy, constant(c)); started = true }
                // Adds `slot` (negated when `negative`) into the node: its first operand is written directly.
                func accumulate(_ slot: Int, negative: Bool) {
                    if started {
                        emit(negative ? .subtract : .add, n, slot)
                    } else {
                        emit(negative ? .negate : .copy, slot)
                        emit(.positiveZero)
                        started = true
                    }
                }
                func isUnit(_ r: Rational) -> Bool { r == Rational(1) || r == Rational(-1) }
                for term in terms {
                    if isUnit(term.coefficient) {
                        accumulate(term.node, negative: term.coefficient.isNegative)
                    } else {
                        emit(.multiply, constant(term.coefficient), term.node, into: scaled)
                        accumulate(scaled, negative: false)
                    }
                }
                for p in products {
                    if !started, p.coefficient == Rational(1) {
                        emit(.multiply, p.a, p.b)  // the product itself is the node's first operand
                        emit(.positiveZero)
                        started = true
                        continue
                    }
                    emit(.multiply, p.a, p.b, into: product)
                    if isUnit(p.coefficient) {
                        accumulate(product, negative: p.coefficient.isNegative)
                    } else {
                        emit(.multiply, product, constant(p.coefficient), into: scaled)
                        accumulate(scaled, negative: false)
                    }
                }
                if !started { emit(.zero) }
            case .divide(let a, let b): emit(.divide, a, b)
            case .exp(let a): emit(.exp, a)
            case .log(let a): emit(.log, a)
            case .sqrt(let a): emit(.sqrt, a)
            case .power(let a, let alpha):
                if alpha.isInteger, let k = Int(exactly: alpha.numerator) {
                    emit(.powerInteger, a, k)
                } else {
                    emit(.power, a, constant(alpha))
                }
            }
            if node.isStatic { setup += code } else { body += code }
        }
        self.slotCount = slotCount
        self.constants = constants
        self.setup = setup
        self.body = body
        stateSlots = program.stateNodes
        timeSlot = program.timeNode
        outputSlots = program.outputs
    }
}
