import MultiPrecision

// The ring operations of the free *-algebra. Each result is canonical: like terms collected, zeros dropped.

extension NCPolynomial {
    /// The sum.
    public static func + (lhs: NCPolynomial, rhs: NCPolynomial) -> NCPolynomial {
        var result = lhs
        result += rhs
        return result
    }

    /// Adds `rhs` in place.
    public static func += (lhs: inout NCPolynomial, rhs: NCPolynomial) {
        for (monomial, coefficient) in rhs._terms { lhs._add(coefficient, monomial) }
    }

    /// The difference.
    public static func - (lhs: NCPolynomial, rhs: NCPolynomial) -> NCPolynomial {
        var result = lhs
        result -= rhs
        return result
    }

    /// Subtracts `rhs` in place.
    public static func -= (lhs: inout NCPolynomial, rhs: NCPolynomial) {
        for (monomial, coefficient) in rhs._terms { lhs._add(-coefficient, monomial) }
    }

    /// The negation.
    public static prefix func - (operand: NCPolynomial) -> NCPolynomial {
        NCPolynomial(_canonical: operand._terms.mapValues { -$0 })
    }

    /// The product: terms multiply pairwise (coefficients multiply, scalars multiply, words concatenate in order).
    ///
    /// - Complexity: O(m·n) term products for m and n terms.
    public static func * (lhs: NCPolynomial, rhs: NCPolynomial) -> NCPolynomial {
        var result = NCPolynomial()
        result._terms.reserveCapacity(lhs._terms.count * rhs._terms.count)
        for (a, x) in lhs._terms {
            for (b, y) in rhs._terms { result._add(x * y, a * b) }
        }
        return result
    }

    /// Multiplies by `rhs` in place.
    public static func *= (lhs: inout NCPolynomial, rhs: NCPolynomial) { lhs = lhs * rhs }

    /// The scalar multiple `c·P`.
    public static func * (scalar: Rational, polynomial: NCPolynomial) -> NCPolynomial {
        if scalar.isZero { return NCPolynomial() }
        return NCPolynomial(_canonical: polynomial._terms.mapValues { scalar * $0 })
    }

    /// The scalar multiple `P·c`.
    public static func * (polynomial: NCPolynomial, scalar: Rational) -> NCPolynomial { scalar * polynomial }

    /// The power Pⁿ (P⁰ = I). Precondition: `n ≥ 0`.
    public func power(_ n: Int) -> NCPolynomial {
        precondition(n >= 0, "NCPolynomial.power: negative exponent \(n)")
        var result = NCPolynomial.one
        for _ in 0..<n { result = result * self }
        return result
    }

    /// Adds `coefficient·monomial`, keeping the form canonical.
    internal mutating func _add(_ coefficient: Rational, _ monomial: Monomial) {
        if coefficient.isZero { return }
        if let index = _terms.index(forKey: monomial) {
            _terms.values[index] += coefficient
            if _terms.values[index].isZero { _terms.remove(at: index) }
        } else {
            _terms[monomial] = coefficient
        }
    }
}
