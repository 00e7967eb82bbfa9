import MultiPrecision

/// Everything an expression's names and operators refer to: declared symbols (``Alphabet``), definitions
/// (abbreviations such as G₁ = W₂ᵀE), a flow for `d/dt` and a discrete step for `step(…)`.
///
/// ```swift
/// var context = Context(alphabet: Alphabet())           // lenient: undeclared names are n×n matrices
/// try context.define("G1", as: "W2' E")
/// try context.define("G2", as: "E W1'")
/// try context.setFlow([("W1", "-G1"), ("W2", "-G2")])
/// let proof = try context.prove("d/dt(W2' W2 - W1 W1') = 0")
/// print(proof.isProved)                                 // true
/// ```
public struct Context: Sendable {
    /// A named abbreviation and its value.
    public struct Definition: Hashable, Sendable {
        /// The canonical name.
        public let name: String
        /// The defining expression.
        public let expression: Expression
        /// Its value when it was defined.
        public let value: SymbolicValue
        /// Its shape, for a matrix.
        public let shape: Shape?
    }

    /// One entry of a flow or step: a symbol and the expression of its rate or new value.
    public struct Entry: Hashable, Sendable {
        /// The symbol.
        public let symbol: Symbol
        /// The expression (the rate Ẋ for a flow, the new value X⁺ for a step).
        public let expression: Expression
    }

    /// The declared symbols.
    public private(set) var alphabet: Alphabet
    /// The definitions in the order they were made.
    public private(set) var definitions: [Definition] = []
    /// The flow for `d/dt`, if any.
    public private(set) var flow: Flow?
    /// The flow's entries as written.
    public private(set) var flowEntries: [Entry] = []
    /// The discrete step for `step(…)`: each stepped symbol's new value.
    public private(set) var step: [Symbol: NCPolynomial]?
    /// The step's entries as written.
    public private(set) var stepEntries: [Entry] = []

    private var definitionIndex: [String: Int] = [:]

    /// A context over `alphabet`, with no definitions, flow or step.
    public init(alphabet: Alphabet = Alphabet()) {
        self.alphabet = alphabet
    }

    /// The definition called `name` (canonical), if any.
    public func definition(named name: String) -> Definition? {
        definitionIndex[name].map { definitions[$0] }
    }

    /// Defines `name` as the value of `text`. Later expressions may use the name.
    ///
    /// - Throws: ``SymbolicError`` when the name is taken or invalid, or the text does not parse or evaluate.
    public mutating func define(_ name: String, as text: String) throws(SymbolicError) {
        let expression: Expression
        do { expression = try Parser.expression(text) } catch { throw .parse(error) }
        try define(name, as: expression)
    }

    /// Defines `name` as the value of `expression`.
    ///
    /// - Throws: ``SymbolicError`` when the name is taken or invalid, or the expression does not evaluate.
    public mutating func define(_ name: String, as expression: Expression) throws(SymbolicError) {
        guard let canonical = _Naming.canonicalize(name), !_reservedNames.contains(canonical) else {
            throw .invalidName(name)
        }
        if definitionIndex[canonical] != nil || alphabet.symbol(named: canonical) != nil {
            throw .duplicateName(canonical)
        }
        let typed = try _evaluate(expression)
        definitionIndex[canonical] = definitions.count
        definitions.append(Definition(name: canonical, expression: expression, value: typed.value, shape: typed.shape))
    }

    /// Sets the flow Ẋ = F(X) from (symbol name, rate text) pairs; `constants` names the matrix symbols whose
    /// derivative is zero. Every other matrix symbol is opaque: differentiating it is an error.
    ///
    /// - Throws: ``SymbolicError`` for unknown or scalar symbols, rates of the wrong shape, or bad text.
    public mutating func setFlow(_ rates: [(symbol: String, rate: String)], constants: [String] = []) throws(SymbolicError) {
        var entries: [Entry] = []
        var polynomials: [Symbol: NCPolynomial] = [:]
        for (name, text) in rates {
            let symbol = try _matrixSymbol(name, role: "a rate")
            let expression: Expression
            do { expression = try Parser.expression(text) } catch { throw .parse(error) }
            polynomials[symbol] = try _matrixValue(expression, for: symbol, role: "rate")
            entries.append(Entry(symbol: symbol, expression: expression))
        }
        var constantSymbols = Set<Symbol>()
        for name in constants { constantSymbols.insert(try _matrixSymbol(name, role: "a constant")) }
        flow = try Flow(rates: polynomials, constants: constantSymbols)
        flowEntries = entries
    }

    /// Sets the discrete step X ↦ X⁺ from (symbol name, new value text) pairs, all updated at once from the current
    /// point (for gradient descent, `("W1", "W1 - eta G1")`).
    ///
    /// - Throws: ``SymbolicError`` for unknown or scalar symbols, values of the wrong shape, or bad text.
    public mutating func setStep(_ updates: [(symbol: String, value: String)]) throws(SymbolicError) {
        var entries: [Entry] = []
        var polynomials: [Symbol: NCPolynomial] = [:]
        for (name, text) in updates {
            let symbol = try _matrixSymbol(name, role: "a step")
            let expression: Expression
            do { expression = try Parser.expression(text) } catch { throw .parse(error) }
            let value = try _matrixValue(expression, for: symbol, role: "new value")
            if symbol.kind == .symmetric && !value.isSymmetric { throw .nonSymmetricReplacement(symbol) }
            polynomials[symbol] = value
            entries.append(Entry(symbol: symbol, expression: expression))
        }
        step = polynomials
        stepEntries = entries
    }

