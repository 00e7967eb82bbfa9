import MultiPrecision
import Symbolic

/// Why a derivative does not exist: the operation that is not differentiable, and its node.
struct _NotDifferentiable: Error {
    var operation: String
    var node: Int
}

extension ConjectureGraph {
    /// The name of a non-differentiable operation, or `nil`.
    func nonDifferentiableName(_ id: Int) -> String? {
        switch nodes[id].operation {
        case .elementwise(.abs): return "abs"
        case .maximum: return "max"
        case .minimum: return "min"
        case .previous: return "prev"
        default: return nil
        }
    }

    /// Reverse mode at the matrix level: the gradient ∂f/∂X of the scalar node `root` with respect to each leaf in
    /// `leaves`, as new nodes of this graph (zeros where f does not depend on the leaf).
    ///
    /// Adjoints ḡ flow from f (ḡ = 1) to the leaves by the rules: (a ± b)‾ → ±ḡ; (s·M): M̄ += sḡ, s̄ += ⟨ḡ, M⟩;
    /// (AB): Ā += ḡBᵀ, B̄ += Aᵀḡ; (Aᵀ): Ā += ḡᵀ; (a∘b): ā += ḡ∘b; (a⊘b): ā += ḡ⊘b, b̄ −= ḡ∘(a⊘b)⊘b;
    /// exp: ḡ∘eˣ; log: ḡ⊘x; tanh: ḡ∘(1 − tanh²x); σ: ḡ∘σ(1 − σ); softplus: ḡ∘σ(x); √: ḡ⊘(2√x);
    /// x^r: rḡ∘x^{r−1}; relu: ḡ∘[x > 0]; tr: ḡI; sum: ḡ·1; rowsum: ḡ1ᵀ; colsum: 1ḡ; A⁻¹: −A⁻ᵀḡA⁻ᵀ;
    /// A⁻¹B: B̄ += A⁻ᵀḡ, Ā −= A⁻ᵀḡ(A⁻¹B)ᵀ. Equal subexpressions are one node, so shared work is done once.
    mutating func gradient(of root: Int, withRespectTo leaves: [Int]) throws(_NotDifferentiable) -> [Int] {
        let order = dependencies(of: [root])
        let leafSet = Set(leaves)
        // Which nodes depend on some leaf: only their adjoints are needed.
        var live = Set<Int>()
        for id in order where leafSet.contains(id) || nodes[id].operands.contains(where: { live.contains($0) }) { live.insert(id) }
        var adjoints: [Int: [Int]] = [root: [constant(1)]]
        for id in order.reversed() where live.contains(id) {
            guard let parts = adjoints[id], !parts.isEmpty, !leafSet.contains(id) else { continue }
            var g = parts[0]
            for p in parts.dropFirst() { g = add(g, p) }
            adjoints[id] = [g]
            if let name = nonDifferentiableName(id) { throw _NotDifferentiable(operation: name, node: id) }
            let n = nodes[id]
            let ops = n.operands
            func contribute(_ operand: Int, _ value: Int) {
                if live.contains(operand) { adjoints[operand, default: []].append(value) }
            }
            switch n.operation {
            case .add:
                contribute(ops[0], g); contribute(ops[1], g)
            case .subtract:
                contribute(ops[0], g)
                if live.contains(ops[1]) { contribute(ops[1], negate(g)) }
            case .scale:
                if live.contains(ops[1]) { contribute(ops[1], scale(by: ops[0], g)) }
                if live.contains(ops[0]) { contribute(ops[0], unary(.entrySum, hadamard(g, ops[1]), shape: Self.scalar)) }
            case .multiply:
                if live.contains(ops[0]) { contribute(ops[0], multiply(g, transpose(ops[1]))) }
                if live.contains(ops[1]) { contribute(ops[1], multiply(transpose(ops[0]), g)) }
            case .transpose:
                contribute(ops[0], transpose(g))
            case .hadamard:
                if ops[0] == ops[1] {
                    contribute(ops[0], scale(2, hadamard(g, ops[0])))
                } else {
                    if live.contains(ops[0]) { contribute(ops[0], hadamard(g, ops[1])) }
                    if live.contains(ops[1]) { contribute(ops[1], hadamard(g, ops[0])) }
                }
            case .entrywiseQuotient:
                if live.contains(ops[0]) { contribute(ops[0], entrywiseQuotient(g, ops[1])) }
                if live.contains(ops[1]) { contribute(ops[1], negate(entrywiseQuotient(hadamard(g, id), ops[1]))) }
            case .elementwise(let f):
                let x = ops[0]
                let local: Int
                switch f {
                case .exp: local = id
                case .log: contribute(x, entrywiseQuotient(g, x)); continue
                case .tanh: local = subtract(ones(n.shape), hadamard(id, id))
                case .sigmoid: local = subtract(id, hadamard(id, id))
                case .softplus: local = elementwise(.sigmoid, x)
                case .sqrt: contribute(x, scale(Rational(1) / Rational(2), entrywiseQuotient(g, id))); continue
                case .relu: local = unary(.positivePart, x, shape: n.shape)
                case .abs: throw _NotDifferentiable(operation: "abs", node: id)
                }
                contribute(x, hadamard(g, local))
            case .power(let r):
                contribute(ops[0], scale(r, hadamard(g, power(ops[0], r - 1))))
            case .trace:
                contribute(ops[0], scale(by: g, identity(shape(ops[0]))))
            case .entrySum:
                contribute(ops[0], scale(by: g, ones(shape(ops[0]))))
            case .rowSum:
                let s = shape(ops[0])
                contribute(ops[0], multiply(g, ones(Shape(.fixed(1), s.columns))))
            case .columnSum:
                let s = shape(ops[0])
                contribute(ops[0], multiply(ones(Shape(s.rows, .fixed(1))), g))
            case .inverse:
                let t = transpose(id)
                contribute(ops[0], negate(multiply(multiply(t, g), t)))
            case .solve:
                let gb = solve(transpose(ops[0]), g)
                if live.contains(ops[1]) { contribute(ops[1], gb) }
                if live.contains(ops[0]) { contribute(ops[0], negate(multiply(gb, transpose(id)))) }
            case .positivePart:
                break
            case .maximum, .minimum:
                throw _NotDifferentiable(operation: n.operation == .maximum ? "max" : "min", node: id)
            case .variable, .previous, .initial, .data, .parameter, .time, .step, .constant, .zeros, .identity, .ones:
                break
            }
        }
        return leaves.map { leaf in
            guard let parts = adjoints[leaf], !parts.isEmpty else { return zeros(shape(leaf)) }
            var g = parts[0]
            for p in parts.dropFirst() { g = add(g, p) }
            return g
        }
    }

