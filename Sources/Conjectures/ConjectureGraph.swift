import MultiPrecision
import Symbolic

/// One operation of the intermediate representation. Every value is a matrix; a scalar is a 1 × 1 matrix.
public enum ConjectureOperation: Hashable, Sendable {
    /// The current value of a variable.
    case variable(String)
    /// The previous iterate of a variable (maps: x₋₁ = x₀).
    case previous(String)
    /// The value of a variable at the start of the run.
    case initial(String)
    /// A constant data symbol.
    case data(String)
    /// A scalar parameter.
    case parameter(String)
    /// The time t (flows).
    case time
    /// The step counter k (maps).
    case step
    /// A rational scalar.
    case constant(Rational)
    /// The zero matrix of the node's shape.
    case zeros
    /// The identity matrix of the node's (square) shape.
    case identity
    /// The matrix of ones of the node's shape.
    case ones
    /// a + b (same shapes).
    case add
    /// a − b (same shapes).
    case subtract
    /// s·M for a scalar s (operands s, M).
    case scale
    /// The matrix product a·b.
    case multiply
    /// aᵀ.
    case transpose
    /// The entrywise product a ∘ b.
    case hadamard
    /// The entrywise quotient a ⊘ b.
    case entrywiseQuotient
    /// An entrywise function.
    case elementwise(ElementwiseFunction)
    /// The entrywise power x^r for a rational r.
    case power(Rational)
    /// tr(a).
    case trace
    /// Σ_ij a_ij.
    case entrySum
    /// The column of row sums.
    case rowSum
    /// The row of column sums.
    case columnSum
    /// The largest entry.
    case maximum
    /// The smallest entry.
    case minimum
    /// a⁻¹.
    case inverse
    /// A⁻¹B (operands A, B).
    case solve
    /// The entrywise indicator [x > 0], the derivative of relu away from 0.
    case positivePart
}

/// The entrywise functions of the language.
public enum ElementwiseFunction: String, Hashable, Sendable, CaseIterable {
    /// eˣ.
    case exp
    /// ln x (x > 0).
    case log
    /// tanh x = 1 − 2/(e^{2x} + 1).
    case tanh
    /// σ(x) = 1/(1 + e^{−x}).
    case sigmoid
    /// ln(1 + eˣ).
    case softplus
    /// √x (x ≥ 0).
    case sqrt
    /// |x| (not differentiable at 0).
    case abs
    /// max(x, 0) (not differentiable at 0).
    case relu
}

/// A node of the graph: an operation on earlier nodes, with its shape (dimension names or sizes).
public struct ConjectureNode: Hashable, Sendable {
    /// The operation.
    public var operation: ConjectureOperation
    /// The operands, as indices of earlier nodes.
    public var operands: [Int]
    /// The shape; scalars are 1 × 1.
    public var shape: Shape
}

/// The intermediate representation: a DAG of matrix operations, hash-consed so that equal subexpressions are one
/// node (common-subexpression sharing), and simplified as it is built (x·1, 1·x, x + 0, xᵀᵀ, c·(d·x) = (cd)·x,
/// constant scalars folded). Operands always precede their node, so index order is a topological order.
public struct ConjectureGraph: Sendable {
    /// The nodes.
    public private(set) var nodes: [ConjectureNode] = []
    private var index: [ConjectureNode: Int] = [:]

    /// The scalar shape 1 × 1.
    public static let scalar = Shape(.fixed(1), .fixed(1))

    /// An empty graph.
    public init() {}

    /// The node `id`.
    public subscript(id: Int) -> ConjectureNode { nodes[id] }

    /// The shape of node `id`.
    public func shape(_ id: Int) -> Shape { nodes[id].shape }

    /// Whether node `id` is 1 × 1.
    public func isScalar(_ id: Int) -> Bool { nodes[id].shape == Self.scalar }

    /// The rational value of a constant scalar node.
    public func constantValue(_ id: Int) -> Rational? {
        if case .constant(let c) = nodes[id].operation { return c }
        return nil
    }

    /// Adds (or finds) the node without simplification.
    mutating func _intern(_ node: ConjectureNode) -> Int {
        if let id = index[node] { return id }
        nodes.append(node)
        index[node] = nodes.count - 1
        return nodes.count - 1
    }

    // MARK: Leaves

