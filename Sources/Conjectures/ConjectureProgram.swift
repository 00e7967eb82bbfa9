import MultiPrecision
import Symbolic

/// A checked expression of a program: its node in the graph, its shape, and where it came from.
public struct ConjectureExpression: Hashable, Sendable {
    /// The node in the program's graph.
    public let node: Int
    /// The shape (1 × 1 for a scalar).
    public let shape: Shape
    /// The key it was compiled under.
    public let key: String

    /// Whether the value is a scalar.
    public var isScalar: Bool { shape == ConjectureGraph.scalar }
}

/// A conjecture's symbols, definitions and dynamics, parsed and shape-checked into one graph of matrix operations.
///
/// ```swift
/// var program = try ConjectureProgram(
///     symbols: [.matrix("W1", "d1", "d0", role: .variable), .matrix("W2", "d2", "d1", role: .variable),
///               .matrix("Phi", "d2", "d0", role: .data)],
///     definitions: [], dynamics: .gradientFlow(loss: "1/2 norm2(W2 W1 - Phi)", over: nil, extra: [:]))
/// let balance = try program.compile(observable: "tr(W2' W2) - tr(W1 W1')", key: "property[1].invariant")
/// let rate = try program.timeDerivative(of: balance)      // d/dt along the derived flow
/// let bound = try program.bind(dimensions: ["d0": 3, "d1": 4, "d2": 2], parameters: [:], values: values)
/// ```
///
/// The gradient of a loss is derived by reverse mode over the graph (exact, never finite differences); flows
/// compile to ``ConjectureFlow`` (a `VectorField` the Taylor engine traces into one tape) and maps to
/// ``ConjectureMap`` (a `DiscreteMap` that runs in place on preallocated registers).
public struct ConjectureProgram: Sendable {
    /// The declared symbols, in order.
    public let symbols: [ConjectureSymbol]
    /// The names of the scalar parameters.
    public let parameters: [String]
    /// The definitions.
    public let definitions: [ConjectureDefinition]
    /// The dynamics as declared.
    public let dynamics: ConjectureDynamics
    /// The variables (symbols that evolve), in declaration order: the state's blocks.
    public let variables: [ConjectureSymbol]
    /// The loss, for gradient flow and gradient descent.
    public let loss: ConjectureExpression?
    /// The step size η_k, for gradient descent.
    public let stepSize: ConjectureExpression?
    /// For each variable (in ``variables`` order): its rate Ẋ (flows) or its new value X⁺ (maps).
    public let updates: [ConjectureExpression]
    /// For gradient dynamics: ∂L/∂X for each variable (in ``variables`` order; zero for variables not trained).
    public let lossGradients: [ConjectureExpression]
    /// Whether a map reads the previous iterate (`prev`): its history length is then 2.
    public let readsPrevious: Bool

    var builder: _ExpressionBuilder

    /// The graph of every expression compiled so far.
    public var graph: ConjectureGraph { builder.graph }

