import MultiPrecision
import Symbolic

/// What an expression may use, by where it appears.
struct _BuildOptions: Sendable {
    /// `prev(…)` (explicit maps).
    var allowsPrevious = false
    /// `initial(…)` (properties).
    var allowsInitial = false
    /// The time `t` (flows and their properties).
    var allowsTime = false
    /// The step counter `k` (maps and their properties).
    var allowsStep = false
    /// `abs`, `norm1`, `max`, `min` (which need comparisons: not in a traced flow).
    var allowsNonSmooth = false
}

/// Which iterate the variables of an expression refer to.
enum _Moment: Hashable, Sendable {
    case current, previous, initial
}

/// Turns parsed expressions into graph nodes, checking shapes, names and where each construct may appear.
struct _ExpressionBuilder: Sendable {
    var graph = ConjectureGraph()
    let symbols: [String: ConjectureSymbol]
    /// The symbols in declaration order, with canonical names.
    let orderedSymbols: [ConjectureSymbol]
    let parameters: Set<String>
    let definitions: [String: (expression: Expression, key: String)]
    /// Dimension names that must equal a fixed size (from a named dimension meeting a fixed one).
    var dimensionConstraints: [String: Int] = [:]
    private var definitionNodes: [String: Int] = [:]
    private var definitionsInProgress: [String] = []

    var key = ""
    var options = _BuildOptions()
    var moment = _Moment.current

    init(symbols: [ConjectureSymbol], parameters: [String], definitions: [ConjectureDefinition]) throws(ConjectureError) {
        var table: [String: ConjectureSymbol] = [:]
        var ordered: [ConjectureSymbol] = []
        let reserved: Set<String> = ["t", "k"]
        for s in symbols {
            guard let parsed = try? Parser.expression(s.name), case .name(let name) = parsed.node else {
                throw ConjectureError(key: s.key, message: "'\(s.name)' is not a valid symbol name (letters, then digits; not a function name)")
            }
            if reserved.contains(name) { throw ConjectureError(key: s.key, message: "'\(name)' is reserved (t is the time, k the step)") }
            if table[name] != nil { throw ConjectureError(key: s.key, message: "'\(name)' is declared twice") }
            var symbol = s
            symbol.name = name
            table[name] = symbol
            ordered.append(symbol)
        }
        self.symbols = table
        self.orderedSymbols = ordered
        var parameterSet = Set<String>()
        for p in parameters {
            if table[p] != nil || reserved.contains(p) {
                throw ConjectureError(key: "parameters.\(p)", message: "'\(p)' is both a parameter and a symbol or reserved name")
            }
            parameterSet.insert(p)
        }
        self.parameters = parameterSet
        var defs: [String: (Expression, String)] = [:]
        for d in definitions {
            if table[d.name] != nil || parameterSet.contains(d.name) || reserved.contains(d.name) {
                throw ConjectureError(key: d.key, message: "'\(d.name)' is already a symbol, a parameter or a reserved name")
            }
            do { defs[d.name] = (try Parser.expression(d.text), d.key) } catch {
                throw ConjectureError(key: d.key, column: error.column, message: String(describing: error).replacingOccurrences(of: "column \(error.column): ", with: ""))
            }
        }
        self.definitions = defs
    }

    /// Parses and builds `text` under `key`.
    mutating func build(_ text: String, key: String, options: _BuildOptions, expected: Shape? = nil) throws(ConjectureError) -> Int {
        let expression: Expression
        do { expression = try Parser.expression(text) } catch {
            let message = String(describing: error).replacingOccurrences(of: "column \(error.column): ", with: "")
            throw ConjectureError(key: key, column: error.column, message: message)
        }
        self.key = key
        self.options = options
        self.moment = .current
        let node = try build(expression, expected: expected)
        if let expected, !sameShape(graph.shape(node), expected) {
            throw ConjectureError(key: key, column: 1, message: "the expression has shape \(describe(graph.shape(node))), but \(describe(expected)) is expected")
        }
        return node
    }