    /// A leaf of the given operation and shape.
    public mutating func leaf(_ operation: ConjectureOperation, shape: Shape) -> Int {
        _intern(ConjectureNode(operation: operation, operands: [], shape: shape))
    }

    /// The rational scalar c.
    public mutating func constant(_ c: Rational) -> Int { leaf(.constant(c), shape: Self.scalar) }

    /// The zero matrix of `shape` (the constant 0 for a scalar).
    public mutating func zeros(_ shape: Shape) -> Int {
        shape == Self.scalar ? constant(0) : leaf(.zeros, shape: shape)
    }

    /// The identity of the square `shape` (the constant 1 for a scalar).
    public mutating func identity(_ shape: Shape) -> Int {
        shape == Self.scalar ? constant(1) : leaf(.identity, shape: shape)
    }

    /// The ones matrix of `shape` (the constant 1 for a scalar).
    public mutating func ones(_ shape: Shape) -> Int {
        shape == Self.scalar ? constant(1) : leaf(.ones, shape: shape)
    }

    func isZero(_ id: Int) -> Bool {
        switch nodes[id].operation {
        case .zeros: return true
        case .constant(let c): return c.isZero
        default: return false
        }
    }

    /// (c, x) with node = c·x, c rational (c = 1 and x = node otherwise).
    func scaled(_ id: Int) -> (Rational, Int) {
        let n = nodes[id]
        if n.operation == .scale, let c = constantValue(n.operands[0]) { return (c, n.operands[1]) }
        return (1, id)
    }

    // MARK: Operations (simplifying)

    /// a + b.
    public mutating func add(_ a: Int, _ b: Int) -> Int {
        if isZero(a) { return b }
        if isZero(b) { return a }
        if let x = constantValue(a), let y = constantValue(b) { return constant(x + y) }
        let (c, x) = scaled(a), (d, y) = scaled(b)
        if x == y { return scale(c + d, x) }
        if d.isNegative { return _intern(ConjectureNode(operation: .subtract, operands: [a, scale(-d, y)], shape: shape(a))) }
        let (p, q) = a <= b ? (a, b) : (b, a)
        return _intern(ConjectureNode(operation: .add, operands: [p, q], shape: shape(a)))
    }

    /// a − b.
    public mutating func subtract(_ a: Int, _ b: Int) -> Int {
        if isZero(b) { return a }
        if isZero(a) { return negate(b) }
        if let x = constantValue(a), let y = constantValue(b) { return constant(x - y) }
        let (c, x) = scaled(a), (d, y) = scaled(b)
        if x == y { return scale(c - d, x) }
        if d.isNegative { return add(a, scale(-d, y)) }
        return _intern(ConjectureNode(operation: .subtract, operands: [a, b], shape: shape(a)))
    }

    /// −a.
    public mutating func negate(_ a: Int) -> Int { scale(-1, a) }

    /// c·a for a rational c.
    public mutating func scale(_ c: Rational, _ a: Int) -> Int {
        if c == 1 { return a }
        if c.isZero || isZero(a) { return zeros(shape(a)) }
        if let x = constantValue(a) { return constant(c * x) }
        let (d, x) = scaled(a)
        return _intern(ConjectureNode(operation: .scale, operands: [constant(c * d), x], shape: shape(x)))
    }

    /// s·M for a scalar node s.
    public mutating func scale(by s: Int, _ m: Int) -> Int {
        if let c = constantValue(s) { return scale(c, m) }
        if isScalar(m) { return hadamard(s, m) }
        if isZero(m) { return m }
        let (c, x) = scaled(m)
        if c != 1 { return scale(c, scale(by: s, x)) }
        return _intern(ConjectureNode(operation: .scale, operands: [s, m], shape: shape(m)))
    }

    /// The matrix product a·b (or s·M when one side is 1 × 1).
    public mutating func multiply(_ a: Int, _ b: Int) -> Int {
        if isScalar(a) && !isScalar(b) { return scale(by: a, b) }
        if isScalar(b) && !isScalar(a) { return scale(by: b, a) }
        if isScalar(a) && isScalar(b) { return hadamard(a, b) }
        if nodes[a].operation == .identity { return b }
        if nodes[b].operation == .identity { return a }
        let s = Shape(shape(a).rows, shape(b).columns)
        if isZero(a) || isZero(b) { return zeros(s) }
        let (c, x) = scaled(a), (d, y) = scaled(b)
        if c != 1 || d != 1 { return scale(c * d, multiply(x, y)) }
        return _intern(ConjectureNode(operation: .multiply, operands: [a, b], shape: s))
    }

