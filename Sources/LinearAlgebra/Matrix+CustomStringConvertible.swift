extension Matrix: CustomStringConvertible {
    /// The rows, one per line, each in brackets: `"[1.0, 2.0]\n[3.0, 4.0]"`. The empty matrix prints as `"[]"`.
    public var description: String {
        if rowCount == 0 { return "[]" }
        return (0..<rowCount).map { i in
            "[" + row(i).map { $0.description }.joined(separator: ", ") + "]"
        }.joined(separator: "\n")
    }
}
