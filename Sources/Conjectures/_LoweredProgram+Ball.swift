import Dynamics
import MultiPrecision

/// The lowered straight-line program run over balls: the same instructions, each an Arb enclosure, on `Ball`
/// registers. Constants, data and parameters enter as enclosures of their exact rationals (not of their rounded
/// `BigFloat` registers). Instructions that branch on values (relu, positive part, max, min) and the generic
/// fallback (inverse, solve) are not available rigorously: the run stops with an error naming the operation and its
/// column. A division by a ball that contains zero is undecided and stops the run the same way.
extension _LoweredProgram {
    /// The exact rationals of the preset registers (constants, data, parameters), in the order of `init`.
    func exactPresets() -> [Int: Rational] {
        var values: [Int: Rational] = [:]
        let g = bound.graph
        func preset(_ id: Int, _ exact: [Rational]) {
            guard let s = slots[id] else { return }
            for (k, v) in zip(s, exact) { values[k] = v }
        }
        for id in g.dependencies(of: roots) {
            let node = g[id]
            let count = bound.rows[id] * bound.columns[id], c = bound.columns[id]
            if let exact = bound.exactConstants[id] { preset(id, exact); continue }
            switch node.operation {
            case .data(let name) where bound.draws[name] == nil: preset(id, bound.data[name] ?? [])
            case .parameter(let name): preset(id, [bound.parameters[name] ?? 0])
            case .constant(let q): preset(id, [q])
            case .zeros: preset(id, Array(repeating: 0, count: count))
            case .ones: preset(id, Array(repeating: 1, count: count))
            case .identity: preset(id, (0..<count).map { $0 / c == $0 % c ? 1 : 0 })
            case .time: preset(id, [0])
            default: break
            }
        }
        return values
    }

    /// Runs the program on balls; the registers of the roots, in order, or the reason it cannot run rigorously.
    /// `initial` is x₀ (for `initial(…)`; the state when `nil`), `time` the value of t (0 when `nil`).
    func runBalls(state: [Ball], previous: [Ball], initial: [Ball]? = nil, step: Int, time: Ball? = nil,
                  precision bits: Int) throws(ConjectureRuntimeError) -> [Ball] {
        let presets: [Int: Rational]
        if let known = ballPresets { presets = known } else { presets = exactPresets(); ballPresets = presets }
        var x = [Ball](repeating: Ball(precision: bits), count: registers.count)
        for (register, value) in presets { x[register] = Ball(value, precision: bits) }
        for (register, index) in stateSlots { x[register] = state[index].withPrecision(bits) }
        for (register, index) in previousSlots { x[register] = previous[index].withPrecision(bits) }
        for (register, index) in initialSlots { x[register] = (initial ?? state)[index].withPrecision(bits) }
        if let time { for register in timeRegisters { x[register] = time.withPrecision(bits) } }
        for register in stepRegisters { x[register] = Ball(step, precision: bits) }
        for (name, slots) in drawSlots {
            for (register, value) in zip(slots, bound.drawnValues(of: name, step: step) ?? []) {
                x[register] = Ball(value, precision: bits)
            }
        }
        func unavailable(_ what: String, _ node: Int) -> ConjectureRuntimeError {
            ConjectureRuntimeError("not available rigorously: \(what)", column: columnOf(node))
        }
        for instruction in instructions {
            let d = instruction.destination, a = instruction.a, b = instruction.b
            switch instruction.code {
            case .copy: x[d] = x[a]
            case .add: x[d] = x[a] + x[b]
            case .accumulate: x[d] = x[d] + x[b]
            case .subtract: x[d] = x[a] - x[b]
            case .multiply: x[d] = x[a] * x[b]
            case .divide:
                guard x[b].isPositive == .certainlyTrue || x[b].isNegative == .certainlyTrue else {
                    throw ConjectureRuntimeError("division by a ball that contains zero (undecided)", column: columnOf(instruction.node))
                }
                x[d] = x[a] / x[b]
            case .negate: x[d] = -x[a]
            case .dot:
                let p = instruction.start
                var sum = x[pairs[p]] * x[pairs[p + 1]]
                for t in 1..<max(instruction.count, 1) { sum.addProduct(x[pairs[p + 2 * t]], x[pairs[p + 2 * t + 1]]) }
                x[d] = sum
            case .exp: x[d] = Ball.exp(x[a])
            case .log: x[d] = Ball.log(x[a])
            case .sqrt: x[d] = Ball.sqrt(x[a])
            case .tanh: x[d] = Ball.tanh(x[a])
            case .sigmoid:
                var e = Ball.exp(-x[a])
                e.add(1)
                x[d] = Ball(1, precision: bits) / e
            case .softplus: x[d] = Ball.log(onePlus: Ball.exp(x[a]))
            case .abs: x[d] = Ball.abs(x[a])
            case .powInt: x[d] = Ball.pow(x[a], instruction.start)
            case .powRational:
                guard case let .power(q) = bound.graph[instruction.node].operation else {
                    throw unavailable("a power without its exponent", instruction.node)
                }
                x[d] = Ball.pow(x[a], rational: q)
            case .relu: throw unavailable("relu branches on the sign of its argument", instruction.node)
            case .positivePart: throw unavailable("the positive part branches on the sign of its argument", instruction.node)
            case .maximum, .minimum: throw unavailable("max and min branch on comparisons", instruction.node)
            case .fallback: throw unavailable("inverse and solve have no ball version here", instruction.node)
            }
        }
        var out: [Ball] = []
        for root in roots { for register in slots[root]! { out.append(x[register]) } }
        if out.contains(where: { !$0.isFinite }) {
            throw ConjectureRuntimeError("an enclosure is no longer finite (log or sqrt of a ball reaching zero, or overflow)")
        }
        return out
    }
}