    func fail(_ e: Expression, _ message: String) -> ConjectureError {
        ConjectureError(key: key, column: e.range.lowerBound + 1, message: message)
    }

    func describe(_ s: Shape) -> String { s == ConjectureGraph.scalar ? "a scalar" : "\(s)" }

    /// Whether two dimensions can be the same size; a named one meeting a fixed one records a constraint.
    mutating func unify(_ a: Dimension, _ b: Dimension) -> Dimension? {
        if a == b { return a }
        switch (a, b) {
        case (.named(let n), .fixed(let v)), (.fixed(let v), .named(let n)):
            if let known = dimensionConstraints[n], known != v { return nil }
            dimensionConstraints[n] = v
            return .fixed(v)
        default: return nil
        }
    }

    func sameShape(_ a: Shape, _ b: Shape) -> Bool {
        func same(_ x: Dimension, _ y: Dimension) -> Bool {
            if x == y { return true }
            switch (x, y) {
            case (.named(let n), .fixed(let v)), (.fixed(let v), .named(let n)): return dimensionConstraints[n] == v
            default: return false
            }
        }
        return same(a.rows, b.rows) && same(a.columns, b.columns)
    }

    mutating func unifyShapes(_ a: Shape, _ b: Shape) -> Shape? {
        guard let r = unify(a.rows, b.rows), let c = unify(a.columns, b.columns) else { return nil }
        return Shape(r, c)
    }

    /// Whether the expression's shape comes from where it is used (`I`, `ones`, their multiples and sums).
    func isShapeless(_ e: Expression) -> Bool {
        switch e.node {
        case .identity: return true
        case .function("ones", let a): return a.isEmpty
        case .negation(let a): return isShapeless(a)
        case .sum(let a, let b), .difference(let a, let b), .hadamard(let a, let b): return isShapeless(a) && isShapeless(b)
        case .product(let a, let b):
            return isShapeless(a) && isScalarLiteral(b) || isShapeless(b) && isScalarLiteral(a) || isShapeless(a) && isShapeless(b)
        case .quotient(let a, _): return isShapeless(a)
        default: return false
        }
    }

    func isScalarLiteral(_ e: Expression) -> Bool {
        switch e.node {
        case .number: return true
        case .name(let n): return parameters.contains(n) || n == "t" || n == "k" || symbols[n]?.shape == ConjectureGraph.scalar
        case .negation(let a): return isScalarLiteral(a)
        default: return false
        }
    }

    func isIdentityLike(_ e: Expression) -> Bool {
        switch e.node {
        case .identity: return true
        case .negation(let a): return isIdentityLike(a)
        case .product(let a, let b): return isIdentityLike(a) || isIdentityLike(b)
        case .sum(let a, let b), .difference(let a, let b): return isIdentityLike(a) || isIdentityLike(b)
        default: return false
        }
    }

    /// Where each node was first built from: its key and 1-based column (for messages about the node).
    var origins: [Int: (key: String, column: Int)] = [:]
    /// The column of each node in each key's expression that uses it.
    var columns: [Int: [String: Int]] = [:]

    mutating func build(_ e: Expression, expected: Shape?) throws(ConjectureError) -> Int {
        let node = try _build(e, expected: expected)
        if origins[node] == nil { origins[node] = (key, e.range.lowerBound + 1) }
        if columns[node]?[key] == nil { columns[node, default: [:]][key] = e.range.lowerBound + 1 }
        return node
    }

