import Dynamics
import MultiPrecision

/// The inputs of one evaluation.
struct _Inputs<T> {
    var state: [T]
    var previous: [T]? = nil
    var initial: [T]? = nil
    var time: T? = nil
    var step: Int? = nil
}

/// Interprets the bound graph over any `DynamicsScalar`: node by node in index order (a topological order), each
/// node's value a row-major array. With `checks`, divisors, logarithms, square roots and pivots are checked where
/// the arithmetic can tell signs (BigFloat, Double, exact), and failures are thrown; the Taylor tracer cannot
/// branch, so it runs without checks and without pivoting.
struct _Evaluator<T: DynamicsScalar> {
    let bound: BoundConjecture
    let checks: Bool
    /// The key of the expression being evaluated, so that failures name a column of its text.
    var key: String?
    var values: [Int: [T]] = [:]
    /// A fixed activation pattern (flows with relu): for each pre-activation node, whether each entry is > 0.
    var masks: [Int: [Bool]]? = nil

    init(bound: BoundConjecture, checks: Bool, key: String? = nil) {
        self.bound = bound
        self.checks = checks
        self.key = key
    }

    func failure(_ message: String, _ id: Int) -> ConjectureRuntimeError {
        let builder = bound.program.builder
        let column = key.flatMap { builder.columns[id]?[$0] } ?? builder.origins[id]?.column
        return ConjectureRuntimeError(message, column: column)
    }

    mutating func value(of root: Int, inputs: _Inputs<T>) throws(ConjectureRuntimeError) -> [T] {
        if let v = values[root] { return v }
        for id in bound.graph.dependencies(of: [root]) where values[id] == nil {
            values[id] = try compute(id, inputs)
        }
        return values[root]!
    }

    func block(_ name: String, of state: [T]) -> [T] {
        guard let b = bound.layout.index(of: name) else { return [] }
        let offset = bound.layout.offsets[b]
        return Array(state[offset..<(offset + bound.layout.blocks[b].count)])
    }

    func compute(_ id: Int, _ inputs: _Inputs<T>) throws(ConjectureRuntimeError) -> [T] {
        if let exact = bound.exactConstants[id] { return exact.map { T($0) } }
        let g = bound.graph
        let node = g[id], ops = node.operands
        let r = bound.rows[id], c = bound.columns[id]
        func v(_ k: Int) -> [T] { values[ops[k]]! }
        switch node.operation {
        case .variable(let name): return block(name, of: inputs.state)
        case .previous(let name): return block(name, of: inputs.previous ?? inputs.state)
        case .initial(let name):
            guard let initial = inputs.initial else { throw failure("initial(…) needs the initial state", id) }
            return block(name, of: initial)
        case .data(let name):
            if let drawn = bound.drawnValues(of: name, step: inputs.step ?? 0) { return drawn.map { T($0) } }
            return (bound.data[name] ?? []).map { T($0) }
        case .parameter(let name): return [T(bound.parameters[name] ?? 0)]
        case .time: return [inputs.time ?? T(0)]
        case .step: return [T(inputs.step ?? 0)]
        case .constant(let q): return [T(q)]
        case .zeros: return Array(repeating: T(0), count: r * c)
        case .ones: return Array(repeating: T(1), count: r * c)
        case .identity:
            var m = Array(repeating: T(0), count: r * c)
            for i in 0..<min(r, c) { m[i * c + i] = T(1) }
            return m
        case .add: return zip(v(0), v(1)).map { $0 + $1 }
        case .subtract: return zip(v(0), v(1)).map { $0 - $1 }
        case .scale:
            let s = v(0)[0]
            if let q = g.constantValue(ops[0]), q == -1 { return v(1).map { -$0 } }
            return v(1).map { s * $0 }
        case .multiply:
            let a = v(0), b = v(1), n = bound.columns[ops[0]]
            var m: [T] = []
            m.reserveCapacity(r * c)
            for i in 0..<r {
                for j in 0..<c {
                    var sum = a[i * n] * b[j]
                    for k in 1..<max(n, 1) { sum = sum + a[i * n + k] * b[k * c + j] }
                    m.append(sum)
                }
            }
            return m
        case .transpose:
            let a = v(0)
            var m: [T] = []
            m.reserveCapacity(r * c)
            for i in 0..<r { for j in 0..<c { m.append(a[j * r + i]) } }
            return m
        case .hadamard: return zip(v(0), v(1)).map { $0 * $1 }
        case .entrywiseQuotient:
            let a = v(0), b = v(1)
            if checks { for x in b where _sign(x) == 0 { throw failure("division by zero", id) } }
            return zip(a, b).map { $0 / $1 }
        case .elementwise(.relu) where masks?[ops[0]] != nil:
            return zip(v(0), masks![ops[0]]!).map { $1 ? $0 : T(0) }
        case .elementwise(let f):
            return try v(0).map { x throws(ConjectureRuntimeError) in try apply(f, x, id) }
        case .power(let q):
            return try v(0).map { x throws(ConjectureRuntimeError) in
                if checks, let s = _sign(x) {
                    if s == 0 && q.isNegative { throw failure("a negative power of zero", id) }
                    if s < 0 && !q.isInteger { throw failure("a fractional power of a negative number", id) }
                }
                if q.isInteger, let n = Int(q.description) { return T.pow(x, n) }
                return T.pow(x, rational: q)
            }
        case .trace:
            let a = v(0), n = bound.columns[ops[0]]
            var sum = a[0]
            for i in 1..<max(n, 1) { sum = sum + a[i * n + i] }
            return [sum]
        case .entrySum:
            let a = v(0)
            return [a.dropFirst().reduce(a[0], +)]
        case .rowSum:
            let a = v(0), n = bound.columns[ops[0]]
            return (0..<r).map { i in (1..<max(n, 1)).reduce(a[i * n]) { $0 + a[i * n + $1] } }
        case .columnSum:
            let a = v(0), m = bound.rows[ops[0]], n = bound.columns[ops[0]]
            return (0..<n).map { j in (1..<max(m, 1)).reduce(a[j]) { $0 + a[$1 * n + j] } }
        case .maximum, .minimum:
            let a = v(0)
            var best = a[0]
            for x in a.dropFirst() {
                guard let s = _compare(x, best) else { throw failure("max/min cannot be evaluated in this arithmetic", id) }
                if node.operation == .maximum ? s > 0 : s < 0 { best = x }
            }
            return [best]
        case .positivePart:
            if let mask = masks?[ops[0]] { return mask.map { T($0 ? 1 : 0) } }
            return try v(0).map { x throws(ConjectureRuntimeError) in
                guard let s = _sign(x) else { throw failure("relu needs its activation pattern", id) }
                return T(s > 0 ? 1 : 0)
            }
        case .inverse:
            let n = r
            var identity = Array(repeating: T(0), count: n * n)
            for i in 0..<n { identity[i * n + i] = T(1) }
            return try solve(v(0), identity, n: n, columns: n, id)
        case .solve:
            return try solve(v(0), v(1), n: bound.rows[ops[0]], columns: c, id)
        }
    }

