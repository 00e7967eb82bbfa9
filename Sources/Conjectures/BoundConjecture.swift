import Dynamics
import MultiPrecision
import Symbolic

/// A value of an observable: a matrix of `BigFloat` (1 × 1 for a scalar), row-major.
public struct ObservableValue: Sendable {
    /// Rows.
    public var rows: Int
    /// Columns.
    public var columns: Int
    /// The entries, row-major.
    public var entries: [BigFloat]
    /// The value of a 1 × 1 observable.
    public var scalar: BigFloat? { entries.count == 1 ? entries[0] : nil }
}

/// A program with every dimension, parameter and symbol value fixed: one instance. It lays out the state (one
/// row-major block per variable, in declaration order), evaluates any compiled expression on a state (generically,
/// so the same code runs in `BigFloat`, `Double`, exact `Rational` and the Taylor tracer), and builds the
/// ``ConjectureFlow`` or ``ConjectureMap`` of the dynamics.
public struct BoundConjecture: Sendable {
    /// The program (its graph includes every expression compiled before binding).
    public let program: ConjectureProgram
    /// The size of each dimension name.
    public let dimensions: [String: Int]
    /// The value of each parameter.
    public let parameters: [String: Rational]
    /// One block per variable, row-major, in declaration order.
    public let layout: StateLayout
    /// The variables' initial values, flattened by ``layout``.
    public let initialState: [Rational]
    /// The data symbols' values, row-major.
    public let data: [String: [Rational]]
    /// The data symbols redrawn at every step (maps only): their values are never folded into constants.
    public let draws: [String: ConjectureDraw]
    /// Rows and columns of every node.
    let rows: [Int], columns: [Int]
    /// Exact values of the nodes that depend on no variable, time or step and use only rational operations.
    private(set) var exactConstants: [Int: [Rational]]

    var graph: ConjectureGraph { program.graph }

    init(program: ConjectureProgram, dimensions: [String: Int], parameters: [String: Rational],
         values: [String: [Rational]], draws: [String: ConjectureDraw] = [:], requireAll: Bool) throws(ConjectureError) {
        self.program = program
        self.dimensions = dimensions
        self.draws = draws
        for name in program.parameters where parameters[name] == nil {
            throw ConjectureError(key: "parameters.\(name)", message: "the parameter \(name) has no value in this instance")
        }
        self.parameters = parameters
        for (name, size) in program.dimensionConstraints {
            if let bound = dimensions[name], bound != size {
                throw ConjectureError(key: name, message: "the dimension \(name) is \(bound) here, but the data or an expression fix it at \(size)")
            }
        }
        func size(_ d: Dimension) throws(ConjectureError) -> Int {
            switch d {
            case .fixed(let v): return v
            case .named(let n):
                if let v = dimensions[n] ?? program.dimensionConstraints[n] {
                    guard v > 0 else { throw ConjectureError(key: n, message: "the dimension \(n) must be a positive integer, not \(v)") }
                    return v
                }
                throw ConjectureError(key: n, message: "the dimension \(n) is not bound by this instance (add it to [grid] or the instance)")
            }
        }
        var rows: [Int] = [], columns: [Int] = []
        for node in program.graph.nodes {
            rows.append(try size(node.shape.rows))
            columns.append(try size(node.shape.columns))
        }
        self.rows = rows
        self.columns = columns
        var blocks: [StateLayout.Block] = []
        var initial: [Rational] = []
        var data: [String: [Rational]] = [:]
        for s in program.symbols {
            let r = try size(s.shape.rows), c = try size(s.shape.columns)
            if let draw = draws[s.name] {
                guard s.role == .data else { throw ConjectureError(key: s.key, message: "\(s.name) evolves (it has `init`), so it cannot be drawn") }
                guard !program.dynamics.isContinuous else {
                    throw ConjectureError(key: s.key, message: "\(s.name) is drawn at every step, which needs a map or gradient descent, not a flow")
                }
                if let problem = draw.problem(rows: r, columns: c) { throw ConjectureError(key: s.key, message: problem) }
                continue
            }
            guard let v = values[s.name] else {
                if requireAll { throw ConjectureError(key: s.key, message: "no value for \(s.name)") }
                continue
            }
            guard v.count == r * c else {
                throw ConjectureError(key: s.key, message: "\(s.name) has \(v.count) entries, but its shape \(s.shape) is \(r)×\(c) here")
            }
            if s.role == .variable {
                blocks.append(.matrix(s.name, rows: r, columns: c))
                initial += v
            }
            data[s.name] = v
        }
        self.layout = StateLayout(blocks: blocks)
        self.initialState = initial
        self.data = data
        self.exactConstants = [:]
        let (folded, singular) = _foldConstants()
        if let singular {
            let origin = program.builder.origins[singular]
            throw ConjectureError(key: origin?.key ?? "dynamics", column: origin?.column,
                                  message: "inv/solve of a singular matrix of constant data")
        }
        self.exactConstants = folded
    }

