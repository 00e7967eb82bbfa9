import CMPFR
import Foundation
import MultiPrecision

/// The number types that the steppers, the integration driver and the map iterator run in: `Double` and
/// `BigFloat`.
///
/// It joins `Scalar` (comparisons, the in-place field operations, elementary functions) and `DynamicsScalar` (what a
/// vector field may use), and adds the few in-place operations that step-size control needs, so that a step
/// allocates nothing per arithmetic operation. (Added to the shared contract, additively: `DynamicsScalar`,
/// `VectorField`, `StateLayout` and `StateMatrix` are unchanged.)
public protocol IntegrationScalar: Scalar, DynamicsScalar {
    /// Replaces this value with `a / b`, rounded at this value's own precision (allocates nothing for `BigFloat`
    /// when uniquely referenced).
    mutating func formQuotient(_ a: Self, _ b: Self)
    /// Replaces this value with its magnitude (exact).
    mutating func formMagnitude()
    /// Whether this value is neither NaN nor infinite.
    var isFinite: Bool { get }
    /// This value exactly as a `BigFloat` at its own precision (53 bits for `Double`).
    var exactBigFloat: BigFloat { get }
    /// `x` correctly rounded to nearest at the current working precision (`Precision.current` for `BigFloat`).
    init(rounding x: BigFloat)
    /// The binary exponent e with 2^(e−1) ≤ |x| < 2^e (MPFR's convention), or `nil` for zero, NaN and ±∞.
    var binaryExponent: Int? { get }
    /// Replaces this value with `self · 2^n` (exact barring overflow and underflow; allocates nothing).
    mutating func multiply(byPowerOfTwo n: Int)
    /// Replaces this value with `d`, rounded at this value's precision (exact from 53 bits on; allocates nothing).
    mutating func set(_ d: Double)
}

extension Double: IntegrationScalar {
    /// `self = a / b`.
    @inlinable public mutating func formQuotient(_ a: Double, _ b: Double) { self = a / b }
    /// `self = |self|`.
    @inlinable public mutating func formMagnitude() { self = Swift.abs(self) }
    /// The exact 53-bit `BigFloat`.
    public var exactBigFloat: BigFloat { BigFloat(self, precision: 53) }
    /// The nearest `Double`.
    public init(rounding x: BigFloat) { self = x.doubleValue }
    /// `Int(exponent) + 1` for finite non-zero values.
    public var binaryExponent: Int? { isFinite && !isZero ? Int(exponent) + 1 : nil }
    /// `self = self · 2^n`.
    @inlinable public mutating func multiply(byPowerOfTwo n: Int) { self = Foundation.scalbn(self, n) }
    /// `self = d`.
    @inlinable public mutating func set(_ d: Double) { self = d }
}

extension BigFloat: IntegrationScalar {
    /// The value itself.
    public var exactBigFloat: BigFloat { self }
    /// `x` rounded to `Precision.current` bits.
    public init(rounding x: BigFloat) { self = x.rounded(toPrecision: Precision.current) }
    /// `exponent`.
    public var binaryExponent: Int? { exponent }
    /// `self ← d` (`mpfr_set_d`).
    public mutating func set(_ d: Double) {
        withUnsafeMutableMPFRPointer { _ = mpfr_set_d($0, d, MPFR_RNDN) }
    }
}