    /// Parses and checks the declarations and derives the dynamics.
    ///
    /// - Throws: ``ConjectureError`` with the key and column of the first problem: a malformed expression, an
    ///   unknown name (with "did you mean"), a shape mismatch (naming both shapes), a non-differentiable loss, a
    ///   variable without a rate, `prev` outside a map.
    public init(symbols: [ConjectureSymbol], parameters: [String] = [], definitions: [ConjectureDefinition] = [],
                dynamics: ConjectureDynamics) throws(ConjectureError) {
        var builder = try _ExpressionBuilder(symbols: symbols, parameters: parameters, definitions: definitions)
        self.symbols = builder.orderedSymbols
        self.parameters = parameters
        self.definitions = definitions
        self.dynamics = dynamics
        let variables = self.symbols.filter { $0.role == .variable }
        self.variables = variables
        guard !variables.isEmpty else { throw ConjectureError(key: "symbols", message: "no symbol has `init`: nothing evolves") }
        let continuous = dynamics.isContinuous
        var updates: [ConjectureExpression] = []
        var gradients: [ConjectureExpression] = []
        var loss: ConjectureExpression?
        var stepSize: ConjectureExpression?
        var readsPrevious = false
        let variableNames = Set(variables.map(\.name))

        func checkOver(_ over: [String]?, key: String) throws(ConjectureError) -> Set<String> {
            guard let over else { return variableNames }
            for name in over where !variableNames.contains(name) {
                let hint = _closestName(to: name, among: Array(variableNames)).map { " (did you mean \($0)?)" } ?? ""
                throw ConjectureError(key: key, message: "'\(name)' is not a variable\(hint)")
            }
            return Set(over)
        }

        switch dynamics {
        case .gradientFlow(let lossText, let over, _), .gradientDescent(let lossText, let over, _):
            let key = continuous ? "dynamics.gradient-flow" : "dynamics.gradient-descent"
            var options = _BuildOptions()
            options.allowsTime = continuous
            options.allowsStep = !continuous
            try Self.checkDifferentiable(lossText, key: key)
            let lossNode = try builder.build(lossText, key: key, options: options)
            guard builder.graph.isScalar(lossNode) else {
                throw ConjectureError(key: key, column: 1, message: "the loss must be a scalar, but it has shape \(builder.graph.shape(lossNode))")
            }
            loss = ConjectureExpression(node: lossNode, shape: ConjectureGraph.scalar, key: key)
            let trained = try checkOver(over, key: "dynamics.over")
            let leaves = variables.map { builder.graph.leaf(.variable($0.name), shape: $0.shape) }
            let g: [Int]
            do { g = try builder.graph.gradient(of: lossNode, withRespectTo: leaves) } catch {
                let origin = builder.origins[error.node]
                throw ConjectureError(key: origin?.key ?? key, column: origin?.column, message: "not differentiable: \(error.operation)(…)")
            }
            gradients = zip(variables, g).map { ConjectureExpression(node: trained.contains($0.name) ? $1 : builder.graph.zeros($0.shape), shape: $0.shape, key: key) }
            switch dynamics {
            case .gradientFlow(_, _, let extra):
                for name in extra.keys where !variableNames.contains(name) {
                    throw ConjectureError(key: "dynamics.extra.\(name)", message: "'\(name)' is not a variable")
                }
                for (v, grad) in zip(variables, gradients) {
                    var rate = builder.graph.negate(grad.node)
                    if let text = extra[v.name] {
                        var o = _BuildOptions(); o.allowsTime = true
                        let term = try builder.build(text, key: "dynamics.extra.\(v.name)", options: o, expected: v.shape)
                        rate = builder.graph.add(rate, term)
                    }
                    updates.append(ConjectureExpression(node: rate, shape: v.shape, key: "dynamics.gradient-flow"))
                }
            case .gradientDescent(_, _, let stepText):
                var o = _BuildOptions(); o.allowsStep = true
                let eta = try builder.build(stepText, key: "dynamics.step_size", options: o)
                guard builder.graph.isScalar(eta) else {
                    throw ConjectureError(key: "dynamics.step_size", column: 1, message: "the step size must be a scalar")
                }
                stepSize = ConjectureExpression(node: eta, shape: ConjectureGraph.scalar, key: "dynamics.step_size")
                for (v, grad) in zip(variables, gradients) {
                    let x = builder.graph.leaf(.variable(v.name), shape: v.shape)
                    let next = builder.graph.subtract(x, builder.graph.scale(by: eta, grad.node))
                    updates.append(ConjectureExpression(node: next, shape: v.shape, key: key))
                }
            default: break
            }
        case .flow(let rates), .map(let rates):
            let prefix = continuous ? "dynamics.flow." : "dynamics.map."
            for name in rates.keys.sorted() where !variableNames.contains(name) {
                let hint = _closestName(to: name, among: Array(variableNames)).map { " (did you mean \($0)?)" } ?? ""
                let what = builder.symbols[name] != nil ? "is constant data, not a variable" : "is not a variable\(hint)"
                throw ConjectureError(key: prefix + name, message: "'\(name)' \(what)")
            }
            for v in variables {
                guard let text = rates[v.name] else {
                    throw ConjectureError(key: prefix + v.name, message: "the variable \(v.name) has no \(continuous ? "rate" : "update"): add \(prefix)\(v.name)")
                }
                var o = _BuildOptions()
                o.allowsTime = continuous
                o.allowsStep = !continuous
                o.allowsPrevious = !continuous
                o.allowsNonSmooth = !continuous
                let node = try builder.build(text, key: prefix + v.name, options: o, expected: v.shape)
                updates.append(ConjectureExpression(node: node, shape: v.shape, key: prefix + v.name))
            }
            readsPrevious = !continuous && builder.graph.dependencies(of: updates.map(\.node)).contains { id in
                if case .previous = builder.graph[id].operation { return true }
                return false
            }
        }
        self.loss = loss
        self.stepSize = stepSize
        self.updates = updates
        self.lossGradients = gradients
        self.readsPrevious = readsPrevious
        self.builder = builder
    }

    /// Rejects non-differentiable functions and `prev` in a loss, naming the column.
    static func checkDifferentiable(_ text: String, key: String) throws(ConjectureError) {
        guard let e = try? Parser.expression(text) else { return }
        var problem: ConjectureError?
        e._visitNumeric { node in
            if problem != nil { return }
            if case .function(let name, _) = node.node, ["abs", "max", "min", "norm1", "prev", "initial"].contains(name) {
                problem = ConjectureError(key: key, column: node.range.lowerBound + 1, message: "not differentiable: \(name)(…) in a loss")
            }
        }
        if let problem { throw problem }
    }

