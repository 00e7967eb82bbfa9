import Conjectures
import Foundation
import LinearAlgebra
import MultiPrecision
import Symbolic

/// A conjecture checked by the language core and bound to its instances, ready to run: the program, every
/// compiled expression by `SampledRun.id(of:)`, and one bound program per instance (and per trend value).
struct CheckedConjecture: Sendable {
    /// The document as read.
    var document: ConjectureDocument
    /// The program with every property expression compiled.
    var program: ConjectureProgram
    /// The compiled expressions by id.
    var expressions: [String: ConjectureExpression]
    /// d/dt of the monotone observables of a flow, by the observable's id (absent when not differentiable).
    var derivatives: [String: ConjectureExpression]
    /// The stopping rule, compiled.
    var stop: (lhs: ConjectureExpression, relation: Relation, rhs: ConjectureExpression, text: String)?
}

/// One instance, bound: the main run's program and, for each trend property (by index), one per listed value.
struct BoundInstance: Sendable {
    /// The main run (`nil` when every property is a trend).
    var main: BoundConjecture?
    /// Per trend property index: (value, bound program) in the listed order.
    var trends: [Int: [(value: Rational, bound: BoundConjecture)]]
}

/// Runs the language core over a read document: compiles the dynamics and every expression, checks shapes, then
/// binds every instance (dimensions, parameters, generated and computed symbol values). Each problem becomes a
/// `ClaimFileError` with file, line, key and the column in the expression.
struct ConjectureProgramCheck {
    let document: ConjectureDocument
    let keyLines: TOMLKeyLines
    private(set) var errors: [ClaimFileError] = []

    init(document: ConjectureDocument, keyLines: TOMLKeyLines) {
        self.document = document
        self.keyLines = keyLines
    }

    /// Reports a problem at `key`.
    mutating func report(_ key: String, column: Int? = nil, _ message: String) {
        let text = column.map { "column \($0): \(message)" } ?? message
        errors.append(ClaimFileError(file: document.file, line: keyLines.line(for: key), key: key, problem: .invalidValue(text)))
    }

    /// Reports a core error. When it lies in `source` (same key), its column is shifted by the source's offset (the
    /// right-hand side of a relation); an error in a definition keeps the definition's key and column.
    mutating func report(_ error: ConjectureError, source: SourceText? = nil, fallbackKey: String? = nil) {
        var key = error.key
        if keyLines.line(for: key) == nil, let fallbackKey { key = fallbackKey }
        let offset = source.map { $0.key == error.key ? $0.columnOffset : 0 } ?? 0
        report(key, column: error.column.map { $0 + offset }, error.message)
    }

    /// The symbolic shape of a declaration (`nil` shapes come from inline data).
    static func shape(of symbol: SymbolDeclaration) -> Shape {
        func dimension(_ d: DimensionEntry) -> Symbolic.Dimension {
            switch d {
            case let .fixed(n): return .fixed(n)
            case let .named(name): return .named(name)
            }
        }
        if let shape = symbol.shape {
            switch shape.count {
            case 0: return Shape(.fixed(1), .fixed(1))
            case 1: return Shape(dimension(shape[0]), .fixed(1))
            default: return Shape(dimension(shape[0]), dimension(shape[1]))
            }
        }
        if case let .exact(matrix, _) = symbol.source { return Shape(.fixed(matrix.rowCount), .fixed(matrix.columnCount)) }
        return Shape(.fixed(1), .fixed(1))
    }