    func apply(_ f: ElementwiseFunction, _ x: T, _ id: Int) throws(ConjectureRuntimeError) -> T {
        if let b = x as? BigFloat {
            switch f {
            case .tanh: return BigFloat.tanh(b) as! T
            case .softplus: return BigFloat.log(onePlus: BigFloat.exp(b)) as! T
            default: break
            }
        }
        switch f {
        case .exp: return T.exp(x)
        case .log:
            if checks, let s = _sign(x), s <= 0 { throw failure("log of a non-positive entry", id) }
            return T.log(x)
        case .sqrt:
            if checks, let s = _sign(x), s < 0 { throw failure("sqrt of a negative entry", id) }
            return T.sqrt(x)
        case .tanh:
            // tanh x = 1 − 2/(e^{2x} + 1)
            return T(1) - T(2) / (T.exp(x + x) + T(1))
        case .sigmoid: return T(1) / (T(1) + T.exp(-x))
        case .softplus: return T.log(T(1) + T.exp(x))
        case .abs:
            guard let s = _sign(x) else { throw failure("abs cannot be evaluated in this arithmetic", id) }
            return s < 0 ? -x : x
        case .relu:
            guard let s = _sign(x) else { throw failure("relu needs its activation pattern", id) }
            return s > 0 ? x : T(0)
        }
    }

    /// A⁻¹B by Gaussian elimination, with partial pivoting where magnitudes can be compared.
    func solve(_ a: [T], _ b: [T], n: Int, columns m: Int, _ id: Int) throws(ConjectureRuntimeError) -> [T] {
        var a = a, b = b
        for k in 0..<n {
            var pivot = k
            if _sign(a[k * n + k]) != nil {
                func magnitude(_ x: T) -> T { (_sign(x) ?? 0) < 0 ? -x : x }
                for i in (k + 1)..<max(n, k + 1) where (_compare(magnitude(a[i * n + k]), magnitude(a[pivot * n + k])) ?? 0) > 0 { pivot = i }
                if _sign(a[pivot * n + k]) == 0 { throw failure("a singular matrix in inv/solve", id) }
            }
            if pivot != k {
                for j in 0..<n { a.swapAt(k * n + j, pivot * n + j) }
                for j in 0..<m { b.swapAt(k * m + j, pivot * m + j) }
            }
            let p = a[k * n + k]
            for i in (k + 1)..<max(n, k + 1) {
                let f = a[i * n + k] / p
                for j in k..<n { a[i * n + j] = a[i * n + j] - f * a[k * n + j] }
                for j in 0..<m { b[i * m + j] = b[i * m + j] - f * b[k * m + j] }
            }
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in 0..<m {
                var s = b[i * m + j]
                for k in (i + 1)..<max(n, i + 1) { s = s - a[i * n + k] * b[k * m + j] }
                b[i * m + j] = s / a[i * n + i]
            }
        }
        return b
    }
}