    /// aᵀ.
    public mutating func transpose(_ a: Int) -> Int {
        let n = nodes[a]
        if isScalar(a) { return a }
        switch n.operation {
        case .transpose: return n.operands[0]
        case .identity: return a
        case .zeros, .ones: return leaf(n.operation, shape: n.shape.transposed())
        case .scale: return scale(by: n.operands[0], transpose(n.operands[1]))
        default: return _intern(ConjectureNode(operation: .transpose, operands: [a], shape: n.shape.transposed()))
        }
    }

    /// a ∘ b.
    public mutating func hadamard(_ a: Int, _ b: Int) -> Int {
        if let x = constantValue(a), let y = constantValue(b) { return constant(x * y) }
        if nodes[a].operation == .ones || constantValue(a) == 1 { return b }
        if nodes[b].operation == .ones || constantValue(b) == 1 { return a }
        if isZero(a) || isZero(b) { return zeros(shape(a)) }
        if let c = constantValue(a) { return scale(c, b) }
        if let c = constantValue(b) { return scale(c, a) }
        let (c, x) = scaled(a), (d, y) = scaled(b)
        if c != 1 || d != 1 { return scale(c * d, hadamard(x, y)) }
        let (p, q) = a <= b ? (a, b) : (b, a)
        return _intern(ConjectureNode(operation: .hadamard, operands: [p, q], shape: shape(a)))
    }

    /// a ⊘ b.
    public mutating func entrywiseQuotient(_ a: Int, _ b: Int) -> Int {
        if let x = constantValue(a), let y = constantValue(b), !y.isZero { return constant(x / y) }
        if let c = constantValue(b), !c.isZero { return scale(1 / c, a) }
        if nodes[b].operation == .ones { return a }
        return _intern(ConjectureNode(operation: .entrywiseQuotient, operands: [a, b], shape: shape(a)))
    }

    /// s / t for a scalar t, as s·t⁻¹ (entrywise for scalars).
    public mutating func divide(_ a: Int, byScalar t: Int) -> Int {
        if isScalar(a) { return entrywiseQuotient(a, t) }
        if let c = constantValue(t), !c.isZero { return scale(1 / c, a) }
        return scale(by: power(t, -1), a)
    }

    /// An entrywise function.
    public mutating func elementwise(_ f: ElementwiseFunction, _ a: Int) -> Int {
        _intern(ConjectureNode(operation: .elementwise(f), operands: [a], shape: shape(a)))
    }

    /// The entrywise power x^r.
    public mutating func power(_ a: Int, _ r: Rational) -> Int {
        if r == 1 { return a }
        if r.isZero { return ones(shape(a)) }
        if let c = constantValue(a), r.isInteger, let n = Int(r.description), n > 0 || !c.isZero {
            return constant(n >= 0 ? c.power(n) : Rational(1) / c.power(-n))
        }
        return _intern(ConjectureNode(operation: .power(r), operands: [a], shape: shape(a)))
    }

    /// A reduction or other unary operation with a given result shape.
    public mutating func unary(_ operation: ConjectureOperation, _ a: Int, shape: Shape) -> Int {
        if operation == .trace || operation == .entrySum, isScalar(a) { return a }
        if operation == .trace, case .scale = nodes[a].operation {
            return scale(by: nodes[a].operands[0], unary(.trace, nodes[a].operands[1], shape: shape))
        }
        if operation == .entrySum, case .scale = nodes[a].operation {
            return scale(by: nodes[a].operands[0], unary(.entrySum, nodes[a].operands[1], shape: shape))
        }
        return _intern(ConjectureNode(operation: operation, operands: [a], shape: shape))
    }

    /// A⁻¹B.
    public mutating func solve(_ a: Int, _ b: Int) -> Int {
        _intern(ConjectureNode(operation: .solve, operands: [a, b], shape: Shape(shape(a).columns, shape(b).columns)))
    }

    /// The nodes that `roots` depend on (including themselves), in increasing order.
    public func dependencies(of roots: [Int]) -> [Int] {
        var needed = Array(repeating: false, count: nodes.count)
        var stack = roots
        while let id = stack.popLast() {
            if needed[id] { continue }
            needed[id] = true
            stack.append(contentsOf: nodes[id].operands)
        }
        return needed.indices.filter { needed[$0] }
    }
}
