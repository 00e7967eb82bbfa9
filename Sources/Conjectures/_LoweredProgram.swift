import CMPFR
import Dynamics
import MultiPrecision

/// The bound graph of some roots lowered once to a straight-line scalar program over preallocated `BigFloat`
/// registers: every entry of every node has a register (transposes only permute the registers of their operand,
/// constants are set once), and each instruction is one in-place MPFR operation (sum, product, fused dot product,
/// exp, …), so a run allocates nothing per scalar operation.
final class _LoweredProgram: @unchecked Sendable {
    enum Code: UInt8 {
        case copy, add, accumulate, subtract, multiply, divide, negate, dot, exp, log, sqrt, tanh, sigmoid, softplus, abs, relu
        case powInt, powRational, maximum, minimum, positivePart, fallback
    }

    struct Instruction {
        var code: Code
        var destination: Int
        var a: Int = 0
        var b: Int = 0
        /// dot: the range of `pairs`; powInt: the exponent; powRational/fallback: an index into the side tables.
        var start: Int = 0
        var count: Int = 0
        /// The graph node, for the column of a run-time failure.
        var node: Int = 0
    }

    let precision: Int
    let roots: [Int]
    let bound: BoundConjecture
    var registers: [BigFloat] = []
    /// The registers of each node's entries, row-major.
    var slots: [Int: [Int]] = [:]
    var instructions: [Instruction] = []
    var pairs: [Int] = []
    var exponents: [BigFloat] = []
    var fallbackNodes: [Int] = []
    /// Registers loaded from the current and previous state, and the step counter's register.
    var stateSlots: [(register: Int, index: Int)] = []
    var previousSlots: [(register: Int, index: Int)] = []
    var stepRegisters: [Int] = []
    /// Registers loaded from the initial state (`initial(…)` in properties) and the time's registers (preset to 0;
    /// ball runs of properties set them).
    var initialSlots: [(register: Int, index: Int)] = []
    var timeRegisters: [Int] = []
    /// The exact presets of the ball runs, computed at the first one.
    var ballPresets: [Int: Rational]?
    /// The registers of each drawn data symbol, reloaded from the generator at every step.
    var drawSlots: [(name: String, registers: [Int])] = []

    init(bound: BoundConjecture, roots: [Int], precision: Int) {
        self.precision = precision
        self.roots = roots
        self.bound = bound
        let g = bound.graph
        func allocate(_ count: Int) -> [Int] {
            let first = registers.count
            for _ in 0..<count { registers.append(BigFloat(precision: precision)) }
            return Array(first..<(first + count))
        }
        func preset(_ id: Int, _ values: [Rational]) {
            let s = allocate(values.count)
            for (k, v) in zip(s, values) { registers[k] = BigFloat(v, precision: precision) }
            slots[id] = s
        }
        for id in g.dependencies(of: roots) {
            let node = g[id], ops = node.operands
            let r = bound.rows[id], c = bound.columns[id]
            if let exact = bound.exactConstants[id] { preset(id, exact); continue }
            switch node.operation {
            case .variable(let name), .previous(let name), .initial(let name):
                let b = bound.layout.index(of: name)!
                let offset = bound.layout.offsets[b]
                let s = allocate(r * c)
                for k in 0..<(r * c) {
                    switch node.operation {
                    case .previous: previousSlots.append((s[k], offset + k))
                    case .initial: initialSlots.append((s[k], offset + k))
                    default: stateSlots.append((s[k], offset + k))
                    }
                }
                slots[id] = s
            case .data(let name) where bound.draws[name] != nil:
                let s = allocate(r * c)
                drawSlots.append((name, s))
                slots[id] = s
            case .data(let name): preset(id, bound.data[name] ?? [])
            case .parameter(let name): preset(id, [bound.parameters[name] ?? 0])
            case .constant(let q): preset(id, [q])
            case .zeros: preset(id, Array(repeating: 0, count: r * c))
            case .ones: preset(id, Array(repeating: 1, count: r * c))
            case .identity: preset(id, (0..<(r * c)).map { $0 / c == $0 % c ? 1 : 0 })
            case .time:
                preset(id, [0])
                timeRegisters += slots[id]!
            case .step:
                let s = allocate(1)
                stepRegisters.append(s[0])
                slots[id] = s
            case .transpose:
                let a = slots[ops[0]]!
                slots[id] = (0..<(r * c)).map { k in a[(k % c) * r + k / c] }
            default:
                let s = allocate(r * c)
                slots[id] = s
                emit(id, node, s, r, c)
            }
        }
    }

