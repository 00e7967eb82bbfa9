extension BigInt: Codable {
    /// Encodes the integer as its decimal string (`"-12345678901234567890"`) in a single-value container, so
    /// values of any size survive JSON and other formats whose numbers are limited to `Double` or `Int64`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes an integer written as a decimal string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` if the string is not a decimal integer; its debug description
    ///   quotes the text and says where it goes wrong. Also the container's own errors (for example when the
    ///   value is not a string).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try BigInt(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath, debugDescription: "BigInt: \(error)", underlyingError: error))
        }
    }
}
