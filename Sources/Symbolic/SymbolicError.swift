/// An error from building, evaluating or checking symbolic expressions. Each case says what went wrong and, where
/// the error comes from parsed text, where (a range of character offsets, 0-based, into that text).
public enum SymbolicError: Error, Hashable, Sendable {
    /// The text did not parse.
    case parse(ParseError)
    /// A name is neither a declared symbol nor a definition (in a strict context).
    case undeclaredName(String, at: Range<Int>?)
    /// A name is declared twice, or as both a symbol and a definition.
    case duplicateName(String)
    /// A reserved word (`tr`, `step`, `I`, …) was used as a name, or a name is not valid.
    case invalidName(String)
    /// Definitions refer to each other in a cycle (the names in order).
    case definitionCycle([String])
    /// Two operands have shapes that do not fit the operation (for example a product W₁W₂ with W₁: d₁×d₀ and
    /// W₂: d₂×d₁).
    case shapeMismatch(operation: String, left: Shape, right: Shape, at: Range<Int>?)
    /// An operation needs a square matrix (trace, power, adding a multiple of I, a symmetric symbol).
    case notSquare(operation: String, shape: Shape, at: Range<Int>?)
    /// A symbol's derivative is needed but it has no rate and is not constant (it is opaque).
    case missingRate(Symbol)
    /// `d/dt` was used but no flow is declared.
    case noFlow(at: Range<Int>)
    /// `step(…)` or `⁺` was used but no discrete step is declared.
    case noStep(at: Range<Int>)
    /// A scalar symbol was given a rate; scalars are constant along flows.
    case scalarRate(Symbol)
    /// A symmetric symbol was given a rate that is not symmetric.
    case nonSymmetricRate(Symbol)
    /// A scalar symbol would be replaced by a matrix.
    case nonScalarReplacement(Symbol)
    /// A symmetric symbol would be replaced by a non-symmetric matrix.
    case nonSymmetricReplacement(Symbol)
    /// A division by something that is not a non-zero rational constant.
    case invalidDivision(at: Range<Int>)
    /// A trace expression combined with a matrix (tr(A)·B, tr(A) + B) or inside another trace, which this algebra
    /// does not represent.
    case traceAndMatrix(operation: String, at: Range<Int>)
    /// The two sides of an equation are a matrix and a trace expression.
    case mixedEquation
    /// `coeff(e, x, k)` with `x` not a scalar symbol or `k` negative.
    case invalidCoefficient(String, at: Range<Int>)
    /// A trace of a multiple of the identity whose dimension is not the default one.
    case ambiguousIdentityTrace(Shape, at: Range<Int>)
    /// Numeric evaluation met a symbol without a value.
    case missingValue(Symbol)
    /// Numeric evaluation needs the size of a dimension that has none.
    case missingDimension(String)
    /// Numeric evaluation of `d/dt`, `step` or `coeff` nested inside `d/dt` is not supported.
    case unsupportedNesting(String, at: Range<Int>)
    /// The text evaluates to a matrix where a scalar is needed, or the reverse.
    case kindMismatch(expected: String)
    /// A declared shape or flow/step entry does not fit its symbol.
    case invalidDeclaration(String)
    /// An expansion would have more terms than `SymbolicBudget.maximumTermProducts`; refused before it starts.
    case tooLarge(String, at: Range<Int>?)
    /// The work was stopped: the run was cancelled or its time limit passed (`SymbolicBudget`).
    case interrupted(String)
}

extension SymbolicError: CustomStringConvertible {
    /// One line that says what went wrong.
    public var description: String {
        func position(_ range: Range<Int>?) -> String {
            guard let range else { return "" }
            return " (column \(range.lowerBound + 1))"
        }
        switch self {
        case .parse(let error): return error.description
        case .undeclaredName(let name, let range):
            return "'\(_Naming.unicode(name))' is not a declared symbol or definition\(position(range))"
        case .duplicateName(let name): return "'\(name)' is declared more than once"
        case .invalidName(let name): return "'\(name)' is not a valid name (letters then digits, not a reserved word)"
        case .definitionCycle(let names): return "definitions refer to each other in a cycle: \(names.joined(separator: " → "))"
        case .shapeMismatch(let operation, let left, let right, let range):
            return "shapes do not fit in \(operation): \(left) and \(right)\(position(range))"
        case .notSquare(let operation, let shape, let range):
            return "\(operation) needs a square matrix, but the shape is \(shape)\(position(range))"
        case .missingRate(let symbol):
            return "\(symbol) has no rate in the flow and is not declared constant, so its derivative is unknown"
        case .noFlow(let range): return "d/dt needs a flow, and none is declared\(position(range))"
        case .noStep(let range): return "step(…) needs a discrete step, and none is declared\(position(range))"
        case .scalarRate(let symbol): return "\(symbol) is a scalar symbol; scalars are constant along a flow"
        case .nonSymmetricRate(let symbol): return "the rate of the symmetric symbol \(symbol) is not symmetric"
        case .nonScalarReplacement(let symbol): return "the scalar symbol \(symbol) cannot be replaced by a matrix"
        case .nonSymmetricReplacement(let symbol):
            return "the symmetric symbol \(symbol) cannot be replaced by a non-symmetric matrix"
        case .invalidDivision(let range): return "only division by a non-zero rational constant is allowed\(position(range))"
        case .traceAndMatrix(let operation, let range):
            return "\(operation) that mixes a trace expression with a matrix is not supported\(position(range))"
        case .mixedEquation: return "one side of the equation is a matrix and the other a trace expression"
        case .invalidCoefficient(let message, let range): return "coeff: \(message)\(position(range))"
        case .ambiguousIdentityTrace(let shape, let range):
            return "the trace of a multiple of the identity of shape \(shape) is not supported; tr(I) means the default dimension n\(position(range))"
        case .missingValue(let symbol): return "no value for \(symbol)"
        case .missingDimension(let name): return "no size for the dimension \(name)"
        case .unsupportedNesting(let what, let range): return "\(what) inside d/dt is not supported\(position(range))"
        case .kindMismatch(let expected): return "expected \(expected)"
        case .invalidDeclaration(let message): return message
        case .tooLarge(let what, let range): return "\(what)\(position(range))"
        case .interrupted(let why): return "stopped: \(why)"
        }
    }
}
