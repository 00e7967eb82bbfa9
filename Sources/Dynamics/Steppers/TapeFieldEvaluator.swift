import MultiPrecision

/// f(t, x) evaluated from the field's traced tape (order 0 of the Taylor program), with every node value and
/// coefficient preallocated at the working precision: the `RightHandSide` of the Runge–Kutta and Gauss–Legendre
/// steppers.
///
/// The field is traced once (as for the Taylor method: shared subexpressions, exact constant folding, chains of
/// sums of products fused into one node) and compiled to a flat list of slot instructions (`TapeCode`). A sum
/// node c + Σ γ·u + Σ δ·a·b costs one multiplication per product (plus one per coefficient other than ±1) and one
/// addition per term, into the node's own slot. For `BigFloat` and `Double` the instructions run in a concrete,
/// non-generic loop over preallocated slots (`TapeMPFRArena`: one MPFR arena; `TapeDoubleSlots`), so an evaluation
/// allocates nothing, eˣ, ln, √ and powers included; any other scalar type runs the same operations through the
/// generic in-place forms. The result equals the generic evaluation up to the order of the rounded additions
/// inside a fused sum. The `Double` Jacobian of the implicit steppers is taken by forward differences on the
/// `Double` slots.
public struct TapeFieldEvaluator<Field: VectorField, Scalar: IntegrationScalar>: RightHandSide {
    /// The generic evaluator (the field itself at the working precision).
    public var generic: VectorFieldEvaluator<Field, Scalar>
    private let program: TaylorProgram
    /// The `BigFloat` slots, when `Scalar` is `BigFloat`.
    private var arena: TapeMPFRArena?
    /// The `Double` slots: the evaluation when `Scalar` is `Double`, and the Jacobian for every scalar.
    private var doubles: TapeDoubleSlots
    private let coefficients: Coefficients
    /// For other scalar types: the node values, then three work slots (a product, a scaled term, the
    /// accumulator's spare); empty for `BigFloat` and `Double`.
    private var values: [Scalar]

    /// Each node's constants at the working precision: constant term, term and product coefficients (±1 marked).
    private struct Coefficients {
        var constants: [Scalar?]
        var terms: [[Scalar?]]
        var products: [[Scalar?]]
    }

    /// Traces `field` and preallocates its node values at `precision` bits.
    public init(_ field: Field, precision: Int) {
        generic = VectorFieldEvaluator(field, precision: precision)
        program = TaylorProgram(tape: TaylorTape.trace(field))
        let code = TapeCode(program)
        doubles = TapeDoubleSlots(code)
        if Scalar.self == BigFloat.self || Scalar.self == Double.self {
            if Scalar.self == BigFloat.self { arena = TapeMPFRArena(code, precision: precision) }
            values = []
            coefficients = Coefficients(constants: [], terms: [], products: [])
            return
        }
        let nodes = program.nodes
        func scalar(_ r: Rational) -> Scalar? { r == Rational(1) || r == Rational(-1) ? nil : Scalar(r) }
        (values, coefficients) = withPrecision(precision) {
            var constants: [Scalar?] = [], terms: [[Scalar?]] = [], products: [[Scalar?]] = []
            for node in nodes {
                if case .sum(let c, let t, let p) = node.kind {
                    constants.append(c.isZero ? nil : Scalar(c))
                    terms.append(t.map { scalar($0.coefficient) })
                    products.append(p.map { scalar($0.coefficient) })
                } else {
                    constants.append(nil); terms.append([]); products.append([])
                }
            }
            // Distinct storage per node (never one shared zero), so in-place writes allocate nothing.
            return ((0..<(nodes.count + 3)).map { _ in Scalar(0) + Scalar(0) }, Coefficients(constants: constants, terms: terms, products: products))
        }
        for (n, node) in nodes.enumerated() where node.isStatic {
            if case .constant(let c) = node.kind { values[n] = withPrecision(precision) { Scalar(c) } }
        }
        for (n, node) in nodes.enumerated() where node.isStatic {
            if case .constant = node.kind { continue }
            evaluateNode(n)
        }
    }

    /// The field's dimension.
    public var dimension: Int { generic.dimension }

