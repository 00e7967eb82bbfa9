/// The exact verdict on an identity `lhs = rhs`: proved when the canonical form of `lhs − rhs` is zero.
///
/// Canonical forms are equal exactly when the two sides agree as polynomials in the free *-algebra (with the
/// declared symmetric symbols and central scalars), or as trace polynomials modulo cyclic rotation and transposition.
/// Such an identity then holds for all matrices of all compatible sizes. A non-zero remainder is the
/// **obstruction**: what the identity misses. (``RandomizedCheck`` turns it into concrete matrices.)
///
/// ```swift
/// let proof = try Context().prove("W2 W1 = W1 W2")
/// print(proof.isProved)      // false
/// print(proof.remainder)     // W₂W₁ − W₁W₂
/// ```
public struct IdentityProof: Hashable, Sendable {
    /// The canonical left side.
    public let lhs: SymbolicValue
    /// The canonical right side.
    public let rhs: SymbolicValue
    /// The canonical form of `lhs − rhs`.
    public let remainder: SymbolicValue

    /// The verdict on `lhs = rhs`; a pure scalar on one side is compared as a multiple of I with a matrix.
    ///
    /// - Throws: ``SymbolicError/mixedEquation`` when one side is a matrix and the other has traces.
    public init(lhs: SymbolicValue, rhs: SymbolicValue) throws(SymbolicError) {
        self.lhs = lhs
        self.rhs = rhs
        self.remainder = try SymbolicValue.difference(lhs, rhs)
    }

    /// The verdict on the matrix identity `lhs = rhs`.
    public init(_ lhs: NCPolynomial, equals rhs: NCPolynomial) {
        self.lhs = .matrix(lhs)
        self.rhs = .matrix(rhs)
        self.remainder = .matrix(lhs - rhs)
    }

    /// The verdict on the scalar identity `lhs = rhs`.
    public init(_ lhs: TracePolynomial, equals rhs: TracePolynomial) {
        self.lhs = .scalar(lhs)
        self.rhs = .scalar(rhs)
        self.remainder = .scalar(lhs - rhs)
    }

    /// Whether the identity holds: the remainder is zero.
    public var isProved: Bool { remainder.isZero }

    /// The non-zero remainder of a false identity; `nil` when proved.
    public var obstruction: SymbolicValue? { isProved ? nil : remainder }
}