    mutating func _build(_ e: Expression, expected: Shape?) throws(ConjectureError) -> Int {
        switch e.node {
        case .number(let c):
            return graph.constant(c)
        case .identity:
            guard let s = expected else { throw fail(e, "the size of I cannot be inferred here; use it in a sum or product with a matrix") }
            guard s.isSquare || sameShape(Shape(s.rows, s.rows), s) else { throw fail(e, "I would have the non-square shape \(s)") }
            return graph.identity(s)
        case .name(let name):
            return try buildName(name, e)
        case .negation(let a):
            return graph.negate(try build(a, expected: expected))
        case .sum(let a, let b), .difference(let a, let b):
            let isSum: Bool
            if case .sum = e.node { isSum = true } else { isSum = false }
            let (x, y) = try buildPair(a, b, expected: expected)
            let sx = graph.shape(x), sy = graph.shape(y)
            if graph.isScalar(x) != graph.isScalar(y) {
                throw fail(e, "\(isSum ? "a sum" : "a difference") of \(describe(sx)) and \(describe(sy)); write c I or c ones for a matrix of constants")
            }
            guard unifyShapes(sx, sy) != nil else {
                throw fail(e, "shape mismatch in \(isSum ? "a sum" : "a difference"): \(sx) and \(sy)")
            }
            return isSum ? graph.add(x, y) : graph.subtract(x, y)
        case .hadamard(let a, let b), .entrywiseQuotient(let a, let b):
            let isProduct: Bool
            if case .hadamard = e.node { isProduct = true } else { isProduct = false }
            let (x, y) = try buildPair(a, b, expected: expected)
            let sx = graph.shape(x), sy = graph.shape(y)
            guard unifyShapes(sx, sy) != nil else {
                throw fail(e, "shape mismatch in an entrywise \(isProduct ? "product" : "quotient"): \(describe(sx)) and \(describe(sy))")
            }
            return isProduct ? graph.hadamard(x, y) : graph.entrywiseQuotient(x, y)
        case .product(let a, let b):
            let x: Int, y: Int
            if isShapeless(a) && !isShapeless(b) {
                y = try build(b, expected: nil)
                let sy = graph.shape(y)
                if graph.isScalar(y) { x = try build(a, expected: expected) } else {
                    let rows: Dimension? = isIdentityLike(a) ? sy.rows : expected?.rows
                    x = try build(a, expected: rows.map { Shape($0, sy.rows) })
                }
            } else {
                x = try build(a, expected: isShapeless(b) ? nil : nil)
                let sx = graph.shape(x)
                if isShapeless(b) {
                    if graph.isScalar(x) { y = try build(b, expected: expected) } else {
                        let columns: Dimension? = isIdentityLike(b) ? sx.columns : expected?.columns
                        y = try build(b, expected: columns.map { Shape(sx.columns, $0) })
                    }
                } else {
                    y = try build(b, expected: nil)
                }
            }
            let sx = graph.shape(x), sy = graph.shape(y)
            if !graph.isScalar(x) && !graph.isScalar(y) {
                guard unify(sx.columns, sy.rows) != nil else {
                    throw fail(e, "shape mismatch in a product: \(sx) times \(sy)")
                }
            }
            return graph.multiply(x, y)
        case .quotient(let a, let b):
            let y = try build(b, expected: nil)
            guard graph.isScalar(y) else {
                throw fail(b, "division by \(describe(graph.shape(y))): divide by a scalar, or use ⊘ (entrywise) or solve(A, B)")
            }
            if let c = graph.constantValue(y), c.isZero { throw fail(b, "division by zero") }
            let x = try build(a, expected: expected)
            return graph.divide(x, byScalar: y)
        case .power(let a, let k):
            let x = try build(a, expected: expected)
            if graph.isScalar(x) { return graph.power(x, Rational(k)) }
            let s = graph.shape(x)
            guard unify(s.rows, s.columns) != nil else { throw fail(e, "a matrix power of the non-square \(s); use pow(e, r) for entrywise powers") }
            if k == 0 { return graph.identity(s) }
            var result = x
            for _ in 1..<k { result = graph.multiply(result, x) }
            return result
        case .transpose(let a):
            return graph.transpose(try build(a, expected: expected?.transposed()))
        case .trace(let a):
            let x = try build(a, expected: nil)
            let s = graph.shape(x)
            guard unify(s.rows, s.columns) != nil else { throw fail(e, "the trace of the non-square \(s)") }
            return graph.unary(.trace, x, shape: ConjectureGraph.scalar)
        case .derivative:
            throw fail(e, "d/dt belongs to symbolic identities; a monotone property checks the sign of d/dt itself")
        case .step:
            throw fail(e, "step(…) belongs to symbolic identities; use prev(…) in a map")
        case .coefficient:
            throw fail(e, "coeff(…) belongs to symbolic identities")
        case .function(let name, let arguments):
            return try buildFunction(name, arguments, e, expected: expected)
        }
    }