    /// Checks the document and binds every instance; `nil` when something is wrong (see `errors`).
    mutating func check(_ bindings: [InstanceBinding], origins: [String]) -> (CheckedConjecture, [BoundInstance])? {
        // Parameters: [parameters], swept ones, scales, trend parameters.
        var parameterNames: [String] = document.parameters.map(\.name)
        for binding in bindings { for name in binding.parameters.keys.sorted() where !parameterNames.contains(name) { parameterNames.append(name) } }
        var trendParameters: [String] = []
        for property in document.properties {
            if case let .trend(_, over, _, _) = property.statement {
                if !parameterNames.contains(over) { parameterNames.append(over) }
                trendParameters.append(over)
            }
        }
        for symbol in document.symbols {
            if case let .parameter(p) = symbol.scale, !parameterNames.contains(p) {
                report("\(symbol.key).scale", "the scale names '\(p)', which is not a parameter: give it in [parameters] or [grid]")
            }
        }
        if document.dynamics.isFlow, let drawn = document.symbols.first(where: { $0.draw != nil }) {
            report("\(drawn.key).draw", "\(drawn.name) is redrawn at every step, which needs a map or gradient-descent, not a flow")
        }
        guard errors.isEmpty else { return nil }
        let symbols = document.symbols.map {
            ConjectureSymbol(name: $0.name, shape: Self.shape(of: $0), role: $0.isVariable ? .variable : .data, key: $0.key)
        }
        let definitions = document.definitions.map { ConjectureDefinition(name: $0.name, text: $0.text.text, key: $0.text.key) }
        let dynamics: ConjectureDynamics
        var mainSource: SourceText?
        switch document.dynamics.form {
        case let .gradientFlow(loss, over, extra):
            mainSource = loss
            dynamics = .gradientFlow(loss: loss.text, over: over,
                                     extra: Dictionary(extra.map { ($0.variable, $0.text.text) }) { a, _ in a })
        case let .gradientDescent(loss, stepSize, over, extra):
            mainSource = loss
            if let first = extra.first {
                report(first.text.key, "extra terms belong to a gradient flow; for gradient descent, add them to the loss")
                return nil
            }
            _ = stepSize
            dynamics = .gradientDescent(loss: loss.text, over: over, stepSize: stepSize.text)
        case let .flow(rates):
            dynamics = .flow(Dictionary(rates.map { ($0.variable, $0.text.text) }) { a, _ in a })
        case let .map(updates):
            dynamics = .map(Dictionary(updates.map { ($0.variable, $0.text.text) }) { a, _ in a })
        }
        var program: ConjectureProgram
        do {
            program = try ConjectureProgram(symbols: symbols, parameters: parameterNames, definitions: definitions, dynamics: dynamics)
        } catch {
            report(error, source: mainSource)
            return nil
        }
        // Properties.
        var expressions: [String: ConjectureExpression] = [:]
        var derivatives: [String: ConjectureExpression] = [:]
        func compile(_ source: SourceText) -> ConjectureExpression? {
            if let known = expressions[SampledRun<Rational>.id(of: source)] { return known }
            do {
                let e = try program.compile(observable: source.text, key: source.key)
                expressions[SampledRun<Rational>.id(of: source)] = e
                return e
            } catch {
                report(error, source: source, fallbackKey: source.key)
                return nil
            }
        }
        func describe(_ shape: Shape) -> String { shape == Shape(.fixed(1), .fixed(1)) ? "a scalar" : "\(shape)" }
        func same(_ a: ConjectureExpression, _ b: ConjectureExpression, _ key: String, _ what: String, scalarAllowed: Bool) {
            guard a.shape != b.shape, !(scalarAllowed && (a.isScalar || b.isScalar)) else { return }
            report(key, "\(what): \(describe(a.shape)) against \(describe(b.shape))")
        }
        for property in document.properties {
            switch property.statement {
            case let .invariant(e, law):
                if let a = compile(e), let law, let b = compile(law) { same(a, b, law.key, "the law and the invariant have different shapes", scalarAllowed: false) }
            case let .monotone(e, _, _):
                if let a = compile(e), document.dynamics.isFlow {
                    if let rate = try? program.timeDerivative(of: a) { derivatives[SampledRun<Rational>.id(of: e)] = rate }
                }
            case let .bound(lhs, _, rhs, _), let .at(lhs, _, rhs, _):
                if let a = compile(lhs), let b = compile(rhs) { same(a, b, lhs.key, "the two sides have different shapes", scalarAllowed: true) }
            case let .limit(e, value, _, rate):
                let a = compile(e)
                if let value, let a, let b = compile(value) { same(a, b, value.key, "the limit value and the observable have different shapes", scalarAllowed: true) }
                if let rate, let r = compile(rate), !r.isScalar { report(rate.key, "the rate must be a scalar, not \(describe(r.shape))") }
            case let .equal(a, b):
                if let x = compile(a), let y = compile(b) { same(x, y, b.key, "the two expressions have different shapes", scalarAllowed: false) }
            case let .trend(e, _, _, _):
                _ = compile(e)
            }
        }
        var stop: (lhs: ConjectureExpression, relation: Relation, rhs: ConjectureExpression, text: String)?
        if let rule = document.dynamics.stopWhen, let split = Relation.split(rule.text) {
            let leading = rule.text.prefix { $0 == " " }.count
            let lhs = SourceText(text: split.lhs, key: rule.key, line: rule.line, columnOffset: leading)
            let rhs = SourceText(text: split.rhs, key: rule.key, line: rule.line, columnOffset: split.rhsOffset)
            if let a = compile(lhs), let b = compile(rhs) {
                if !a.isScalar || !b.isScalar { report(rule.key, "a stopping rule compares scalars: \(describe(a.shape)) against \(describe(b.shape))") }
                stop = (a, split.relation, b, rule.text)
            }
        }
        // Expressions that give symbol values.
        var initExpressions: [String: ConjectureExpression] = [:]
        for symbol in document.symbols {
            guard case let .expression(source) = symbol.source else { continue }
            do {
                let e = try program.compile(source.text, key: source.key, shape: Self.shape(of: symbol))
                initExpressions[symbol.name] = e
                let drawn = Set(document.symbols.filter { $0.draw != nil }.map(\.name))
                for id in program.graph.dependencies(of: [e.node]) {
                    if case let .data(name) = program.graph[id].operation, drawn.contains(name) {
                        report(source.key, "\(name) is redrawn at every step, so it cannot give the value of \(symbol.name) before the run")
                        break
                    }
                }
            } catch {
                report(error, source: source, fallbackKey: source.key)
            }
        }
        guard errors.isEmpty else { return nil }
        let checked = CheckedConjecture(document: document, program: program, expressions: expressions,
                                        derivatives: derivatives, stop: stop)
        // Instances.
        let needsMain = document.properties.contains { if case .trend = $0.statement { return false } else { return true } }
        var instances: [BoundInstance] = []
        for (index, binding) in bindings.enumerated() {
            let origin = origins[index]
            var main: BoundConjecture?
            var parameters = binding.parameters
            for property in document.properties {
                if case let .trend(_, over, values, _) = property.statement, parameters[over] == nil { parameters[over] = values[0] }
            }
            guard let bound = bind(program, binding, parameters: parameters, initExpressions: initExpressions, origin: origin) else { continue }
            if needsMain { main = bound }
            var trends: [Int: [(value: Rational, bound: BoundConjecture)]] = [:]
            for property in document.properties {
                guard case let .trend(_, over, values, _) = property.statement else { continue }
                var runs: [(value: Rational, bound: BoundConjecture)] = []
                for value in values {
                    var overridden = parameters
                    overridden[over] = value
                    if let b = bind(program, binding, parameters: overridden, initExpressions: initExpressions, origin: origin) {
                        runs.append((value, b))
                    }
                }
                trends[property.index] = runs
            }
            instances.append(BoundInstance(main: main, trends: trends))
        }
        _ = trendParameters
        guard errors.isEmpty else { return nil }
        return (checked, instances)
    }