    /// The exact values of state-independent rational nodes (data products such as X Xᵀ), computed once.
    /// A constant inverse or solve that is singular is reported (the Taylor tracer could not divide by its pivot).
    private func _foldConstants() -> ([Int: [Rational]], singular: Int?) {
        let g = graph
        var constant = Array(repeating: false, count: g.nodes.count)
        for (id, node) in g.nodes.enumerated() {
            switch node.operation {
            case .variable, .previous, .initial, .time, .step: constant[id] = false
            case .elementwise, .maximum, .minimum, .positivePart: constant[id] = false
            case .power(let r): constant[id] = r.isInteger && !r.isNegative && node.operands.allSatisfy { constant[$0] }
            case .data(let name): constant[id] = data[name] != nil
            default: constant[id] = node.operands.allSatisfy { constant[$0] }
            }
        }
        let roots = constant.indices.filter { id in constant[id] && !(g[id].operation == .constant(0)) }
        guard !roots.isEmpty else { return ([:], nil) }
        var evaluator = _Evaluator<_ExactScalar>(bound: self, checks: true)
        var result: [Int: [Rational]] = [:]
        var singular: Int?
        for id in roots {
            if let v = try? evaluator.value(of: id, inputs: _Inputs(state: [])) { result[id] = v.map(\.value) } else {
                if singular == nil, g[id].operation == .inverse || g[id].operation == .solve { singular = id }
            }
        }
        return (result, singular)
    }

    /// The number of state components.
    public var dimension: Int { layout.dimension }

    /// The entries of a drawn symbol at step k (row-major), or `nil` when the symbol is not drawn.
    public func drawnValues(of name: String, step k: Int) -> [Rational]? {
        guard let draw = draws[name], let r = try? program.size(of: name, dimensions: dimensions) else { return nil }
        return draw.values(rows: r.rows, columns: r.columns, step: k)
    }

    /// The rows and columns of a compiled expression in this instance.
    public func size(of e: ConjectureExpression) -> (rows: Int, columns: Int) { (rows[e.node], columns[e.node]) }

    /// Evaluates a compiled expression at `BigFloat` (the working precision of the task) on a state; `previous` is
    /// x_{k−1} (maps; defaults to the state), `initial` the start of the run (for `initial(…)`), `time`/`step` for
    /// `t`/`k`. Every operation is allowed, including max, min and abs.
    ///
    /// - Throws: ``ConjectureRuntimeError`` for log or sqrt of a negative entry, division by zero, a singular
    ///   solve or a non-finite result.
    public func evaluate(_ e: ConjectureExpression, state: [BigFloat], previous: [BigFloat]? = nil,
                         initial: [BigFloat]? = nil, time: BigFloat? = nil, step: Int? = nil) throws(ConjectureRuntimeError) -> ObservableValue {
        var evaluator = _Evaluator<BigFloat>(bound: self, checks: true, key: e.key)
        let v = try evaluator.value(of: e.node, inputs: _Inputs(state: state, previous: previous, initial: initial, time: time, step: step))
        for x in v where !x.isFinite { throw ConjectureRuntimeError("a non-finite value (overflow)") }
        return ObservableValue(rows: rows[e.node], columns: columns[e.node], entries: v)
    }

    /// Evaluates a compiled expression exactly in `Rational`.
    ///
    /// - Throws: ``ConjectureRuntimeError`` naming the first non-rational operation (exp, log, sqrt, tanh, …,
    ///   fractional powers, inverse and solve included only as rational), division by zero or a singular solve.
    public func evaluateExactly(_ e: ConjectureExpression, state: [Rational], previous: [Rational]? = nil,
                                initial: [Rational]? = nil, step: Int? = nil, time: Rational? = nil) throws(ConjectureRuntimeError) -> [Rational] {
        if let bad = firstNonRationalOperation(in: [e.node]) {
            throw ConjectureRuntimeError("\(bad.name) is not a rational operation", column: bad.column)
        }
        var evaluator = _Evaluator<_ExactScalar>(bound: self, checks: true, key: e.key)
        let wrap = { (v: [Rational]) in v.map { _ExactScalar(value: $0) } }
        let inputs = _Inputs(state: wrap(state), previous: previous.map(wrap), initial: initial.map(wrap),
                             time: time.map { _ExactScalar(value: $0) }, step: step)
        return try evaluator.value(of: e.node, inputs: inputs).map(\.value)
    }