    /// Builds both operands of a shape-preserving binary operation, giving a shapeless side the other's shape.
    mutating func buildPair(_ a: Expression, _ b: Expression, expected: Shape?) throws(ConjectureError) -> (Int, Int) {
        if isShapeless(a) && !isShapeless(b) {
            let y = try build(b, expected: expected)
            return (try build(a, expected: graph.shape(y)), y)
        }
        let x = try build(a, expected: expected)
        return (x, try build(b, expected: isShapeless(b) ? graph.shape(x) : expected))
    }

    mutating func buildName(_ name: String, _ e: Expression) throws(ConjectureError) -> Int {
        if name == "t" {
            guard options.allowsTime else { throw fail(e, "the time t exists only for flows") }
            return graph.leaf(.time, shape: ConjectureGraph.scalar)
        }
        if name == "k" {
            guard options.allowsStep else { throw fail(e, "the step counter k exists only for maps and gradient descent") }
            return graph.leaf(.step, shape: ConjectureGraph.scalar)
        }
        if let symbol = symbols[name] {
            switch (symbol.role, moment) {
            case (.data, _): return graph.leaf(.data(name), shape: symbol.shape)
            case (.variable, .current): return graph.leaf(.variable(name), shape: symbol.shape)
            case (.variable, .previous): return graph.leaf(.previous(name), shape: symbol.shape)
            case (.variable, .initial): return graph.leaf(.initial(name), shape: symbol.shape)
            }
        }
        if parameters.contains(name) { return graph.leaf(.parameter(name), shape: ConjectureGraph.scalar) }
        if let definition = definitions[name] {
            let memo = "\(moment)|\(name)"
            if let node = definitionNodes[memo] { return node }
            if definitionsInProgress.contains(name) {
                throw fail(e, "definitions refer to each other in a cycle: \((definitionsInProgress + [name]).joined(separator: " → "))")
            }
            definitionsInProgress.append(name)
            let savedKey = key
            key = definition.key
            defer { key = savedKey; definitionsInProgress.removeLast() }
            let node = try build(definition.expression, expected: nil)
            definitionNodes[memo] = node
            return node
        }
        let known = Array(symbols.keys) + Array(parameters) + Array(definitions.keys) + Array(Parser.numericFunctions.keys)
        let hint = _closestName(to: name, among: known).map { " (did you mean \($0)?)" } ?? ""
        throw fail(e, "unknown name '\(name)'\(hint)")
    }