    /// Evaluates `text` to its canonical value.
    ///
    /// - Throws: ``SymbolicError`` (parse errors as ``SymbolicError/parse(_:)``).
    public func evaluate(_ text: String) throws(SymbolicError) -> SymbolicValue {
        let expression: Expression
        do { expression = try Parser.expression(text) } catch { throw .parse(error) }
        return try evaluate(expression)
    }

    /// Evaluates `expression` to its canonical value, checking shapes.
    ///
    /// - Throws: ``SymbolicError`` naming the offending part of the text.
    public func evaluate(_ expression: Expression) throws(SymbolicError) -> SymbolicValue {
        try _evaluate(expression).value
    }

    /// The shape of `expression` (`nil` for a scalar).
    ///
    /// - Throws: ``SymbolicError`` for ill-formed products and sums.
    public func shape(of expression: Expression) throws(SymbolicError) -> Shape? {
        try _evaluate(expression).shape
    }

    /// Proves or refutes `text` (`lhs = rhs`) by canonical forms: see ``IdentityProof``.
    ///
    /// - Throws: ``SymbolicError`` when the text does not parse or evaluate.
    public func prove(_ text: String) throws(SymbolicError) -> IdentityProof {
        let equation: Equation
        do { equation = try Parser.equation(text) } catch { throw .parse(error) }
        return try prove(equation)
    }

    /// Proves or refutes `equation` by canonical forms: see ``IdentityProof``.
    ///
    /// - Throws: ``SymbolicError`` when a side does not evaluate, or the sides' shapes differ.
    public func prove(_ equation: Equation) throws(SymbolicError) -> IdentityProof {
        let (lhs, rhs) = try _comparableSides(equation)
        return try IdentityProof(lhs: lhs.value, rhs: rhs.value)
    }

    /// Evaluates both sides of `equation` and checks that they can be compared (the same shape, or a square matrix
    /// and a multiple of I), without proving it: what reading an obligation checks of each identity.
    ///
    /// - Throws: ``SymbolicError`` when a side does not evaluate, or the sides' shapes differ.
    public func validate(_ equation: Equation) throws(SymbolicError) {
        _ = try _comparableSides(equation)
    }

    /// Both sides of `equation`, evaluated, once their shapes are known to fit.
    private func _comparableSides(_ equation: Equation) throws(SymbolicError) -> (_Typed, _Typed) {
        let lhs = try _evaluate(equation.lhs)
        let rhs = try _evaluate(equation.rhs)
        if let a = lhs.shape, let b = rhs.shape, a != b {
            throw .shapeMismatch(operation: "the equation", left: a, right: b, at: nil)
        }
        if let a = lhs.shape ?? rhs.shape, lhs.shape == nil || rhs.shape == nil, !a.isSquare {
            throw .notSquare(operation: "comparing with a multiple of I", shape: a, at: nil)
        }
        return (lhs, rhs)
    }

    /// The symbol that `name` stands for (declared, or new in a lenient alphabet); `nil` for definitions and
    /// undeclared names in a strict alphabet.
    public func symbol(for name: String) -> Symbol? {
        if definitionIndex[name] != nil { return nil }
        return alphabet.resolve(name)
    }

    /// The symbols `equations` depend on, through definitions and, where `d/dt` or `step` occurs, through the flow's
    /// rates or the step's new values: declared symbols first in declaration order, then new ones in name order.
    public func symbols(in equations: [Equation]) -> [Symbol] {
        var names = Set<String>()
        var visited = Set<String>()   // definitions, and flow/step entries as "flow:X", "step:X"
        var usesFlow = false, usesStep = false
        var pending = equations.flatMap { [$0.lhs, $0.rhs] }
        while let expression = pending.popLast() {
            expression._visit { node in
                switch node.node {
                case .derivative: usesFlow = true
                case .step: usesStep = true
                case .name(let name):
                    if let d = definition(named: name) {
                        if visited.insert(name).inserted { pending.append(d.expression) }
                    } else {
                        names.insert(name)
                    }
                default: break
                }
            }
            if pending.isEmpty && usesFlow {
                usesFlow = false
                for e in flowEntries {
                    names.insert(e.symbol.name)
                    if visited.insert("flow:" + e.symbol.name).inserted { pending.append(e.expression) }
                }
            }
            if pending.isEmpty && usesStep {
                usesStep = false
                for e in stepEntries {
                    names.insert(e.symbol.name)
                    if visited.insert("step:" + e.symbol.name).inserted { pending.append(e.expression) }
                }
            }
        }
        let needed = Set(names.compactMap { symbol(for: $0) })
        let declared = alphabet.symbols.filter { needed.contains($0) }
        return declared + needed.subtracting(declared).sorted()
    }

    private func _matrixSymbol(_ name: String, role: String) throws(SymbolicError) -> Symbol {
        guard let canonical = _Naming.canonicalize(name), !_reservedNames.contains(canonical) else { throw .invalidName(name) }
        guard let symbol = symbol(for: canonical) else { throw .undeclaredName(canonical, at: nil) }
        if symbol.isScalar { throw .invalidDeclaration("\(symbol) is a scalar symbol and cannot have \(role)") }
        return symbol
    }

    private func _matrixValue(_ expression: Expression, for symbol: Symbol, role: String) throws(SymbolicError) -> NCPolynomial {
        let typed = try _evaluate(expression)
        let expected = alphabet.shape(of: symbol)
        switch typed {
        case .matrix(let p, let shape):
            if shape != expected {
                throw .invalidDeclaration("the \(role) of \(symbol) has shape \(shape), but \(symbol) is \(expected)")
            }
            return p
        case .scalar(let s):
            guard let p = s.asScalarPolynomial else { throw .invalidDeclaration("the \(role) of \(symbol) is a trace expression") }
            if !expected.isSquare { throw .notSquare(operation: "the \(role) of \(symbol)", shape: expected, at: nil) }
            return p
        }
    }
}
