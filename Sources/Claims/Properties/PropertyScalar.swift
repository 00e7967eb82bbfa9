import MultiPrecision

/// The numbers a property is checked in: `Rational` (exact runs) or `BigFloat` (rounded runs, at the task-local
/// precision). The property library is written once over this protocol.
public protocol PropertyScalar: OrderedField {
    /// The exact number `value` in this arithmetic (rounded to nearest at the current precision for `BigFloat`).
    init(propertyValue value: Rational)
    /// The value as a reported quantity.
    var quantityValue: QuantityValue { get }
    /// The nearest `Double`, for series.
    var seriesValue: Double { get }
}

extension Rational: PropertyScalar {
    /// The value itself.
    public init(propertyValue value: Rational) { self = value }
    /// `.exact`.
    public var quantityValue: QuantityValue { .exact(self) }
    /// The nearest `Double`.
    public var seriesValue: Double { Double(self) }
}

extension BigFloat: PropertyScalar {
    /// `value` rounded at the current precision.
    public init(propertyValue value: Rational) { self.init(value) }
    /// `.rounded`.
    public var quantityValue: QuantityValue { .rounded(self) }
    /// The nearest `Double`.
    public var seriesValue: Double { doubleValue }
}