    /// Compiles an observable (a property's expression): scalar or matrix valued, with `t` (flows) or `k` (maps),
    /// `initial(…)`, `prev(…)` (maps) and the non-smooth `abs`, `norm1`, `max`, `min`.
    ///
    /// - Throws: ``ConjectureError`` under `key` with the column of the problem.
    public mutating func compile(observable text: String, key: String) throws(ConjectureError) -> ConjectureExpression {
        var o = _BuildOptions()
        o.allowsInitial = true
        o.allowsNonSmooth = true
        o.allowsTime = dynamics.isContinuous
        o.allowsStep = !dynamics.isContinuous
        o.allowsPrevious = !dynamics.isContinuous
        let node = try builder.build(text, key: key, options: o)
        return ConjectureExpression(node: node, shape: builder.graph.shape(node), key: key)
    }

    /// Compiles an expression of the given shape (an `init` expression of a symbol, a law), without `t`/`k`.
    public mutating func compile(_ text: String, key: String, shape: Shape?) throws(ConjectureError) -> ConjectureExpression {
        var o = _BuildOptions()
        o.allowsInitial = true
        o.allowsNonSmooth = true
        o.allowsTime = dynamics.isContinuous
        o.allowsStep = !dynamics.isContinuous
        let node = try builder.build(text, key: key, options: o, expected: shape)
        return ConjectureExpression(node: node, shape: builder.graph.shape(node), key: key)
    }

    /// The exact gradient ∂e/∂X of a scalar expression with respect to the variable or data symbol `symbol`, by
    /// reverse mode over the graph.
    ///
    /// - Throws: ``ConjectureError`` when e is not a scalar, the symbol is unknown, or e uses abs/max/min/prev.
    public mutating func gradient(of e: ConjectureExpression, withRespectTo symbol: String) throws(ConjectureError) -> ConjectureExpression {
        guard e.isScalar else { throw ConjectureError(key: e.key, message: "a gradient needs a scalar expression, not \(e.shape)") }
        guard let s = builder.symbols[symbol] else { throw ConjectureError(key: e.key, message: "unknown symbol \(symbol)") }
        let leaf = builder.graph.leaf(s.role == .variable ? .variable(symbol) : .data(symbol), shape: s.shape)
        do {
            let g = try builder.graph.gradient(of: e.node, withRespectTo: [leaf])[0]
            return ConjectureExpression(node: g, shape: s.shape, key: e.key)
        } catch {
            let origin = builder.origins[error.node]
            throw ConjectureError(key: origin?.key ?? e.key, column: origin?.column, message: "not differentiable: \(error.operation)(…)")
        }
    }

    /// d/dt e along the flow: Σ_X ⟨∂e/∂X, Ẋ⟩ + ∂e/∂t (forward mode with the rates as tangents; exact), for scalar
    /// and matrix e. `initial(…)` parts are constant.
    ///
    /// - Throws: ``ConjectureError`` for a map's dynamics or a non-differentiable e (abs, max, min, norm1).
    public mutating func timeDerivative(of e: ConjectureExpression) throws(ConjectureError) -> ConjectureExpression {
        guard dynamics.isContinuous else { throw ConjectureError(key: e.key, message: "d/dt needs a flow; the dynamics is a map") }
        var tangents: [Int: Int] = [:]
        for (v, rate) in zip(variables, updates) {
            tangents[builder.graph.leaf(.variable(v.name), shape: v.shape)] = rate.node
        }
        do {
            let node = try builder.graph.directionalDerivative(of: e.node, tangents: tangents, timeTangent: builder.graph.constant(1))
            return ConjectureExpression(node: node, shape: e.shape, key: e.key)
        } catch {
            let origin = builder.origins[error.node]
            throw ConjectureError(key: origin?.key ?? e.key, column: origin?.column, message: "not differentiable: \(error.operation)(…), so d/dt has no sign to check")
        }
    }

    /// The dimension names that the shapes use (each instance must bind them).
    public var dimensionNames: Set<String> {
        var names = Set<String>()
        for node in builder.graph.nodes {
            for d in [node.shape.rows, node.shape.columns] { if case .named(let n) = d { names.insert(n) } }
        }
        for s in symbols { for d in [s.shape.rows, s.shape.columns] { if case .named(let n) = d { names.insert(n) } } }
        return names
    }

    /// Sizes a named dimension must have because it met a fixed size (for example in a product with inline data).
    public var dimensionConstraints: [String: Int] { builder.dimensionConstraints }

    /// The expression as text in the language (plain notation), for reports: prints a derived gradient.
    public func text(of e: ConjectureExpression) -> String { _Printer(graph: builder.graph).text(e.node) }
}

extension Expression {
    /// Calls `body` on every node, parents first.
    func _visitNumeric(_ body: (Expression) -> Void) {
        body(self)
        switch node {
        case .number, .identity, .name: break
        case .negation(let a), .power(let a, _), .transpose(let a), .trace(let a), .derivative(let a), .step(let a),
             .coefficient(let a, _, _):
            a._visitNumeric(body)
        case .sum(let a, let b), .difference(let a, let b), .product(let a, let b), .quotient(let a, let b),
             .hadamard(let a, let b), .entrywiseQuotient(let a, let b):
            a._visitNumeric(body); b._visitNumeric(body)
        case .function(_, let arguments):
            for a in arguments { a._visitNumeric(body) }
        }
    }
}
