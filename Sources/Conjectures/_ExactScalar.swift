import Dynamics
import MultiPrecision

/// A `Rational` seen as a `DynamicsScalar`, so that the one generic evaluator also runs exactly. Only the rational
/// operations are ever called: a program is checked to be rational (``BoundConjecture/firstNonRationalOperation``)
/// before it runs in this type, and the evaluator checks divisors for zero before dividing.
struct _ExactScalar: DynamicsScalar, Sendable {
    var value: Rational

    init(value: Rational) { self.value = value }
    init(_ value: Rational) { self.value = value }
    init(_ n: Int) { value = Rational(n) }

    static func + (a: _ExactScalar, b: _ExactScalar) -> _ExactScalar { _ExactScalar(value: a.value + b.value) }
    static func - (a: _ExactScalar, b: _ExactScalar) -> _ExactScalar { _ExactScalar(value: a.value - b.value) }
    static func * (a: _ExactScalar, b: _ExactScalar) -> _ExactScalar { _ExactScalar(value: a.value * b.value) }
    /// a / b; the evaluator never divides by zero (it reports a run-time error first); 0 is returned defensively.
    static func / (a: _ExactScalar, b: _ExactScalar) -> _ExactScalar {
        b.value.isZero ? _ExactScalar(0) : _ExactScalar(value: a.value / b.value)
    }
    static prefix func - (a: _ExactScalar) -> _ExactScalar { _ExactScalar(value: -a.value) }
    /// Not rational: never called on a checked program (returns the argument).
    static func exp(_ x: _ExactScalar) -> _ExactScalar { x }
    /// Not rational: never called on a checked program (returns the argument).
    static func log(_ x: _ExactScalar) -> _ExactScalar { x }
    /// Not rational: never called on a checked program (returns the argument).
    static func sqrt(_ x: _ExactScalar) -> _ExactScalar { x }
    /// xⁿ (x ≠ 0 for n < 0, which the evaluator checks).
    static func pow(_ x: _ExactScalar, _ n: Int) -> _ExactScalar {
        if n >= 0 { return _ExactScalar(value: x.value.power(n)) }
        return x.value.isZero ? _ExactScalar(0) : _ExactScalar(value: Rational(1) / x.value.power(-n))
    }
    /// Integer exponents only on a checked program.
    static func pow(_ x: _ExactScalar, rational exponent: Rational) -> _ExactScalar {
        if exponent.isInteger, let n = Int(exponent.description) { return pow(x, n) }
        return x
    }
}

/// The sign of a value where the arithmetic can tell it (BigFloat, Double, exact); `nil` in the Taylor tracer and
/// for NaN.
@inline(__always)
func _sign<T>(_ x: T) -> Int? {
    if let b = x as? BigFloat { return b.isNaN ? nil : b.signum }
    if let d = x as? Double { return d.isNaN ? nil : (d > 0 ? 1 : (d < 0 ? -1 : 0)) }
    if let r = x as? _ExactScalar { return r.value.signum() }
    return nil
}

/// Whether a value is finite (`true` where that cannot be told).
@inline(__always)
func _isFinite<T>(_ x: T) -> Bool {
    if let b = x as? BigFloat { return b.isFinite }
    if let d = x as? Double { return d.isFinite }
    return true
}

/// a − b's sign, where the arithmetic can tell it.
@inline(__always)
func _compare<T: DynamicsScalar>(_ a: T, _ b: T) -> Int? { _sign(a - b) }
