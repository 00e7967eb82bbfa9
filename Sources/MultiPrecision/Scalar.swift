import RealModule

/// A totally ordered field: `Rational` (exact), `Double` and `BigFloat` (rounded).
///
/// Generic linear algebra that needs only the field operations and comparisons (LU with pivoting,
/// products, exact elimination) constrains on this protocol.
public protocol OrderedField: AlgebraicField, Comparable, Sendable, CustomStringConvertible where Magnitude == Self {
    /// Whether the arithmetic is exact (no rounding): `true` for `Rational`, `false` for `Double` and `BigFloat`.
    static var isExact: Bool { get }

    /// Replaces this value with `a + b`. For `BigFloat` the result is rounded to this value's own precision and,
    /// when this value is uniquely referenced, nothing is allocated.
    mutating func formSum(_ a: Self, _ b: Self)
    /// Replaces this value with `a − b` (precision as for `formSum`).
    mutating func formDifference(_ a: Self, _ b: Self)
    /// Replaces this value with `a · b` (precision as for `formSum`).
    mutating func formProduct(_ a: Self, _ b: Self)
    /// Adds `a · b` to this value with one rounding (fused multiply-add for `Double` and `BigFloat`).
    mutating func addProduct(_ a: Self, _ b: Self)
    /// Subtracts `a · b` from this value with one rounding.
    mutating func subtractProduct(_ a: Self, _ b: Self)
    /// Replaces this value with `a`, rounded to this value's own precision (`BigFloat`); plain assignment otherwise.
    mutating func set(_ a: Self)
}

extension OrderedField {
    /// Default: `self = a + b`.
    @inlinable public mutating func formSum(_ a: Self, _ b: Self) { self = a + b }
    /// Default: `self = a - b`.
    @inlinable public mutating func formDifference(_ a: Self, _ b: Self) { self = a - b }
    /// Default: `self = a * b`.
    @inlinable public mutating func formProduct(_ a: Self, _ b: Self) { self = a * b }
    /// Default: `self += a * b` (exact for exact fields; `Double` and `BigFloat` override it with a fused form).
    @inlinable public mutating func addProduct(_ a: Self, _ b: Self) { self += a * b }
    /// Default: `self -= a * b`.
    @inlinable public mutating func subtractProduct(_ a: Self, _ b: Self) { self -= a * b }
    /// Default: `self = a`.
    @inlinable public mutating func set(_ a: Self) { self = a }
}

/// The scalar that Attest's numerical code is generic over: a rounded real field with the elementary functions.
///
/// `Double` and `BigFloat` conform. Code written once against `Scalar` runs in `Double` for quick sweeps and in
/// `BigFloat` at any precision; for `BigFloat`, new values (literals, `init(exactly:)`, the constants below) get
/// the task-local default precision, which `withPrecision(_:_:)` sets.
public protocol Scalar: OrderedField, RealFunctions {
    /// The precision in bits at which new values are made: 53 for `Double`, the default precision for `BigFloat`.
    static var currentPrecision: Int { get }
    /// The unit roundoff `u = 2^-p` at `currentPrecision` (half an ulp of 1): `2^-53` for `Double`.
    static var unitRoundoff: Self { get }
    /// The rational `value`, correctly rounded to nearest at `currentPrecision`.
    init(_ value: Rational)
    /// The nearest `Double` to this value (correctly rounded).
    var doubleValue: Double { get }
    /// This value's own precision in bits (53 for `Double`).
    var precisionBits: Int { get }
}

extension Double: OrderedField {
    /// `false`: `Double` arithmetic rounds.
    public static var isExact: Bool { false }
    // `addProduct(_:_:)` is the standard library's fused multiply-add.
    /// Subtracts `a · b` with one rounding (fused).
    @inlinable public mutating func subtractProduct(_ a: Double, _ b: Double) { addProduct(-a, b) }
}

extension Double: Scalar {
    /// 53 bits.
    public static var currentPrecision: Int { 53 }
    /// `2^-53`.
    public static var unitRoundoff: Double { Double.ulpOfOne / 2 }
    /// The value itself.
    public var doubleValue: Double { self }
    /// 53 bits.
    public var precisionBits: Int { 53 }
}