    /// Forward mode: the derivative of node `root` along the tangents `tangents` of the leaves (a leaf without a
    /// tangent is constant), plus `timeTangent` for the time t. For a flow Ẋ = F(X), with the rates as tangents,
    /// this is d/dt e = Σ_X ⟨∂e/∂X, Ẋ⟩ + ∂e/∂t, for scalar and matrix e alike.
    mutating func directionalDerivative(of root: Int, tangents: [Int: Int], timeTangent: Int?) throws(_NotDifferentiable) -> Int {
        var dot: [Int: Int] = [:]   // absent: zero
        for id in dependencies(of: [root]) {
            let n = nodes[id], ops = n.operands
            if let t = tangents[id] { dot[id] = t; continue }
            if n.operation == .time { if let t = timeTangent { dot[id] = t }; continue }
            if !ops.contains(where: { dot[$0] != nil }) { continue }
            if let name = nonDifferentiableName(id) { throw _NotDifferentiable(operation: name, node: id) }
            func d(_ k: Int) -> Int { dot[ops[k]] ?? zeros(shape(ops[k])) }
            func has(_ k: Int) -> Bool { dot[ops[k]] != nil }
            let result: Int
            switch n.operation {
            case .add: result = add(d(0), d(1))
            case .subtract: result = subtract(d(0), d(1))
            case .scale: result = add(has(1) ? scale(by: ops[0], d(1)) : zeros(n.shape), has(0) ? scale(by: d(0), ops[1]) : zeros(n.shape))
            case .multiply: result = add(has(0) ? multiply(d(0), ops[1]) : zeros(n.shape), has(1) ? multiply(ops[0], d(1)) : zeros(n.shape))
            case .transpose: result = transpose(d(0))
            case .hadamard: result = add(has(0) ? hadamard(d(0), ops[1]) : zeros(n.shape), has(1) ? hadamard(ops[0], d(1)) : zeros(n.shape))
            case .entrywiseQuotient:
                result = subtract(has(0) ? entrywiseQuotient(d(0), ops[1]) : zeros(n.shape),
                                  has(1) ? entrywiseQuotient(hadamard(id, d(1)), ops[1]) : zeros(n.shape))
            case .elementwise(let f):
                let x = ops[0], dx = d(0)
                switch f {
                case .exp: result = hadamard(dx, id)
                case .log: result = entrywiseQuotient(dx, x)
                case .tanh: result = hadamard(dx, subtract(ones(n.shape), hadamard(id, id)))
                case .sigmoid: result = hadamard(dx, subtract(id, hadamard(id, id)))
                case .softplus: result = hadamard(dx, elementwise(.sigmoid, x))
                case .sqrt: result = scale(Rational(1) / Rational(2), entrywiseQuotient(dx, id))
                case .relu: result = hadamard(dx, unary(.positivePart, x, shape: n.shape))
                case .abs: throw _NotDifferentiable(operation: "abs", node: id)
                }
            case .power(let r): result = scale(r, hadamard(d(0), power(ops[0], r - 1)))
            case .trace, .entrySum, .rowSum, .columnSum: result = unary(n.operation, d(0), shape: n.shape)
            case .inverse: result = negate(multiply(multiply(id, d(0)), id))
            case .solve:
                // d(A⁻¹B) = A⁻¹(dB − dA·A⁻¹B)
                let rhs = subtract(has(1) ? d(1) : zeros(n.shape), has(0) ? multiply(d(0), id) : zeros(n.shape))
                result = solve(ops[0], rhs)
            case .positivePart: continue
            case .maximum, .minimum: throw _NotDifferentiable(operation: n.operation == .maximum ? "max" : "min", node: id)
            case .variable, .previous, .initial, .data, .parameter, .time, .step, .constant, .zeros, .identity, .ones: continue
            }
            dot[id] = result
        }
        return dot[root] ?? zeros(shape(root))
    }
}