    /// The symbols' values for one instance and the bound program; `nil` (reported) on a problem.
    mutating func bind(_ program: ConjectureProgram, _ binding: InstanceBinding, parameters: [String: Rational],
                       initExpressions: [String: ConjectureExpression], origin: String) -> BoundConjecture? {
        func key(for name: String) -> String {
            if keyLines.line(for: name) != nil && name.contains(".") { return name }
            if origin == "grid" { return keyLines.line(for: "grid.\(name)") != nil ? "grid.\(name)" : "grid" }
            if origin.hasPrefix("instance") { return keyLines.line(for: "\(origin).\(name)") != nil ? "\(origin).\(name)" : origin }
            return name
        }
        var values: [String: [Rational]] = [:]
        var draws: [String: ConjectureDraw] = [:]
        var pending: [SymbolDeclaration] = []
        let prefix = origin == "symbols" ? "" : "in \(origin == "grid" ? "a [grid] instance" : origin) "
            + "(\(binding.dimensions.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", "))): "
        for symbol in document.symbols {
            let size: (rows: Int, columns: Int)
            do { size = try program.size(of: symbol.name, dimensions: binding.dimensions) } catch {
                report(symbol.key, prefix + error.message)
                return nil
            }
            var scale = Rational(1)
            switch symbol.scale {
            case let .number(r): scale = r
            case let .parameter(p):
                guard let r = parameters[p] else {
                    report("\(symbol.key).scale", prefix + "the parameter '\(p)' has no value")
                    return nil
                }
                scale = r
            }
            if let draw = symbol.draw {
                let law: ConjectureDraw.Law
                switch draw {
                case let .minibatch(sampling): law = .minibatch(sampling)
                case .gaussian: law = .gaussian
                case .rademacher: law = .rademacher
                }
                draws[symbol.name] = ConjectureDraw(law: law, seed: InitialValues.seed(of: symbol, instanceSeed: binding.seed), scale: scale)
                continue
            }
            if case let .exact(matrix, origin) = symbol.source, matrix.rowCount != size.rows || matrix.columnCount != size.columns {
                report("\(symbol.key).\(symbol.isVariable ? "init" : "data")",
                       prefix + "the values (\(origin)) are \(matrix.rowCount)×\(matrix.columnCount), but the shape of \(symbol.name) is \(size.rows)×\(size.columns) here")
                return nil
            }
            if case .identity = symbol.source, size.rows != size.columns {
                report("\(symbol.key).init", prefix + "\"identity\" needs a square shape, not \(size.rows)×\(size.columns)")
                return nil
            }
            guard let matrix = InitialValues.value(of: symbol, rows: size.rows, columns: size.columns, scale: scale,
                                                   instanceSeed: binding.seed) else {
                pending.append(symbol)
                continue
            }
            values[symbol.name] = (0..<matrix.rowCount).flatMap { i in (0..<matrix.columnCount).map { matrix[i, $0] } }
        }
        while !pending.isEmpty {
            var progressed = false
            var failure: (SymbolDeclaration, ConjectureError)?
            for symbol in pending {
                do {
                    var v = try program.exactValue(of: initExpressions[symbol.name]!, dimensions: binding.dimensions,
                                                   parameters: parameters, values: values)
                    if case let .number(r) = symbol.scale, r != 1 { v = v.map { $0 * r } }
                    if case let .parameter(p) = symbol.scale, let r = parameters[p] { v = v.map { $0 * r } }
                    values[symbol.name] = v
                    progressed = true
                } catch {
                    if failure == nil { failure = (symbol, error) }
                }
            }
            pending.removeAll { values[$0.name] != nil }
            if !progressed, let (symbol, error) = failure {
                guard case let .expression(source) = symbol.source else { return nil }
                let cycle = pending.map(\.name).joined(separator: ", ")
                let message = error.message.contains("has no value yet")
                    ? "the values given by expressions (\(cycle)) depend on each other in a cycle" : error.message
                report(source.key, column: error.message.contains("has no value yet") ? nil : error.column, prefix + message)
                return nil
            }
        }
        do {
            return try program.bind(dimensions: binding.dimensions, parameters: parameters, values: values, draws: draws)
        } catch {
            report(key(for: error.key), column: error.column, prefix + error.message)
            return nil
        }
    }
}
