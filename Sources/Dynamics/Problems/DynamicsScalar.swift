import MultiPrecision
import RealModule

/// The arithmetic a vector field or a map may use, so that one generic implementation runs in `Double`, in
/// `BigFloat` at any precision, and in the Taylor method's tracer (which records the operations into a tape).
///
/// It is deliberately smaller than `Scalar`: no comparisons (a traced field cannot branch on values) and only the
/// functions whose Taylor recurrences the Taylor method implements: `+ − × ÷`, `exp`, `log`, `sqrt` and powers.
/// Constants enter through `init(_: Rational)` and `init(_: Int)`, so no `Double` literal ever leaks into a
/// high-precision computation.
public protocol DynamicsScalar {
    /// The constant `value`, correctly rounded at the working precision.
    init(_ value: Rational)
    /// The constant `n` (exact at any precision of 64 bits or more).
    init(_ n: Int)

    /// The sum.
    static func + (a: Self, b: Self) -> Self
    /// The difference.
    static func - (a: Self, b: Self) -> Self
    /// The product.
    static func * (a: Self, b: Self) -> Self
    /// The quotient.
    static func / (a: Self, b: Self) -> Self
    /// The negation.
    static prefix func - (a: Self) -> Self

    /// eˣ.
    static func exp(_ x: Self) -> Self
    /// The natural logarithm.
    static func log(_ x: Self) -> Self
    /// The square root.
    static func sqrt(_ x: Self) -> Self
    /// xⁿ for an integer n.
    static func pow(_ x: Self, _ n: Int) -> Self
    /// x^α for a constant rational α (x > 0 where α is not an integer).
    static func pow(_ x: Self, rational exponent: Rational) -> Self
}

extension Double: DynamicsScalar {
    /// x^α with α rounded to `Double`.
    public static func pow(_ x: Double, rational exponent: Rational) -> Double {
        Double.pow(x, Double(exponent))
    }
}

extension BigFloat: DynamicsScalar {
    /// x^α with α correctly rounded at `x`'s precision, through `mpfr_powr` (so x must be positive unless α is an
    /// integer, which goes through the integer power).
    public static func pow(_ x: BigFloat, rational exponent: Rational) -> BigFloat {
        if exponent.isInteger, let n = Int(exactly: exponent.numerator) { return BigFloat.pow(x, n) }
        return BigFloat.pow(x, BigFloat(exponent, precision: x.precision))
    }
}
