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
        case .sum(let a, let b), .difference(let a, let b), .product(let a, let b), .quotient(let a, let b):
            a._visit(body); b._visit(body)
        }
        if case .coefficient(_, let symbol, _) = node { body(Expression(.name(symbol), range: range)) }
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
            case .sum(let a, let b), .difference(let a, let b), .product(let a, let b), .quotient(let a, let b):
                walk(a); walk(b)
            case .coefficient(let a, let symbol, _): walk(a); result.insert(symbol)
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
