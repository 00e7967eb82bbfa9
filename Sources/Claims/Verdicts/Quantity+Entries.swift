extension Quantity {
    /// One quantity per entry of a vector, named by `prefix`, the 1-based index and `suffix`: `x_1`, `x*_2 (exact)`.
    static func entries<Value>(_ prefix: String, _ values: [Value], suffix: String = "",
                               _ value: (Value) -> QuantityValue) -> [Quantity] {
        values.enumerated().map { Quantity("\(prefix)\($0.offset + 1)\(suffix)", value($0.element)) }
    }
}
