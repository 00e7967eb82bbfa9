/// The declared symbols of a context: each name's kind and, for matrices, its shape.
///
/// In a **strict** alphabet every name must be declared, which catches typos in claim files. In a lenient one an
/// undeclared name stands for a new symbol: a scalar if it spells a lowercase Greek letter (`eta`, `η`, `λ`), a
/// general n×n matrix otherwise.
///
/// ```swift
/// var alphabet = Alphabet(strict: true)
/// try alphabet.declare(.matrix("W1"), shape: Shape("d1", "d0"))
/// try alphabet.declare(.scalar("eta"))
/// ```
public struct Alphabet: Hashable, Sendable {
    /// The declared symbols in declaration order.
    public private(set) var symbols: [Symbol] = []
    /// Declared shapes; matrix symbols without one are n×n (``Shape/default``).
    public private(set) var shapes: [Symbol: Shape] = [:]
    /// Whether undeclared names are errors.
    public var isStrict: Bool

    private var byName: [String: Symbol] = [:]

    /// An empty alphabet.
    public init(strict: Bool = false) { isStrict = strict }

    /// Declares `symbol`, with `shape` for a matrix symbol (n×n when omitted).
    ///
    /// - Throws: ``SymbolicError/duplicateName(_:)`` when the name is taken, ``SymbolicError/notSquare(operation:shape:at:)``
    ///   for a symmetric symbol with a non-square shape, ``SymbolicError/invalidDeclaration(_:)`` for a scalar
    ///   with a shape.
    public mutating func declare(_ symbol: Symbol, shape: Shape? = nil) throws(SymbolicError) {
        if byName[symbol.name] != nil { throw .duplicateName(symbol.name) }
        if let shape {
            if symbol.isScalar { throw .invalidDeclaration("the scalar symbol \(symbol) cannot have a shape") }
            if symbol.kind == .symmetric && !shape.isSquare {
                throw .notSquare(operation: "the symmetric symbol \(symbol)", shape: shape, at: nil)
            }
            shapes[symbol] = shape
        }
        symbols.append(symbol)
        byName[symbol.name] = symbol
    }

    /// The declared symbol called `name` (canonical spelling), if any.
    public func symbol(named name: String) -> Symbol? { byName[name] }

    /// The symbol a name stands for: the declared one, or in a lenient alphabet a new one of the default kind.
    public func resolve(_ name: String) -> Symbol? {
        if let symbol = byName[name] { return symbol }
        if isStrict { return nil }
        return Symbol(name, kind: _Naming.isLowercaseGreek(name) ? .scalar : .matrix)
    }

    /// The shape of a matrix symbol: the declared one or n×n.
    public func shape(of symbol: Symbol) -> Shape { shapes[symbol] ?? .default }
}
