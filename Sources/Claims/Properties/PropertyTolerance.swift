import MultiPrecision

/// The slack a property allows.
///
/// One rule for every property that compares two quantities for equality (`invariant`, `equal`, a `law`): in exact
/// arithmetic the default is 0; in rounded arithmetic at p bits it is relative, 2^(−p/2)·(1 + s), where s is the
/// largest magnitude of the compared quantity at the first sample. Half the digits are thus allowed to the
/// accumulated rounding and truncation of a long run, and a true deviation larger than that is a violation. p is
/// the claim's declared precision, not the escalated one, so that the two precisions of an error estimate compare
/// the same margin. Order properties (`monotone`, `bound`, `trend`) default to 0.
public enum PropertyTolerance: Sendable, Equatable {
    /// A stated tolerance, exact, ≥ 0.
    case absolute(Rational)
    /// The default relative rule at the claim's precision p: 2^(−p/2)·(1 + s) (0 in exact arithmetic).
    case relative(precision: Int)

    /// The tolerance in `Scalar` for a quantity of largest initial magnitude `scale`.
    public func resolved<Scalar: PropertyScalar>(scale: Scalar) -> Scalar {
        switch self {
        case let .absolute(r):
            return Scalar(propertyValue: r)
        case let .relative(precision):
            if Scalar.isExact { return Scalar(propertyValue: 0) }
            let unit = Scalar(propertyValue: Rational(numerator: 1, denominator: BigInt(1) << max(1, precision / 2)))
            return unit * (Scalar(propertyValue: 1) + scale)
        }
    }

    /// `1/1000000` or `2^(−128)·(1 + max|e(0)|)`.
    public var description: String {
        switch self {
        case let .absolute(r): return ExactDecimal.text(r) ?? r.description
        case let .relative(precision): return "2^(−\(max(1, precision / 2)))·(1 + scale)"
        }
    }
}
