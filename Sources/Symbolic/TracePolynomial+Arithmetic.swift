import MultiPrecision

// Trace polynomials form a commutative ring; these operations keep the form canonical.

extension TracePolynomial {
    /// The sum.
    public static func + (lhs: TracePolynomial, rhs: TracePolynomial) -> TracePolynomial {
        var result = lhs
        result += rhs
        return result
    }

    /// Adds `rhs` in place.
    public static func += (lhs: inout TracePolynomial, rhs: TracePolynomial) {
        for (m, c) in rhs._terms { lhs._add(c, m) }
    }

    /// The difference.
    public static func - (lhs: TracePolynomial, rhs: TracePolynomial) -> TracePolynomial {
        var result = lhs
        result -= rhs
        return result
    }

    /// Subtracts `rhs` in place.
    public static func -= (lhs: inout TracePolynomial, rhs: TracePolynomial) {
        for (m, c) in rhs._terms { lhs._add(-c, m) }
    }

    /// The negation.
    public static prefix func - (operand: TracePolynomial) -> TracePolynomial {
        TracePolynomial(_canonical: operand._terms.mapValues { -$0 })
    }

    /// The product (commutative).
    public static func * (lhs: TracePolynomial, rhs: TracePolynomial) -> TracePolynomial {
        var result = TracePolynomial()
        for (a, x) in lhs._terms {
            for (b, y) in rhs._terms { result._add(x * y, a * b) }
        }
        return result
    }

    /// The scalar multiple `c·p`.
    public static func * (scalar: Rational, polynomial: TracePolynomial) -> TracePolynomial {
        if scalar.isZero { return TracePolynomial() }
        return TracePolynomial(_canonical: polynomial._terms.mapValues { scalar * $0 })
    }

    /// The power pⁿ (p⁰ = 1). Precondition: `n ≥ 0`.
    public func power(_ n: Int) -> TracePolynomial {
        precondition(n >= 0, "TracePolynomial.power: negative exponent \(n)")
        var result = TracePolynomial(1)
        for _ in 0..<n { result = result * self }
        return result
    }
}