    /// The first operation (in evaluation order) that is not rational (exp, log, tanh, sigmoid, softplus, sqrt,
    /// abs, relu, fractional powers), with its column, or `nil` when the expressions can run exactly.
    public func firstNonRationalOperation(in roots: [Int]) -> (name: String, key: String?, column: Int?)? {
        for id in graph.dependencies(of: roots) {
            let name: String?
            switch graph[id].operation {
            case .elementwise(let f) where f != .abs && f != .relu: name = f.rawValue
            case .power(let r) where !r.isInteger: name = "a fractional power"
            default: name = nil
            }
            if let name { let o = program.builder.origins[id]; return (name, o?.key, o?.column) }
        }
        return nil
    }

    /// Checks that the dynamics can run in exact `Rational` arithmetic (`arithmetic = "exact"`): every update uses
    /// only + − × and division (inverse and solve included).
    ///
    /// - Throws: ``ConjectureError`` naming the first non-rational operation, its key and column.
    public func requireExact() throws(ConjectureError) {
        let roots = program.updates.map(\.node)
        if let bad = firstNonRationalOperation(in: roots) {
            throw ConjectureError(key: bad.key ?? "dynamics", column: bad.column,
                                  message: "\(bad.name) is not a rational operation, so the dynamics cannot run in exact arithmetic")
        }
    }

    /// One exact step of a map (gradient descent or explicit map) from x_k (and x_{k−1}): x_{k+1}, flattened.
    ///
    /// - Throws: ``ConjectureRuntimeError`` for a non-rational operation, division by zero or a singular solve.
    public func exactStep(state: [Rational], previous: [Rational]? = nil, step k: Int) throws(ConjectureRuntimeError) -> [Rational] {
        var result: [Rational] = []
        for u in program.updates { result += try evaluateExactly(u, state: state, previous: previous, step: k) }
        return result
    }

    /// The flow Ẋ = F(X) of the dynamics, for the integrators (the Taylor engine traces it into one tape).
    ///
    /// - Throws: ``ConjectureError`` when the dynamics is a map.
    /// With relu in the rates, the activation pattern is that of the initial state (at the current precision); use
    /// ``flow(pattern:)`` to continue from a later state.
    ///
    /// - Throws: ``ConjectureError`` when the dynamics is a map, or a pre-activation of the initial state is 0.
    public func flow() throws(ConjectureError) -> ConjectureFlow {
        guard program.dynamics.isContinuous else { throw ConjectureError(key: "dynamics", message: "the dynamics is a map, not a flow") }
        guard usesActivations else { return ConjectureFlow(bound: self, pattern: ActivationPattern(masks: [:])) }
        do {
            return ConjectureFlow(bound: self, pattern: try activationPattern(at: initialState.map { BigFloat($0) }))
        } catch {
            throw ConjectureError(key: "dynamics", message: "at the initial state: \(error)")
        }
    }

    /// The flow with a given activation pattern (see ``activationPattern(at:time:)``).
    public func flow(pattern: ActivationPattern) throws(ConjectureError) -> ConjectureFlow {
        guard program.dynamics.isContinuous else { throw ConjectureError(key: "dynamics", message: "the dynamics is a map, not a flow") }
        return ConjectureFlow(bound: self, pattern: pattern)
    }

    /// The pre-activation nodes of relu in the rates.
    var preactivations: [Int] {
        var result = Set<Int>()
        for id in graph.dependencies(of: program.updates.map(\.node)) {
            switch graph[id].operation {
            case .elementwise(.relu), .positivePart: result.insert(graph[id].operands[0])
            default: break
            }
        }
        return result.sorted()
    }

    /// Whether the rates use relu (and so an activation pattern).
    public var usesActivations: Bool { !preactivations.isEmpty }

    /// The signs of every relu pre-activation of the rates at a state: the pattern a flow with relu integrates with.
    /// A run must stop with an ERROR when the pattern of a later sample differs (a pre-activation crossed zero: the
    /// minimal activation switching supported).
    ///
    /// - Throws: ``ConjectureRuntimeError`` when a pre-activation is exactly 0 (the trajectory sits on a kink).
    public func activationPattern(at state: [BigFloat], time: BigFloat? = nil) throws(ConjectureRuntimeError) -> ActivationPattern {
        var evaluator = _Evaluator<BigFloat>(bound: self, checks: true)
        var masks: [Int: [Bool]] = [:]
        for id in preactivations {
            let v = try evaluator.value(of: id, inputs: _Inputs(state: state, time: time))
            if v.contains(where: { $0.isZero }) {
                throw ConjectureRuntimeError("a relu pre-activation is exactly 0 (a kink)", column: program.builder.origins[id]?.column)
            }
            masks[id] = v.map { $0.signum > 0 }
        }
        return ActivationPattern(masks: masks)
    }

