import MultiPrecision

/// A tape compiled for the Taylor recurrences: dead nodes removed, and every chain of sums, differences,
/// negations, rational scalings and products fused into one *sum-of-products* node.
///
/// A sum node is `c + Σ γᵢ·uᵢ + Σ δⱼ·aⱼ·bⱼ` with rational γ, δ: its Taylor coefficient of order k costs one
/// Cauchy product per term aⱼ·bⱼ accumulated into one result, with no intermediate series stored. This is how
/// the matrix structure of a field reaches the recurrences: an entry of a matrix product traced by `StateMatrix`
/// becomes one node whose order-k coefficient is Σ_l Σ_j A_{il,j} B_{lk,k−j}, a row of the matrix Cauchy
/// product; shared prefix products stay shared through the tape's common-subexpression elimination.
struct TaylorProgram: Sendable {
    /// A term δ·a·b of a sum node (a == b marks a square, whose Cauchy product needs half the products).
    struct Product: Sendable, Hashable {
        var a: Int
        var b: Int
        var coefficient: Rational
    }

    /// A term γ·u of a sum node.
    struct Term: Sendable, Hashable {
        var node: Int
        var coefficient: Rational
    }

    /// What a node computes.
    enum Kind: Sendable {
        /// State component i.
        case state(Int)
        /// The time variable.
        case time
        /// A rational constant.
        case constant(Rational)
        /// `constant + Σ terms + Σ products`.
        case sum(constant: Rational, terms: [Term], products: [Product])
        /// a / b.
        case divide(Int, Int)
        /// eᵃ.
        case exp(Int)
        /// ln a.
        case log(Int)
        /// √a.
        case sqrt(Int)
        /// a^α.
        case power(Int, Rational)
    }

    /// One node of the program.
    struct Node: Sendable {
        var kind: Kind
        /// The largest k with a possibly nonzero coefficient (0 for constants, 1 for t), `unbounded` otherwise.
        var degree: Int
        /// Whether the node depends on constants only (then it is computed once per precision, at order 0).
        var isStatic: Bool
    }

    /// The degree of a series that is not a polynomial.
    static let unbounded = Int.max / 4

    /// The nodes in topological order.
    var nodes: [Node]
    /// The node of each state component.
    var stateNodes: [Int]
    /// The node of t, if the field reads it.
    var timeNode: Int?
    /// The node holding each derivative component fᵢ.
    var outputs: [Int]

    /// The number of products a·b in the sum nodes (an order-k pass costs about this many times k + 1
    /// multiplications).
    var productCount: Int {
        nodes.reduce(0) { count, node in
            if case .sum(_, _, let products) = node.kind { return count + products.count }
            return count
        }
    }

