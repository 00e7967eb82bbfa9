/// Precision management for `BigFloat`: the task-local default and the supported range.
///
/// The default precision applies to *newly made* values: literals, `BigFloat(3)`, conversions from `Double`,
/// `Rational` and strings without an explicit precision, and the constants. It is 256 bits unless
/// `withPrecision(_:_:)` sets another value for the current task and its children. Existing values keep their
/// own precision; see `BigFloat` for the rule that fixes the precision of a result.
public enum Precision {
    /// The default precision in bits when nothing is set: 256.
    public static let standard = 256

    /// The precisions, in bits, that Attest accepts from user input: 2 ... 16,777,216 (2^24 bits, about
    /// 5 million decimal digits). MPFR itself allows more, but such values are almost always typos, and one
    /// operation at 10^9 bits would exhaust memory.
    public static let supportedRange: ClosedRange<Int> = 2...(1 << 24)

    @TaskLocal static var _current: Int = standard

    /// The default precision in bits for newly made values in the current task.
    public static var current: Int { _current }

    /// Checks a precision that comes from user input.
    ///
    /// - Throws: `MultiPrecisionError.precisionOutOfRange` when `bits` is outside `supportedRange`.
    /// - Returns: `bits`, unchanged.
    @discardableResult
    public static func validated(_ bits: Int) throws -> Int {
        guard supportedRange.contains(bits) else {
            throw MultiPrecisionError.precisionOutOfRange(bits, allowed: supportedRange)
        }
        return bits
    }

    /// Converts a number of decimal digits to the number of bits that holds them: ⌈digits · log₂ 10⌉.
    public static func bits(forDecimalDigits digits: Int) -> Int {
        Int((Double(digits) * 3.321928094887362).rounded(.up))
    }
}

/// Runs `body` with `bits` as the default precision for newly made `BigFloat` values, then restores the
/// previous default (also when `body` throws). Scoped to the current task and the tasks it creates.
///
/// ```swift
/// let third = withPrecision(512) { BigFloat(1) / 3 }   // third.precision == 512
/// ```
/// - Precondition: `bits` is in `Precision.supportedRange` (check user input with `Precision.validated(_:)`).
public func withPrecision<Result>(_ bits: Int, _ body: () throws -> Result) rethrows -> Result {
    precondition(Precision.supportedRange.contains(bits),
                 "withPrecision: \(bits) bits is outside \(Precision.supportedRange)")
    return try Precision.$_current.withValue(bits, operation: body)
}

/// The `async` form of `withPrecision(_:_:)`.
public func withPrecision<Result>(
    _ bits: Int, isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> Result
) async rethrows -> Result {
    precondition(Precision.supportedRange.contains(bits),
                 "withPrecision: \(bits) bits is outside \(Precision.supportedRange)")
    return try await Precision.$_current.withValue(bits, operation: body, isolation: isolation)
}
