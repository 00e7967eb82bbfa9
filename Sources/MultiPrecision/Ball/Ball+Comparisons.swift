import CArb

/// Three-valued comparisons of balls. `a.isLess(than: b)` is `.certainlyTrue` when every number of `a` is below
/// every number of `b`, `.certainlyFalse` when no number of `a` is below any number of `b`, and `.undecided`
/// otherwise. Arb's predicates (`arb_lt`, `arb_ge`, …) answer "certainly"; the two complementary ones together
/// decide the three cases.
extension Ball {
    @inlinable @inline(__always)
    internal static func _decide(
        _ a: Ball, _ b: Ball,
        _ certainly: (UnsafePointer<arb_struct>, UnsafePointer<arb_struct>) -> Int32,
        _ certainlyNot: (UnsafePointer<arb_struct>, UnsafePointer<arb_struct>) -> Int32
    ) -> Certainty {
        a.withUnsafeArbPointer { x in
            b.withUnsafeArbPointer { y in
                if certainly(x, y) != 0 { return .certainlyTrue }
                if certainlyNot(x, y) != 0 { return .certainlyFalse }
                return .undecided
            }
        }
    }

    /// Whether `self < other`.
    public func isLess(than other: Ball) -> Certainty { Ball._decide(self, other, { arb_lt($0, $1) }, { arb_ge($0, $1) }) }
    /// Whether `self ≤ other`.
    public func isLessThanOrEqual(to other: Ball) -> Certainty {
        Ball._decide(self, other, { arb_le($0, $1) }, { arb_gt($0, $1) })
    }
    /// Whether `self > other`.
    public func isGreater(than other: Ball) -> Certainty { other.isLess(than: self) }
    /// Whether `self ≥ other`.
    public func isGreaterThanOrEqual(to other: Ball) -> Certainty { other.isLessThanOrEqual(to: self) }
    /// Whether `self = other`: certainly true only when both are the same exact number.
    public func isEqual(to other: Ball) -> Certainty { Ball._decide(self, other, { arb_eq($0, $1) }, { arb_ne($0, $1) }) }

    /// Whether every number in the ball is > 0.
    public var isPositive: Certainty {
        withUnsafeArbPointer { x in
            arb_is_positive(x) != 0 ? .certainlyTrue : (arb_is_nonpositive(x) != 0 ? .certainlyFalse : .undecided)
        }
    }
    /// Whether every number in the ball is < 0.
    public var isNegative: Certainty {
        withUnsafeArbPointer { x in
            arb_is_negative(x) != 0 ? .certainlyTrue : (arb_is_nonnegative(x) != 0 ? .certainlyFalse : .undecided)
        }
    }
    /// Whether every number in the ball is ≥ 0.
    public var isNonnegative: Certainty {
        withUnsafeArbPointer { x in
            arb_is_nonnegative(x) != 0 ? .certainlyTrue : (arb_is_negative(x) != 0 ? .certainlyFalse : .undecided)
        }
    }
    /// Whether every number in the ball is ≤ 0.
    public var isNonpositive: Certainty {
        withUnsafeArbPointer { x in
            arb_is_nonpositive(x) != 0 ? .certainlyTrue : (arb_is_positive(x) != 0 ? .certainlyFalse : .undecided)
        }
    }
}