    private func emit(_ id: Int, _ node: ConjectureNode, _ s: [Int], _ r: Int, _ c: Int) {
        let first = instructions.count
        defer { for k in first..<instructions.count { instructions[k].node = id } }
        let g = bound.graph, ops = node.operands
        func a(_ k: Int) -> [Int] { slots[ops[k]]! }
        func entrywise(_ code: Code) {
            let x = a(0), y = a(1)
            for k in s.indices { instructions.append(Instruction(code: code, destination: s[k], a: x[k], b: y[k])) }
        }
        func unary(_ code: Code, start: Int = 0) {
            let x = a(0)
            for k in s.indices { instructions.append(Instruction(code: code, destination: s[k], a: x[k], start: start)) }
        }
        func dot(_ destination: Int, _ terms: [(Int, Int)]) {
            let start = pairs.count
            for (x, y) in terms { pairs.append(x); pairs.append(y) }
            instructions.append(Instruction(code: .dot, destination: destination, start: start, count: terms.count))
        }
        func sum(_ destination: Int, _ terms: [Int]) {
            instructions.append(Instruction(code: .copy, destination: destination, a: terms[0]))
            for t in terms.dropFirst() { instructions.append(Instruction(code: .accumulate, destination: destination, b: t)) }
        }
        switch node.operation {
        case .add: entrywise(.add)
        case .subtract: entrywise(.subtract)
        case .hadamard: entrywise(.multiply)
        case .entrywiseQuotient: entrywise(.divide)
        case .scale:
            let scalar = a(0)[0], m = a(1)
            if let q = g.constantValue(ops[0]), q == -1 {
                for k in s.indices { instructions.append(Instruction(code: .negate, destination: s[k], a: m[k])) }
            } else {
                for k in s.indices { instructions.append(Instruction(code: .multiply, destination: s[k], a: scalar, b: m[k])) }
            }
        case .multiply:
            let x = a(0), y = a(1), n = bound.columns[ops[0]]
            for i in 0..<r { for j in 0..<c { dot(s[i * c + j], (0..<n).map { (x[i * n + $0], y[$0 * c + j]) }) } }
        case .elementwise(let f):
            let code: Code
            switch f {
            case .exp: code = .exp
            case .log: code = .log
            case .sqrt: code = .sqrt
            case .tanh: code = .tanh
            case .sigmoid: code = .sigmoid
            case .softplus: code = .softplus
            case .abs: code = .abs
            case .relu: code = .relu
            }
            unary(code)
        case .power(let q):
            if q.isInteger, let n = Int(q.description) { unary(.powInt, start: n) } else {
                exponents.append(BigFloat(q, precision: precision))
                unary(.powRational, start: exponents.count - 1)
            }
        case .positivePart: unary(.positivePart)
        case .trace:
            let x = a(0), n = bound.columns[ops[0]]
            sum(s[0], (0..<n).map { x[$0 * n + $0] })
        case .entrySum: sum(s[0], a(0))
        case .rowSum:
            let x = a(0), n = bound.columns[ops[0]]
            for i in 0..<r { sum(s[i], (0..<n).map { x[i * n + $0] }) }
        case .columnSum:
            let x = a(0), m = bound.rows[ops[0]], n = bound.columns[ops[0]]
            for j in 0..<n { sum(s[j], (0..<m).map { x[$0 * n + j] }) }
        case .maximum, .minimum:
            let x = a(0)
            instructions.append(Instruction(code: .copy, destination: s[0], a: x[0]))
            for t in x.dropFirst() {
                instructions.append(Instruction(code: node.operation == .maximum ? .maximum : .minimum, destination: s[0], b: t))
            }
        default:
            // inverse, solve: evaluated by the generic evaluator from the operand registers (allocates).
            fallbackNodes.append(id)
            instructions.append(Instruction(code: .fallback, destination: s[0], start: fallbackNodes.count - 1))
        }
    }

    /// The column of a node in the text of the update that uses it.
    func columnOf(_ node: Int) -> Int? {
        let builder = bound.program.builder
        for u in bound.program.updates { if let c = builder.columns[node]?[u.key] { return c } }
        return builder.origins[node]?.column
    }

    /// The values of a root after `run`.
    func registers(of root: Int) -> [BigFloat] { slots[root]!.map { registers[$0] } }

