/// A proof obligation as data, before it is checked: the symbols, definitions, flow or step and identities, each
/// with the name it was declared under, in declaration order. A file format (the TOML front-end of `Claims`) or code
/// (a claim kind that states its own obligation) fills it in; ``ProofObligation/init(id:title:statement:source:expectation:declarations:crossCheck:file:)``
/// checks it.
public struct ObligationDeclarations: Sendable, Hashable {
    /// One declared symbol.
    public struct SymbolDeclaration: Sendable, Hashable {
        /// The name as written (`W1`, `W₁`, `eta`).
        public var name: String
        /// Matrix, symmetric matrix or scalar.
        public var kind: Symbol.Kind
        /// Rows × columns (dimension names or sizes); `nil` for the default `n × n`.
        public var shape: Shape?
        /// Whether its derivative along the flow is zero.
        public var isConstant: Bool

        /// A declaration.
        public init(_ name: String, kind: Symbol.Kind = .matrix, shape: Shape? = nil, isConstant: Bool = false) {
            self.name = name
            self.kind = kind
            self.shape = shape
            self.isConstant = isConstant
        }
    }

    /// A named expression: a definition `G1 = W2ᵀE`, a rate `W1 = −G1`, a step `W1 = W1 − ηG1`, or an identity
    /// `j = 1: d/dt(D1) = 0` (the text in the expression language of ``Parser``).
    public struct Entry: Sendable, Hashable {
        /// The name (for an identity, its label, possibly empty).
        public var name: String
        /// The expression or equation text.
        public var text: String

        /// An entry.
        public init(_ name: String, _ text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The symbols, in declaration order.
    public var symbols: [SymbolDeclaration]
    /// Abbreviations, in any order (no cycles).
    public var definitions: [Entry]
    /// Ẋ = F(X) for `d/dt`: symbol name and rate; `nil` when no flow is stated.
    public var flow: [Entry]?
    /// X ↦ X⁺ for `step(…)`: symbol name and new value; `nil` when no step is stated.
    public var step: [Entry]?
    /// The identities `lhs = rhs`, each with its label.
    public var identities: [Entry]

    /// Declarations.
    public init(symbols: [SymbolDeclaration], definitions: [Entry] = [], flow: [Entry]? = nil, step: [Entry]? = nil,
                identities: [Entry]) {
        self.symbols = symbols
        self.definitions = definitions
        self.flow = flow
        self.step = step
        self.identities = identities
    }
}

/// A declaration of an obligation that does not check: which one, and why.
public struct ObligationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The declaration at fault.
    public enum Place: Hashable, Sendable {
        /// The symbol declared under this name.
        case symbol(String)
        /// The symbols together (constants without a flow to hold them).
        case symbols
        /// The definition of this name.
        case definition(String)
        /// The rate of this symbol.
        case flow(String)
        /// The step of this symbol.
        case step(String)
        /// The identity at this 0-based position.
        case identity(Int)
        /// The identities together (there are none).
        case identities
    }

    /// Where.
    public let place: Place
    /// What is wrong, in one line (a parse error names the column).
    public let message: String

    /// An error at `place`.
    public init(_ place: Place, _ message: String) {
        self.place = place
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension ProofObligation {
    /// Checks `declarations` and builds the obligation: every symbol name valid, every definition, rate, step and
    /// identity parsed and evaluated (names declared, shapes compatible, definitions free of cycles). The
    /// identities are evaluated, not proved: ``check()`` proves them.
    ///
    /// - Throws: ``ObligationError`` at the first declaration that does not check, in declaration order.
    public init(id: String, title: String, statement: String, source: String, expectation: Expectation,
                declarations: ObligationDeclarations, crossCheck: RandomizedCheck = RandomizedCheck(),
                file: String? = nil) throws(ObligationError) {
        func at<T>(_ place: ObligationError.Place, _ body: () throws(SymbolicError) -> T) throws(ObligationError) -> T {
            do { return try body() } catch { throw ObligationError(place, error.description) }
        }
        var alphabet = Alphabet(strict: true)
        var constants: [String] = []
        for declaration in declarations.symbols {
            guard let canonical = _Naming.canonicalize(declaration.name), !_reservedNames.contains(canonical) else {
                throw ObligationError(.symbol(declaration.name), "'\(declaration.name)' is not a valid symbol name "
                                      + "(letters then digits, not a reserved word)")
            }
            if declaration.isConstant { constants.append(canonical) }
            let symbol = Symbol(canonical, kind: declaration.kind)
            try at(.symbol(declaration.name)) { () throws(SymbolicError) in try alphabet.declare(symbol, shape: declaration.shape) }
        }
        var context = Context(alphabet: alphabet)

        // Definitions, in dependency order.
        var expressions: [String: (name: String, expression: Expression)] = [:]
        for entry in declarations.definitions {
            guard let canonical = _Naming.canonicalize(entry.name) else {
                throw ObligationError(.definition(entry.name), "'\(entry.name)' is not a valid name")
            }
            let expression: Expression
            do { expression = try Parser.expression(entry.text) } catch {
                throw ObligationError(.definition(entry.name), error.description)
            }
            expressions[canonical] = (entry.name, expression)
        }
        var done = Set<String>(), visiting: [String] = []
        func visit(_ name: String) throws(ObligationError) {
            if done.contains(name) { return }
            let (written, expression) = expressions[name]!
            if let start = visiting.firstIndex(of: name) {
                throw ObligationError(.definition(written),
                                      SymbolicError.definitionCycle(Array(visiting[start...]) + [name]).description)
            }
            visiting.append(name)
            for dependency in expression.names.sorted() where expressions[dependency] != nil { try visit(dependency) }
            visiting.removeLast()
            try at(.definition(written)) { () throws(SymbolicError) in try context.define(name, as: expression) }
            done.insert(name)
        }
        for entry in declarations.definitions { try visit(_Naming.canonicalize(entry.name)!) }

        // Flow and step; each entry is checked with those before it, so that the first bad one is named.
        if let flow = declarations.flow {
            for index in flow.indices {
                try at(.flow(flow[index].name)) { () throws(SymbolicError) in
                    try context.setFlow(flow[...index].map { ($0.name, $0.text) }, constants: constants)
                }
            }
        } else if !constants.isEmpty {
            try at(.symbols) { () throws(SymbolicError) in try context.setFlow([], constants: constants) }
        }
        if let step = declarations.step {
            for index in step.indices {
                try at(.step(step[index].name)) { () throws(SymbolicError) in
                    try context.setStep(step[...index].map { ($0.name, $0.text) })
                }
            }
        }

        // Identities: parsed, and both sides evaluated (names, shapes) so that a bad one is found before any proof.
        guard !declarations.identities.isEmpty else {
            throw ObligationError(.identities, "an obligation needs at least one identity")
        }
        var claims: [Claim] = []
        for (index, entry) in declarations.identities.enumerated() {
            let equation: Equation
            do { equation = try Parser.equation(entry.text) } catch {
                throw ObligationError(.identity(index), error.description)
            }
            try at(.identity(index)) { () throws(SymbolicError) in try context.validate(equation) }
            claims.append(Claim(name: entry.name, equation: equation))
        }
        self.init(id: id, title: title, statement: statement, source: source, expectation: expectation,
                  context: context, claims: claims, crossCheck: crossCheck, file: file)
    }
}
