/// The key of a term of a ``TracePolynomial``: a scalar monomial times a product of traces, η·tr(W₁ᵀW₁)·tr(E).
///
/// Traces are scalars, so they commute: the factors are kept sorted.
public struct TraceMonomial: Hashable, Sendable {
    /// The scalar-symbol part.
    public var scalars: ScalarMonomial
    /// The trace factors, sorted, with repetition.
    public private(set) var traces: [TraceWord]

    /// The monomial `scalars·∏ traces`.
    public init(scalars: ScalarMonomial = .one, traces: [TraceWord] = []) {
        self.scalars = scalars
        self.traces = traces.sorted()
    }

    /// The monomial 1.
    public static let one = TraceMonomial()

    /// The product.
    public static func * (lhs: TraceMonomial, rhs: TraceMonomial) -> TraceMonomial {
        TraceMonomial(scalars: lhs.scalars * rhs.scalars, traces: lhs.traces + rhs.traces)
    }
}

extension TraceMonomial: Comparable {
    /// The order in which terms print: by scalar monomial, then fewer traces first, then descending traces.
    public static func < (lhs: TraceMonomial, rhs: TraceMonomial) -> Bool {
        if lhs.scalars != rhs.scalars { return lhs.scalars < rhs.scalars }
        if lhs.traces.count != rhs.traces.count { return lhs.traces.count < rhs.traces.count }
        for (a, b) in zip(lhs.traces, rhs.traces) where a != b { return b < a }
        return false
    }
}