    /// Compiles a tape.
    init(tape: TaylorTape) {
        let ops = tape.nodes
        // Liveness and use counts, from the outputs back.
        var uses = Array(repeating: 0, count: ops.count)
        var live = Array(repeating: false, count: ops.count)
        for output in tape.outputs { live[output] = true; uses[output] += 1 }
        for i in stride(from: ops.count - 1, through: 0, by: -1) where live[i] {
            for operand in ops[i].operands { live[operand] = true; uses[operand] += 1 }
        }
        // A node is absorbed into its single user when both are linear (or it is a product used by a linear node).
        func isLinear(_ op: TaylorOperation) -> Bool {
            switch op {
            case .add, .subtract, .negate, .scale, .shift: true
            default: false
            }
        }
        var absorbed = Array(repeating: false, count: ops.count)
        for i in ops.indices where live[i] && isLinear(ops[i]) {
            for operand in ops[i].operands where uses[operand] == 1 {
                if isLinear(ops[operand]) { absorbed[operand] = true }
                if case .multiply = ops[operand] { absorbed[operand] = true }
            }
        }
        // Outputs are never absorbed (they must exist as nodes).
        for output in tape.outputs { absorbed[output] = false }

        var map = Array(repeating: -1, count: ops.count)
        var nodes: [Node] = []
        var stateNodes = Array(repeating: -1, count: tape.dimension)
        var timeNode: Int? = nil

        func degree(_ n: Int) -> Int { nodes[n].degree }
        func isStatic(_ n: Int) -> Bool { nodes[n].isStatic }

        for i in ops.indices where live[i] && !absorbed[i] {
            let kind: Kind
            switch ops[i] {
            case .state(let s): kind = .state(s)
            case .time: kind = .time
            case .constant(let c): kind = .constant(c)
            case .divide(let a, let b): kind = .divide(map[a], map[b])
            case .exp(let a): kind = .exp(map[a])
            case .log(let a): kind = .log(map[a])
            case .sqrt(let a): kind = .sqrt(map[a])
            case .power(let a, let alpha): kind = .power(map[a], alpha)
            case .add, .subtract, .negate, .scale, .shift, .multiply:
                var constant = Rational(0)
                var terms: [Int: Rational] = [:], termOrder: [Int] = []
                var products: [[Int]: Rational] = [:], productOrder: [[Int]] = []
                func addTerm(_ node: Int, _ c: Rational) {
                    if terms[node] == nil { termOrder.append(node) }
                    terms[node, default: Rational(0)] += c
                }
                func expand(_ j: Int, _ c: Rational, root: Bool) {
                    guard root || absorbed[j] else { addTerm(map[j], c); return }
                    switch ops[j] {
                    case .add(let a, let b): expand(a, c, root: false); expand(b, c, root: false)
                    case .subtract(let a, let b): expand(a, c, root: false); expand(b, -c, root: false)
                    case .negate(let a): expand(a, -c, root: false)
                    case .scale(let a, let d): expand(a, c * d, root: false)
                    case .shift(let a, let d): constant += c * d; expand(a, c, root: false)
                    case .multiply(let a, let b):
                        let key = [min(map[a], map[b]), max(map[a], map[b])]
                        if products[key] == nil { productOrder.append(key) }
                        products[key, default: Rational(0)] += c
                    default: addTerm(map[j], c)
                    }
                }
                expand(i, Rational(1), root: true)
                kind = .sum(
                    constant: constant,
                    terms: termOrder.compactMap { terms[$0]!.isZero ? nil : Term(node: $0, coefficient: terms[$0]!) },
                    products: productOrder.compactMap {
                        products[$0]!.isZero ? nil : Product(a: $0[0], b: $0[1], coefficient: products[$0]!)
                    })
            }
            let node: Node
            switch kind {
            case .state: node = Node(kind: kind, degree: Self.unbounded, isStatic: false)
            case .time: node = Node(kind: kind, degree: 1, isStatic: false)
            case .constant: node = Node(kind: kind, degree: 0, isStatic: true)
            case .sum(_, let terms, let products):
                var d = 0, s = true
                for t in terms { d = max(d, degree(t.node)); s = s && isStatic(t.node) }
                for p in products {
                    d = max(d, min(Self.unbounded, degree(p.a) + degree(p.b)))
                    s = s && isStatic(p.a) && isStatic(p.b)
                }
                node = Node(kind: kind, degree: d, isStatic: s)
            case .divide(let a, let b):
                node = Node(kind: kind, degree: degree(b) == 0 ? degree(a) : Self.unbounded,
                            isStatic: isStatic(a) && isStatic(b))
            case .exp(let a), .log(let a), .sqrt(let a), .power(let a, _):
                node = Node(kind: kind, degree: degree(a) == 0 ? 0 : Self.unbounded, isStatic: isStatic(a))
            }
            map[i] = nodes.count
            nodes.append(node)
            if case .state(let s) = kind { stateNodes[s] = map[i] }
            if case .time = kind { timeNode = map[i] }
        }
        // State components the field never reads still get a node: their coefficients are needed for the step.
        for s in 0..<tape.dimension where stateNodes[s] < 0 {
            stateNodes[s] = nodes.count
            nodes.append(Node(kind: .state(s), degree: Self.unbounded, isStatic: false))
        }
        self.nodes = nodes
        self.stateNodes = stateNodes
        self.timeNode = timeNode
        self.outputs = tape.outputs.map { map[$0] }
    }
}
