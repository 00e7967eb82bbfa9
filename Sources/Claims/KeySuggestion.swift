/// "Did you mean …?": the known name closest to a misspelt one.
public enum KeySuggestion {
    /// The candidate with the smallest edit distance to `name` (ignoring case), if it is close enough to be a
    /// plausible typo: at most 2 edits, or a third of the name's length for long names.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = Array(name.lowercased())
        var best: (distance: Int, candidate: String)?
        for candidate in candidates {
            let d = editDistance(lowered, Array(candidate.lowercased()))
            if best == nil || d < best!.distance { best = (d, candidate) }
        }
        guard let best, best.distance <= max(2, lowered.count / 3) else { return nil }
        return best.candidate
    }

    /// The Levenshtein distance (insertions, deletions, substitutions, adjacent transpositions).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
