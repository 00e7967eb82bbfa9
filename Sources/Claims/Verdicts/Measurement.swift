/// A quantity as reported: its value and its error estimate as decimal strings with all their digits.
public struct Measurement: Codable, Sendable, Equatable {
    /// The quantity's name.
    public var name: String
    /// The value in decimal (at the instance's working precision; exact when `exact` is set).
    public var value: String
    /// The error estimate: |value at p − value at p + guard bits|, at least one unit roundoff of the value;
    /// `"0"` for exact quantities.
    public var error: String
    /// For an exact quantity, the exact value as a fraction or integer (`"1/3"`); absent otherwise.
    public var exact: String?
    /// Why the error estimate is unreliable, when the cross-check at a third precision failed
    /// (`EstimateCrossCheck`); absent otherwise.
    public var unreliable: String?

    /// Creates a measurement.
    public init(name: String, value: String, error: String, exact: String? = nil) {
        self.name = name
        self.value = value
        self.error = error
        self.exact = exact
    }
}