    /// The map of the dynamics (explicit map or gradient descent), for the map iterator.
    ///
    /// - Throws: ``ConjectureError`` when the dynamics is a flow.
    public func map() throws(ConjectureError) -> ConjectureMap {
        guard !program.dynamics.isContinuous else { throw ConjectureError(key: "dynamics", message: "the dynamics is a flow, not a map") }
        return ConjectureMap(bound: self)
    }

    /// The rates (flows) or new values (maps) at a state, at `BigFloat`, with run-time checks: use it to find the
    /// cause when a run produced non-finite values.
    public func updates(state: [BigFloat], previous: [BigFloat]? = nil, time: BigFloat? = nil, step: Int? = nil) throws(ConjectureRuntimeError) -> [BigFloat] {
        var evaluator = _Evaluator<BigFloat>(bound: self, checks: true)
        let inputs = _Inputs(state: state, previous: previous, initial: nil, time: time, step: step)
        var result: [BigFloat] = []
        for u in program.updates {
            evaluator.key = u.key
            result += try evaluator.value(of: u.node, inputs: inputs)
        }
        for x in result where !x.isFinite { throw ConjectureRuntimeError("a non-finite value (overflow)") }
        return result
    }
}

extension ConjectureProgram {
    /// Binds one instance: sizes for the dimension names, values for the parameters, and the row-major values of
    /// every symbol (data and initial values of variables; the claim kind generates or reads them).
    ///
    /// - Throws: ``ConjectureError`` for an unbound dimension, a missing parameter or value, or a value of the wrong
    ///   size.
    /// Symbols in `draws` are data redrawn at every step k of a map from (seed, k, stream) (see ``ConjectureDraw``):
    /// they need no value, and every node that depends on them is evaluated afresh at each step.
    public func bind(dimensions: [String: Int], parameters: [String: Rational], values: [String: [Rational]],
                     draws: [String: ConjectureDraw] = [:]) throws(ConjectureError) -> BoundConjecture {
        try BoundConjecture(program: self, dimensions: dimensions, parameters: parameters, values: values, draws: draws, requireAll: true)
    }

    /// The size of a symbol under the given dimensions (for generating its values).
    ///
    /// - Throws: ``ConjectureError`` for an unknown symbol or an unbound dimension.
    public func size(of symbol: String, dimensions: [String: Int]) throws(ConjectureError) -> (rows: Int, columns: Int) {
        guard let s = symbols.first(where: { $0.name == symbol }) else { throw ConjectureError(key: "symbols", message: "unknown symbol \(symbol)") }
        func size(_ d: Dimension) throws(ConjectureError) -> Int {
            switch d {
            case .fixed(let v): return v
            case .named(let n):
                if let v = dimensions[n] ?? dimensionConstraints[n] { return v }
                throw ConjectureError(key: s.key, message: "the dimension \(n) is not bound by this instance")
            }
        }
        return (try size(s.shape.rows), try size(s.shape.columns))
    }

    /// Evaluates an expression exactly from the values given so far (for `init` expressions of other symbols,
    /// evaluated before the run): only the symbols the expression uses need values.
    ///
    /// - Throws: ``ConjectureError`` (key and column of the expression) for a non-rational operation, a missing
    ///   value, division by zero or a singular solve.
    public func exactValue(of e: ConjectureExpression, dimensions: [String: Int], parameters: [String: Rational],
                           values: [String: [Rational]]) throws(ConjectureError) -> [Rational] {
        let bound = try BoundConjecture(program: self, dimensions: dimensions, parameters: parameters, values: values, requireAll: false)
        var state: [Rational] = []
        for block in bound.layout.blocks { state += values[block.name] ?? [] }
        for id in graph.dependencies(of: [e.node]) {
            switch graph[id].operation {
            case .variable(let n), .data(let n), .initial(let n), .previous(let n):
                if values[n] == nil { throw ConjectureError(key: e.key, message: "\(n) has no value yet (values given by expressions must not form a cycle)") }
            default: break
            }
        }
        do { return try bound.evaluateExactly(e, state: state, initial: state) } catch {
            throw ConjectureError(key: e.key, column: error.column, message: error.message)
        }
    }
}
