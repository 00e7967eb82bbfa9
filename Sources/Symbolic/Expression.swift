import MultiPrecision

/// A parsed symbolic expression: the syntax tree of a string such as `d/dt(W2' W2 - W1 W1')`, with the range of
/// characters each node came from (for error messages).
///
/// An expression means nothing until a ``Context`` evaluates it: names become symbols or definitions, `d/dt` uses
/// the context's flow and `step(…)` its discrete step.
public struct Expression: Hashable, Sendable {
    /// The kinds of node.
    public indirect enum Node: Hashable, Sendable {
        /// A rational constant (a scalar, or a multiple of I where a matrix is expected).
        case number(Rational)
        /// The identity matrix `I`.
        case identity
        /// A symbol or a definition, by canonical name.
        case name(String)
        /// `−e`.
        case negation(Expression)
        /// `a + b`.
        case sum(Expression, Expression)
        /// `a − b`.
        case difference(Expression, Expression)
        /// `a·b` (also written as juxtaposition `a b`).
        case product(Expression, Expression)
        /// `a / c` for a non-zero rational constant c.
        case quotient(Expression, Expression)
        /// `eᵏ` for an integer k ≥ 0.
        case power(Expression, Int)
        /// `eᵀ`, `e'`, `e^T` or `transpose(e)`.
        case transpose(Expression)
        /// `tr(e)` or `trace(e)`.
        case trace(Expression)
        /// `d/dt(e)` or `ddt(e)`: the derivative along the context's flow.
        case derivative(Expression)
        /// `step(e)` or `(e)⁺`: the value after the context's discrete step.
        case step(Expression)
        /// `coeff(e, x, k)`: the coefficient of xᵏ in e, for a scalar symbol x.
        case coefficient(Expression, symbol: String, power: Int)
        /// `a ∘ b` or `a .* b`: the entrywise (Hadamard) product (numeric expressions only).
        case hadamard(Expression, Expression)
        /// `a ⊘ b` or `a ./ b`: the entrywise quotient (numeric expressions only).
        case entrywiseQuotient(Expression, Expression)
        /// A numeric function applied to its arguments, by canonical name: `exp(e)`, `pow(e, r)`, `inner(a, b)`,
        /// `ones`, `ones(r, c)`, `prev(X)`, … (see ``Parser/numericFunctions``); also `e^r` for a rational r that is
        /// not a non-negative integer, as `pow(e, r)`. Symbolic identities reject these (they are not polynomial).
        case function(String, [Expression])
    }

    /// The node.
    public var node: Node
    /// The characters (0-based offsets into the parsed text) this node came from.
    public var range: Range<Int>

    /// An expression with the given node and source range.
    public init(_ node: Node, range: Range<Int> = 0..<0) {
        self.node = node
        self.range = range
    }

    /// Parses `text` (see ``Parser`` for the grammar).
    ///
    /// - Throws: ``ParseError`` with the position of the problem.
    public init(parsing text: String) throws(ParseError) {
        self = try Parser.expression(text)
    }

    /// Calls `body` on this node and every node below it, parents first.
    func _visit(_ body: (Expression) -> Void) {
        body(self)
        switch node {
        case .number, .identity, .name: break
        case .negation(let a), .power(let a, _), .transpose(let a), .trace(let a), .derivative(let a), .step(let a),
             .coefficient(let a, _, _):
            a._visit(body)
        case .sum(let a, let b), .difference(let a, let b), .product(let a, let b), .quotient(let a, let b),
             .hadamard(let a, let b), .entrywiseQuotient(let a, let b):
            a._visit(body); b._visit(body)
        case .function(_, let arguments):
            for a in arguments { a._visit(body) }
        }
        if case .coefficient(_, let symbol, _) = node { body(Expression(.name(symbol), range: range)) }
    }

    /// Whether the expression uses a construct of the numeric language only (entrywise operations and the numeric
    /// functions), which symbolic identities reject.
    public var isNumericOnly: Bool {
        var found = false
        _visit { e in
            switch e.node {
            case .hadamard, .entrywiseQuotient, .function: found = true
            default: break
            }
        }
        return found
    }

    /// The name of a numeric-only node for messages: `exp`, `the entrywise product ∘`, …
    var _numericConstructName: String {
        switch node {
        case .hadamard: return "the entrywise product ∘"
        case .entrywiseQuotient: return "the entrywise quotient ⊘"
        case .function("pow", _): return "a power other than a non-negative integer"
        case .function(let name, _): return name
        default: return "this expression"
        }
    }

    /// The names (symbols and definitions) the expression refers to, including the scalar of `coeff`.
    public var names: Set<String> {
        var result = Set<String>()
        func walk(_ e: Expression) {
            switch e.node {
            case .number, .identity: break
            case .name(let name): result.insert(name)
            case .negation(let a), .power(let a, _), .transpose(let a), .trace(let a), .derivative(let a), .step(let a):
                walk(a)
            case .sum(let a, let b), .difference(let a, let b), .product(let a, let b), .quotient(let a, let b),
                 .hadamard(let a, let b), .entrywiseQuotient(let a, let b):
                walk(a); walk(b)
            case .coefficient(let a, let symbol, _): walk(a); result.insert(symbol)
            case .function(let name, let arguments):
                // The dimension arguments of ones(r, c) are sizes, not names of symbols.
                if name != "ones" { for a in arguments { walk(a) } }
            }
        }
        walk(self)
        return result
    }
}

/// An equation `lhs = rhs` between two expressions, as written in a claim.
public struct Equation: Hashable, Sendable {
    /// The left side.
    public var lhs: Expression
    /// The right side.
    public var rhs: Expression
    /// The text the equation was parsed from (empty when built in code).
    public var text: String

    /// The equation `lhs = rhs`.
    public init(lhs: Expression, rhs: Expression, text: String = "") {
        self.lhs = lhs
        self.rhs = rhs
        self.text = text
    }

    /// Parses `lhs = rhs`.
    ///
    /// - Throws: ``ParseError``, for example when there is no `=`.
    public init(parsing text: String) throws(ParseError) {
        self = try Parser.equation(text)
    }
}
