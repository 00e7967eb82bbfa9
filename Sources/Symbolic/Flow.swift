/// A flow Ẋ = F(X): the time derivative of each matrix symbol, for differentiating polynomials along it.
///
/// Scalar symbols are always constant. A matrix symbol is either given a rate, declared constant, or left
/// undetermined; differentiating a polynomial that contains an undetermined symbol is an error
/// (``SymbolicError/missingRate(_:)``), because an opaque symbol such as E = ∇f(W_N⋯W_1) changes along the flow in a
/// way nobody has stated.
///
/// ```swift
/// // Gradient flow of f(W2 W1): Ẇ1 = −W2ᵀE, Ẇ2 = −E W1ᵀ.
/// let flow = try Flow(rates: [w1: -(w2.transposed() * e), w2: -(e * w1.transposed())])
/// ```
public struct Flow: Hashable, Sendable {
    /// Ẋ for each symbol with a rate.
    public let rates: [Symbol: NCPolynomial]
    /// Matrix symbols whose derivative is zero.
    public let constants: Set<Symbol>

    /// The flow with the given rates and constant symbols.
    ///
    /// - Throws: ``SymbolicError/scalarRate(_:)`` when a scalar symbol is given a rate,
    ///   ``SymbolicError/nonSymmetricRate(_:)`` when a symmetric symbol's rate is not symmetric (Sᵀ = S must stay true).
    public init(rates: [Symbol: NCPolynomial], constants: Set<Symbol> = []) throws(SymbolicError) {
        for (symbol, rate) in rates {
            if symbol.isScalar { throw .scalarRate(symbol) }
            if symbol.kind == .symmetric && !rate.isSymmetric { throw .nonSymmetricRate(symbol) }
        }
        self.rates = rates
        self.constants = constants
    }

    /// The derivative of `letter`: the rate of its symbol, transposed for a transposed letter; zero for constants.
    ///
    /// - Throws: ``SymbolicError/missingRate(_:)`` for a symbol that has no rate and is not constant.
    public func rate(of letter: Letter) throws(SymbolicError) -> NCPolynomial {
        if let rate = rates[letter.symbol] { return letter.isTransposed ? rate.transposed() : rate }
        if constants.contains(letter.symbol) { return NCPolynomial() }
        throw .missingRate(letter.symbol)
    }
}