    mutating func buildFunction(_ name: String, _ arguments: [Expression], _ e: Expression, expected: Shape?) throws(ConjectureError) -> Int {
        let scalar = ConjectureGraph.scalar
        func nonSmooth() throws(ConjectureError) {
            guard options.allowsNonSmooth else {
                throw fail(e, "\(name) needs comparisons, so it may appear in properties and maps, not in a flow's rates")
            }
        }
        switch name {
        case "exp", "log", "tanh", "sigmoid", "softplus", "sqrt", "abs", "relu":
            if name == "abs" { try nonSmooth() }
            let x = try build(arguments[0], expected: expected)
            return graph.elementwise(ElementwiseFunction(rawValue: name)!, x)
        case "pow":
            let x = try build(arguments[0], expected: expected)
            let r = try build(arguments[1], expected: nil)
            guard let exponent = graph.constantValue(r) else {
                throw fail(arguments[1], "the exponent of pow must be a rational constant")
            }
            return graph.power(x, exponent)
        case "sum", "rowsum", "colsum", "max", "min", "norm2", "norm", "norm1":
            if name == "max" || name == "min" || name == "norm1" { try nonSmooth() }
            let x = try build(arguments[0], expected: nil)
            let s = graph.shape(x)
            switch name {
            case "sum": return graph.unary(.entrySum, x, shape: scalar)
            case "rowsum": return graph.unary(.rowSum, x, shape: Shape(s.rows, .fixed(1)))
            case "colsum": return graph.unary(.columnSum, x, shape: Shape(.fixed(1), s.columns))
            case "max": return graph.isScalar(x) ? x : graph.unary(.maximum, x, shape: scalar)
            case "min": return graph.isScalar(x) ? x : graph.unary(.minimum, x, shape: scalar)
            case "norm1": return graph.unary(.entrySum, graph.elementwise(.abs, x), shape: scalar)
            default:
                let squares = graph.unary(.entrySum, graph.hadamard(x, x), shape: scalar)
                return name == "norm2" ? squares : graph.power(squares, Rational(1) / Rational(2))
            }
        case "inner":
            let (x, y) = try buildPair(arguments[0], arguments[1], expected: nil)
            guard unifyShapes(graph.shape(x), graph.shape(y)) != nil else {
                throw fail(e, "inner(a, b) of \(describe(graph.shape(x))) and \(describe(graph.shape(y))): the shapes must agree")
            }
            return graph.unary(.entrySum, graph.hadamard(x, y), shape: scalar)
        case "ones":
            if arguments.isEmpty {
                guard let s = expected else { throw fail(e, "the shape of ones cannot be inferred here; write ones(r, c)") }
                return graph.ones(s)
            }
            var dims: [Dimension] = []
            for a in arguments {
                switch a.node {
                case .number(let v) where v.isInteger && !v.isNegative && !v.isZero && v <= Rational(1_000_000):
                    dims.append(.fixed(Int(v.description)!))
                case .name(let n) where symbols[n] == nil && parameters.contains(n) == false && definitions[n] == nil:
                    dims.append(.named(n))
                default:
                    throw fail(a, "a size of ones(r, c) must be a positive integer or a dimension name")
                }
            }
            return graph.ones(Shape(dims[0], dims[1]))
        case "normalize":
            let x = try build(arguments[0], expected: expected)
            return graph.divide(x, byScalar: graph.unary(.entrySum, x, shape: scalar))
        case "inv":
            let x = try build(arguments[0], expected: expected)
            let s = graph.shape(x)
            guard unify(s.rows, s.columns) != nil else { throw fail(e, "the inverse of the non-square \(s)") }
            if graph.isScalar(x) { return graph.power(x, -1) }
            return graph.unary(.inverse, x, shape: s)
        case "solve":
            let a = try build(arguments[0], expected: nil)
            let b = try build(arguments[1], expected: nil)
            let sa = graph.shape(a), sb = graph.shape(b)
            guard unify(sa.rows, sa.columns) != nil else { throw fail(arguments[0], "solve(A, B) needs a square A, not \(sa)") }
            guard unify(sa.rows, sb.rows) != nil else { throw fail(e, "solve(A, B) with A \(sa) and B \(sb): the rows must agree") }
            if graph.isScalar(a) { return graph.divide(b, byScalar: a) }
            return graph.solve(a, b)
        case "prev", "initial":
            let isPrevious = name == "prev"
            guard isPrevious ? options.allowsPrevious : options.allowsInitial else {
                throw fail(e, isPrevious ? "prev(…) may appear only in the updates of an explicit map (and their properties)"
                                         : "initial(…) may appear only in properties")
            }
            guard moment == .current else { throw fail(e, "\(name)(…) inside prev(…) or initial(…)") }
            moment = isPrevious ? .previous : .initial
            defer { moment = .current }
            return try build(arguments[0], expected: expected)
        default:
            throw fail(e, "unknown function \(name)")
        }
    }
}
