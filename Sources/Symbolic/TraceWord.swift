/// The trace of a word, tr(a₁⋯aₙ), in canonical form modulo cyclic rotation and transposition.
///
/// tr(AB) = tr(BA) for every pair of matrices whose products are square, and tr(M) = tr(Mᵀ). Both rules are
/// applied by choosing, among the n rotations of the word and the n rotations of its transpose, the least in letter
/// order. Two traces of words are therefore equal for all matrices exactly when their canonical words agree.
///
/// The empty word is tr(I), the trace of the identity of the default dimension (see ``TracePolynomial``).
public struct TraceWord: Hashable, Sendable {
    /// The canonical representative: the least rotation of the word or of its transpose.
    public let word: Word

    /// The canonical trace of `word`.
    ///
    /// - Complexity: O(n²) letter comparisons for a word of n letters.
    public init(cyclic word: Word) {
        self.word = TraceWord._canonical(word)
    }

    /// tr(I).
    public static let identity = TraceWord(cyclic: .empty)

    static func _canonical(_ word: Word) -> Word {
        let n = word.count
        if n == 0 { return word }
        var best = word.letters
        for candidate in [word.letters, word.transposed().letters] {
            for shift in 0..<n {
                // Compare the rotation starting at `shift` with `best` without building it unless it wins.
                var less = false
                for k in 0..<n {
                    let a = candidate[(shift + k) % n], b = best[k]
                    if a != b { less = a < b; break }
                }
                if less { best = Array(candidate[shift...] + candidate[..<shift]) }
            }
        }
        return Word(best)
    }
}

extension TraceWord: Comparable {
    /// Shortlex order of the canonical words.
    public static func < (lhs: TraceWord, rhs: TraceWord) -> Bool { lhs.word < rhs.word }
}
