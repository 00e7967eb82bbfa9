import MultiPrecision

/// The Taylor method's tracer: a `DynamicsScalar` whose arithmetic records tape nodes instead of computing.
///
/// A value is either an exact rational constant (folded at trace time, so `Rational` arithmetic on constants
/// never reaches the tape) or a tape node. Running a generic vector field once on tracers yields its tape; the
/// Taylor recurrences then run over the tape at any precision. Operations on nodes need a trace in progress
/// (`TaylorTapeRecorder.current`), which `TaylorTape.trace` provides.
struct TaylorTracer: DynamicsScalar {
    enum Value {
        case constant(Rational)
        case node(Int)
    }

    let value: Value

    init(node: Int) { value = .node(node) }
    init(constant: Rational) { value = .constant(constant) }

    /// The constant `value` (exact).
    init(_ value: Rational) { self.value = .constant(value) }
    /// The constant `n` (exact).
    init(_ n: Int) { value = .constant(Rational(n)) }

    private static var recorder: TaylorTapeRecorder {
        guard let recorder = TaylorTapeRecorder.current else {
            preconditionFailure("TaylorTracer: arithmetic on tape nodes outside TaylorTape.trace")
        }
        return recorder
    }

    private static func record(_ operation: TaylorOperation) -> TaylorTracer {
        TaylorTracer(node: recorder.record(operation))
    }

    private static func node(_ x: TaylorTracer) -> Int { recorder.node(for: x) }

    /// The sum (constants folded; `x + c` becomes a shift).
    static func + (a: TaylorTracer, b: TaylorTracer) -> TaylorTracer {
        switch (a.value, b.value) {
        case (.constant(let x), .constant(let y)): TaylorTracer(constant: x + y)
        case (.node, .constant(let c)): c.isZero ? a : record(.shift(node(a), c))
        case (.constant(let c), .node): c.isZero ? b : record(.shift(node(b), c))
        case (.node(let x), .node(let y)): record(.add(x, y))
        }
    }

    /// The difference.
    static func - (a: TaylorTracer, b: TaylorTracer) -> TaylorTracer {
        switch (a.value, b.value) {
        case (.constant(let x), .constant(let y)): TaylorTracer(constant: x - y)
        case (.node, .constant(let c)): c.isZero ? a : record(.shift(node(a), -c))
        case (.constant(let c), .node(let y)): c.isZero ? -b : record(.shift(recorder.record(.negate(y)), c))
        case (.node(let x), .node(let y)): x == y ? TaylorTracer(constant: Rational(0)) : record(.subtract(x, y))
        }
    }

    /// The product (constants folded; `c · x` becomes a scale).
    static func * (a: TaylorTracer, b: TaylorTracer) -> TaylorTracer {
        switch (a.value, b.value) {
        case (.constant(let x), .constant(let y)): TaylorTracer(constant: x * y)
        case (.node, .constant(let c)): scaled(a, by: c)
        case (.constant(let c), .node): scaled(b, by: c)
        case (.node(let x), .node(let y)): record(.multiply(x, y))
        }
    }

    /// The quotient (division by a constant becomes a scale by its reciprocal).
    static func / (a: TaylorTracer, b: TaylorTracer) -> TaylorTracer {
        switch (a.value, b.value) {
        case (.constant(let x), .constant(let y)):
            precondition(!y.isZero, "TaylorTracer: division by the constant zero")
            return TaylorTracer(constant: x / y)
        case (.node, .constant(let c)):
            precondition(!c.isZero, "TaylorTracer: division by the constant zero")
            return scaled(a, by: Rational(1) / c)
        case (.constant(let c), .node(let y)):
            return c.isZero ? a : record(.divide(recorder.record(.constant(c)), y))
        case (.node(let x), .node(let y)):
            return x == y ? TaylorTracer(constant: Rational(1)) : record(.divide(x, y))
        }
    }

    /// The negation.
    static prefix func - (a: TaylorTracer) -> TaylorTracer {
        switch a.value {
        case .constant(let c): TaylorTracer(constant: -c)
        case .node(let x):
            if case .negate(let y) = recorder.nodes[x] { TaylorTracer(node: y) } else { record(.negate(x)) }
        }
    }

    private static func scaled(_ a: TaylorTracer, by c: Rational) -> TaylorTracer {
        guard case .node(let x) = a.value else { return a * TaylorTracer(constant: c) }
        if c.isZero { return TaylorTracer(constant: Rational(0)) }
        if c == Rational(1) { return a }
        if c == Rational(-1) { return -a }
        if case .scale(let y, let d) = recorder.nodes[x] { return scaled(TaylorTracer(node: y), by: c * d) }
        return record(.scale(x, c))
    }

    /// eˣ (e⁰ = 1 folded; other constants become a node computed once per precision).
    static func exp(_ x: TaylorTracer) -> TaylorTracer {
        if case .constant(let c) = x.value, c.isZero { return TaylorTracer(constant: Rational(1)) }
        return record(.exp(node(x)))
    }

    /// ln x (ln 1 = 0 folded).
    static func log(_ x: TaylorTracer) -> TaylorTracer {
        if case .constant(let c) = x.value, c == Rational(1) { return TaylorTracer(constant: Rational(0)) }
        return record(.log(node(x)))
    }

    /// √x (√0 = 0 and √1 = 1 folded).
    static func sqrt(_ x: TaylorTracer) -> TaylorTracer {
        if case .constant(let c) = x.value, c.isZero || c == Rational(1) { return x }
        return record(.sqrt(node(x)))
    }

    /// xⁿ, expanded into squarings and products (so x₀ = 0 is fine), and a reciprocal for n < 0.
    static func pow(_ x: TaylorTracer, _ n: Int) -> TaylorTracer {
        if case .constant(let c) = x.value {
            if n >= 0 { return TaylorTracer(constant: c.power(n)) }
            precondition(!c.isZero, "TaylorTracer: zero to a negative power")
            return TaylorTracer(constant: (Rational(1) / c).power(-n))
        }
        if n == 0 { return TaylorTracer(constant: Rational(1)) }
        if n < 0 { return TaylorTracer(constant: Rational(1)) / pow(x, -n) }
        var result: TaylorTracer? = nil
        var base = x, e = n
        while e > 0 {
            if e & 1 == 1 { result = result.map { $0 * base } ?? base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result!
    }

    /// x^α: an integer α goes through `pow(_:_:)`; otherwise a power node (x₀ > 0 required at run time).
    static func pow(_ x: TaylorTracer, rational exponent: Rational) -> TaylorTracer {
        if exponent.isInteger, let n = Int(exactly: exponent.numerator) { return pow(x, n) }
        if exponent == Rational(numerator: 1, denominator: 2) { return sqrt(x) }
        return record(.power(node(x), exponent))
    }
}
