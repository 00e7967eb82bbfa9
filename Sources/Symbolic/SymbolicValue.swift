/// The value of a symbolic expression: a matrix polynomial or a scalar trace polynomial.
public enum SymbolicValue: Hashable, Sendable {
    /// A matrix: a noncommutative polynomial (constants are multiples of I).
    case matrix(NCPolynomial)
    /// A scalar: a trace polynomial (possibly without traces, such as η²).
    case scalar(TracePolynomial)

    /// Whether the value is zero.
    public var isZero: Bool {
        switch self {
        case .matrix(let p): return p.isZero
        case .scalar(let p): return p.isZero
        }
    }

    /// The symbols that occur.
    public var symbols: Set<Symbol> {
        switch self {
        case .matrix(let p): return p.symbols
        case .scalar(let p): return p.symbols
        }
    }

    /// The value in the given notation.
    public func formatted(_ notation: Notation) -> String {
        switch self {
        case .matrix(let p): return p.formatted(notation)
        case .scalar(let p): return p.formatted(notation)
        }
    }

    /// The value in LaTeX math mode.
    public var latex: String { formatted(.latex) }

    /// `lhs − rhs`, promoting a pure scalar to a multiple of I when the other side is a matrix.
    ///
    /// - Throws: ``SymbolicError/mixedEquation`` when one side is a matrix and the other has traces.
    public static func difference(_ lhs: SymbolicValue, _ rhs: SymbolicValue) throws(SymbolicError) -> SymbolicValue {
        switch (lhs, rhs) {
        case (.matrix(let a), .matrix(let b)): return .matrix(a - b)
        case (.scalar(let a), .scalar(let b)): return .scalar(a - b)
        case (.matrix(let a), .scalar(let b)):
            guard let b = b.asScalarPolynomial else { throw .mixedEquation }
            return .matrix(a - b)
        case (.scalar(let a), .matrix(let b)):
            guard let a = a.asScalarPolynomial else { throw .mixedEquation }
            return .matrix(a - b)
        }
    }
}

extension SymbolicValue: CustomStringConvertible {
    /// The value in Unicode.
    public var description: String { formatted(.unicode) }
}
