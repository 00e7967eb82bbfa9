import CArb

/// Enclosures of the elementary functions (Arb's rigorous implementations), at the argument's precision.
/// Outside a function's domain (log or √ of a ball reaching below zero) the result is Arb's indeterminate ball:
/// not finite, and every comparison on it is `.undecided`.
extension Ball {
    /// An enclosure of √x.
    public static func sqrt(_ x: Ball) -> Ball { _unary(x) { arb_sqrt($0, $1, $2) } }
    /// An enclosure of eˣ.
    public static func exp(_ x: Ball) -> Ball { _unary(x) { arb_exp($0, $1, $2) } }
    /// An enclosure of log x.
    public static func log(_ x: Ball) -> Ball { _unary(x) { arb_log($0, $1, $2) } }
    /// An enclosure of eˣ − 1 (accurate for small x).
    public static func expMinusOne(_ x: Ball) -> Ball { _unary(x) { arb_expm1($0, $1, $2) } }
    /// An enclosure of log(1 + x) (accurate for small x).
    public static func log(onePlus x: Ball) -> Ball { _unary(x) { arb_log1p($0, $1, $2) } }
    /// An enclosure of tanh x.
    public static func tanh(_ x: Ball) -> Ball { _unary(x) { arb_tanh($0, $1, $2) } }
    /// An enclosure of x² (non-negative, tighter than x·x).
    public static func square(_ x: Ball) -> Ball { _unary(x) { arb_sqr($0, $1, $2) } }
    /// The ball of |y| for y in x.
    public static func abs(_ x: Ball) -> Ball { _unary(x) { arb_abs($0, $1); _ = $2 } }
    /// An enclosure of xⁿ for an integer n (negative n divides).
    public static func pow(_ x: Ball, _ n: Int) -> Ball {
        if n >= 0 { return _unary(x) { arb_pow_ui($0, $1, UInt(n), $2) } }
        return _unary(x) { y, b, bits in
            arb_pow_ui(y, b, n == Int.min ? UInt(bitPattern: n) : UInt(-n), bits)
            arb_inv(y, y, bits)
        }
    }
    /// An enclosure of x^α for a rational α (x must be positive where α is not an integer).
    public static func pow(_ x: Ball, rational exponent: Rational) -> Ball {
        if exponent.isInteger, let n = Int(exactly: exponent.numerator) { return pow(x, n) }
        return _unary(x) { y, b, bits in exponent.withUnsafeMPQPointer { carb_pow_mpq(y, b, $0, bits) } }
    }
    /// An enclosure of π at `precision` bits (default `Precision.current`).
    public static func pi(precision: Int? = nil) -> Ball {
        let bits = precision ?? Precision.current
        return _make(precision: bits) { arb_const_pi($0, bits) }
    }
    /// A ball containing every number of `a` and of `b` (their convex hull).
    public static func union(_ a: Ball, _ b: Ball) -> Ball { _binary(a, b) { arb_union($0, $1, $2, $3) } }
}
