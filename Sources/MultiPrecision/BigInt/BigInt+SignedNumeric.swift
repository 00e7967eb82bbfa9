import CGMP

extension BigInt: ExpressibleByIntegerLiteral {
    /// An integer from an integer literal such as `42` or `-7`.
    ///
    /// Literals are limited to the range of `Int`; write larger constants as strings (`BigInt("1" + …)!`) or with
    /// arithmetic (`BigInt(10).power(30)`).
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension BigInt: SignedNumeric {
    /// The integer equal to `source`; never `nil`, because every `BinaryInteger` value is an integer.
    ///
    /// This is the `Numeric` requirement; `init(_:)` does the same without the optional.
    public init?<T: BinaryInteger>(exactly source: T) {
        self.init(source)
    }
}