    /// Runs the program on a state; returns the first run-time failure, if any.
    func run(state: [BigFloat], previous: [BigFloat], step: Int) -> ConjectureRuntimeError? {
        for (register, index) in stateSlots { registers[register].set(state[index]) }
        for (register, index) in previousSlots { registers[register].set(previous[index]) }
        for (register, index) in initialSlots { registers[register].set(state[index]) }
        for register in stepRegisters { registers[register].set(step) }
        for (name, slots) in drawSlots {
            // Exact rationals rounded once to the working precision: the same draw at every precision.
            for (register, value) in zip(slots, bound.drawnValues(of: name, step: step) ?? []) {
                registers[register] = BigFloat(value, precision: precision)
            }
        }
        let bound = self.bound
        let instructions = self.instructions, pairs = self.pairs, exponents = self.exponents
        var failure: ConjectureRuntimeError?
        registers.withUnsafeMutableBufferPointer { x in
            for instruction in instructions {
                let d = instruction.destination, a = instruction.a, b = instruction.b
                switch instruction.code {
                case .copy: x[d].set(x[a])
                case .add: x[d].formSum(x[a], x[b])
                case .accumulate: x[d].add(x[b])
                case .subtract: x[d].formDifference(x[a], x[b])
                case .multiply: x[d].formProduct(x[a], x[b])
                case .divide:
                    if x[b].isZero { failure = ConjectureRuntimeError("division by zero", column: columnOf(instruction.node)); return }
                    x[d].formQuotient(x[a], x[b])
                case .negate: x[d].set(x[a]); x[d].negate()
                case .dot:
                    let p = instruction.start
                    x[d].formProduct(x[pairs[p]], x[pairs[p + 1]])
                    for t in 1..<max(instruction.count, 1) { x[d].addProduct(x[pairs[p + 2 * t]], x[pairs[p + 2 * t + 1]]) }
                case .exp: x[d].formExp(x[a])
                case .log:
                    if x[a].signum <= 0 { failure = ConjectureRuntimeError("log of a non-positive entry", column: columnOf(instruction.node)); return }
                    x[d].formLog(x[a])
                case .sqrt:
                    if x[a].signum < 0 { failure = ConjectureRuntimeError("sqrt of a negative entry", column: columnOf(instruction.node)); return }
                    x[d].set(x[a]); x[d].formSquareRoot()
                case .tanh:
                    let source = x[a]
                    x[d].withUnsafeMutableMPFRPointer { p in source.withUnsafeMPFRPointer { q in _ = mpfr_tanh(p, q, MPFR_RNDN) } }
                case .sigmoid:
                    // σ(x) = 1/(1 + e^{−x})
                    x[d].set(x[a]); x[d].negate()
                    x[d].withUnsafeMutableMPFRPointer { p in
                        _ = mpfr_exp(p, p, MPFR_RNDN); _ = mpfr_add_ui(p, p, 1, MPFR_RNDN); _ = mpfr_ui_div(p, 1, p, MPFR_RNDN)
                    }
                case .softplus:
                    x[d].formExp(x[a])
                    x[d].withUnsafeMutableMPFRPointer { p in _ = mpfr_log1p(p, p, MPFR_RNDN) }
                case .abs: x[d].set(x[a]); x[d].formMagnitude()
                case .relu: if x[a].signum > 0 { x[d].set(x[a]) } else { x[d].setZero() }
                case .positivePart: x[d].set(x[a].signum > 0 ? 1 : 0)
                case .powInt:
                    let n = instruction.start
                    if n < 0 && x[a].isZero { failure = ConjectureRuntimeError("a negative power of zero", column: columnOf(instruction.node)); return }
                    let source = x[a]
                    x[d].withUnsafeMutableMPFRPointer { p in source.withUnsafeMPFRPointer { q in _ = mpfr_pow_si(p, q, n, MPFR_RNDN) } }
                case .powRational:
                    if x[a].signum < 0 { failure = ConjectureRuntimeError("a fractional power of a negative number", column: columnOf(instruction.node)); return }
                    let source = x[a], e = exponents[instruction.start]
                    x[d].withUnsafeMutableMPFRPointer { p in source.withUnsafeMPFRPointer { q in e.withUnsafeMPFRPointer { r in _ = mpfr_pow(p, q, r, MPFR_RNDN) } } }
                // In place: the destination already holds the running extreme.
                case .maximum: if x[b] > x[d] { x[d].set(x[b]) }
                case .minimum: if x[b] < x[d] { x[d].set(x[b]) }
                case .fallback:
                    let id = fallbackNodes[instruction.start]
                    var evaluator = _Evaluator<BigFloat>(bound: bound, checks: true)
                    for operand in bound.graph[id].operands { evaluator.values[operand] = slots[operand]!.map { x[$0] } }
                    do throws(ConjectureRuntimeError) {
                        let v = try evaluator.compute(id, _Inputs(state: []))
                        for (k, register) in slots[id]!.enumerated() { x[register].set(v[k]) }
                    } catch { failure = error; return }
                }
            }
        }
        return failure
    }
}
