extension Rational: Codable {
    /// Encodes the rational as its canonical text `"p/q"` (or `"p"`) in a single-value container.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes a rational from a string in any form that `init(parsing:)` accepts (`"3/4"`, `"-0.125"`, `"1e-30"`).
    ///
    /// - Throws: `DecodingError.dataCorrupted` if the string is not a rational number (its debug description quotes
    ///   the text and the position of the problem), or the container's own errors.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Rational(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath, debugDescription: "Rational: \(error)", underlyingError: error))
        }
    }
}
