/// A word: a product of matrix letters, read left to right. The empty word is the identity matrix.
///
/// ```swift
/// let w = Word([Letter(.matrix("W2"), transposed: true), Letter(.matrix("W2"))])   // W₂ᵀW₂
/// print(w.transposed() == w)   // true: (W₂ᵀW₂)ᵀ = W₂ᵀW₂
/// ```
public struct Word: Hashable, Sendable {
    /// The letters, left to right.
    public var letters: [Letter]

    /// The word with these letters.
    public init(_ letters: [Letter] = []) { self.letters = letters }

    /// The empty word (the identity).
    public static let empty = Word()

    /// The transpose: the letters in reverse order, each transposed, as (AB)ᵀ = BᵀAᵀ.
    public func transposed() -> Word { Word(letters.reversed().map { $0.transposed() }) }

    /// The concatenation `lhs·rhs`.
    public static func * (lhs: Word, rhs: Word) -> Word { Word(lhs.letters + rhs.letters) }
}

extension Word: RandomAccessCollection {
    /// The index of the first letter (0).
    public var startIndex: Int { letters.startIndex }
    /// One past the index of the last letter.
    public var endIndex: Int { letters.endIndex }
    /// The letter at `position`.
    public subscript(position: Int) -> Letter { letters[position] }
}

extension Word: Comparable {
    /// Shortlex order: shorter words first, then lexicographic by letter.
    public static func < (lhs: Word, rhs: Word) -> Bool {
        if lhs.count != rhs.count { return lhs.count < rhs.count }
        return lhs.letters.lexicographicallyPrecedes(rhs.letters)
    }
}

extension Word: CustomStringConvertible {
    /// The letters in Unicode, juxtaposed (`W₂ᵀW₂`); the empty word prints as `I`.
    public var description: String {
        isEmpty ? "I" : _Formatter.juxtapose(letters.map { _Formatter.letter($0, .unicode) }, .unicode)
    }
}