    /// Writes f(t, x) into `derivative`: one pass over the non-constant nodes.
    public mutating func evaluate(time: Scalar, state: [Scalar], into derivative: inout [Scalar]) {
        if arena != nil {
            if !isKnownUniquelyReferenced(&arena) { arena = arena.unsafelyUnwrapped.copy() }
            let arena = self.arena.unsafelyUnwrapped
            Self.withStorage(as: BigFloat.self, time: time, state: state, derivative: &derivative) {
                arena.evaluate(time: $0, state: $1, into: $2)
            }
            return
        }
        if Scalar.self == Double.self {
            if !isKnownUniquelyReferenced(&doubles) { doubles = doubles.copy() }
            let doubles = self.doubles
            Self.withStorage(as: Double.self, time: time, state: state, derivative: &derivative) {
                doubles.evaluate(time: $0, state: $1, into: $2)
            }
            return
        }
        for (s, n) in program.stateNodes.enumerated() { values[n].set(state[s]) }
        if let t = program.timeNode { values[t].set(time) }
        for n in program.nodes.indices where !program.nodes[n].isStatic { evaluateNode(n) }
        for (i, n) in program.outputs.enumerated() { derivative[i].set(values[n]) }
    }

    /// Computes node `n` from its operands (state, time and constant nodes are already set). A sum accumulates
    /// by ping-pong: `spare ← value ± term`, then the two swap storage, so every write is in place.
    private mutating func evaluateNode(_ n: Int) {
        let product = program.nodes.count, scaled = product + 1, spare = product + 2
        switch program.nodes[n].kind {
        case .state, .time, .constant:
            return
        case .sum(_, let terms, let products):
            let coefficients = self.coefficients
            values.withUnsafeMutableBufferPointer { v in
                func accumulate(_ slot: Int, positive: Bool) {
                    if positive { v[spare].formSum(v[n], v[slot]) } else { v[spare].formDifference(v[n], v[slot]) }
                    v.swapAt(n, spare)
                }
                if let c = coefficients.constants[n] { v[n].set(c) } else { v[n].set(0.0 as Double) }
                for (k, term) in terms.enumerated() {
                    if let g = coefficients.terms[n][k] {
                        v[scaled].formProduct(g, v[term.node]); accumulate(scaled, positive: true)
                    } else {
                        accumulate(term.node, positive: !term.coefficient.isNegative)  // ±1 here; no Rational made per term
                    }
                }
                for (k, p) in products.enumerated() {
                    v[product].formProduct(v[p.a], v[p.b])
                    if let d = coefficients.products[n][k] {
                        v[scaled].formProduct(v[product], d); accumulate(scaled, positive: true)
                    } else {
                        accumulate(product, positive: !p.coefficient.isNegative)
                    }
                }
            }
        case .divide(let a, let b):
            values.withUnsafeMutableBufferPointer { v in v[n].formQuotient(v[a], v[b]) }
        case .exp(let a): values[n].set(Scalar.exp(values[a]))
        case .log(let a): values[n].set(Scalar.log(values[a]))
        case .sqrt(let a): values[n].set(Scalar.sqrt(values[a]))
        case .power(let a, let alpha): values[n].set(Scalar.pow(values[a], rational: alpha))
        }
    }

    /// Forward differences in `Double` on the tape (steps √ε·max(|xⱼ|, 1), as `VectorFieldEvaluator`'s).
    public mutating func approximateJacobian(time: Double, state: [Double], into jacobian: inout [Double]) -> Bool {
        if !isKnownUniquelyReferenced(&doubles) { doubles = doubles.copy() }
        return doubles.approximateJacobian(time: time, state: state, into: &jacobian)
    }

    /// Runs `body` on the storage of `time`, `state` and `derivative` seen as `T`, which must be `Scalar` itself
    /// (`BigFloat` or `Double`, checked by the caller): the concrete loops take no generic values.
    private static func withStorage<T>(as _: T.Type, time: Scalar, state: [Scalar], derivative: inout [Scalar],
                                       _ body: (T, UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) -> Void) {
        withUnsafePointer(to: time) { t in
            state.withUnsafeBufferPointer { s in
                derivative.withUnsafeMutableBufferPointer { d in
                    body(UnsafeRawPointer(t).assumingMemoryBound(to: T.self).pointee,
                         UnsafeBufferPointer(start: UnsafeRawPointer(s.baseAddress)?.assumingMemoryBound(to: T.self),
                                             count: s.count),
                         UnsafeMutableBufferPointer(start: UnsafeMutableRawPointer(d.baseAddress)?
                                                        .assumingMemoryBound(to: T.self), count: d.count))
                }
            }
        }
    }
}
