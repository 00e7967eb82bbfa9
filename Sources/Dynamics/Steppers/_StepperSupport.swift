import MultiPrecision

/// Scratch numbers for the error norm, made once at the working precision so that norms allocate nothing.
struct _NormScratch<S: IntegrationScalar> {
    var a = S(0), b = S(0), scale = S(0), q = S(0), ratio = S(0), worstRatio = S(0), worstAbsolute = S(0)
    /// 0 at the working precision, for resets without making a number.
    let zero = S(0)

    /// The error ratio maxᵢ |eᵢ| / (atol + rtol · max(|xᵢ|, |x̂ᵢ|)) as a `Double` (∞ for non-finite values), and
    /// the absolute max norm of e.
    mutating func errorRatio(error e: [S], x: [S], xNew: [S], atol: S, rtol: S) -> (ratio: Double, norm: S) {
        worstRatio.set(zero)
        worstAbsolute.set(zero)
        for i in e.indices {
            q.set(e[i])
            guard q.isFinite, xNew[i].isFinite else { return (.infinity, worstAbsolute) }
            q.formMagnitude()
            a.set(x[i]); a.formMagnitude()
            b.set(xNew[i]); b.formMagnitude()
            if b > a { a.set(b) }
            scale.set(atol)
            scale.addProduct(rtol, a)
            ratio.formQuotient(q, scale)
            if ratio > worstRatio { worstRatio.set(ratio) }
            if q > worstAbsolute { worstAbsolute.set(q) }
        }
        return (worstRatio.doubleValue, worstAbsolute)
    }

    /// The max norm of `x`, written into `worstAbsolute` (and returned as a copy).
    mutating func maxNorm(_ x: [S]) -> S {
        worstAbsolute.set(zero)
        for v in x {
            q.set(v); q.formMagnitude()
            if !(q <= worstAbsolute) { worstAbsolute.set(q) }
        }
        return worstAbsolute
    }
}

/// `n` fresh numbers at the working precision (distinct storage, so in-place writes never copy).
func _zeros<S: IntegrationScalar>(_ n: Int) -> [S] { (0..<n).map { _ in S(0) } }

/// The default smallest step: 16 units of roundoff at p bits relative to the scale of t, raised to `minimumStep`.
func _minimumStep<S: IntegrationScalar>(precision: Int, t0: S, t1: S, minimumStep: S?) -> S {
    let scale = Swift.max(t0.magnitude, t1.magnitude)
    var h = S(Rational(numerator: 16, denominator: BigInt(1) << precision)) * scale
    if let minimumStep, minimumStep > h { h = minimumStep }
    return h
}

/// The initial step of an adaptive run (Hairer, Nørsett and Wanner, Solving ODEs I, §II.4, in the max norm):
/// h₀ = 0.01‖x₀‖/‖f₀‖, one Euler step to estimate ‖f′‖, then h₁ = (0.01 / max(‖f₀‖, ‖f′‖))^(1/(q+1)) in
/// tolerance-scaled norms; the result is min(100 h₀, h₁), within the horizon and `maximumStep`.
func _initialStep<S: IntegrationScalar, R: RightHandSide>(
    rhs: inout R, t: S, x: [S], f0: [S], order: Int, atol: S, rtol: S, remaining: S, maximumStep: S?,
    evaluations: inout Int
) -> S where R.Scalar == S {
    func scaledNorm(_ v: [S], _ x: [S]) -> S {
        var worst = S(0)
        for i in v.indices {
            let r = v[i].magnitude / (atol + rtol * x[i].magnitude)
            if r > worst { worst = r }
        }
        return worst
    }
    let small = S(Rational(numerator: 1, denominator: 100_000))
    let d0 = scaledNorm(x, x), d1 = scaledNorm(f0, x)
    var h0 = (d0 < small || d1 < small) ? S(Rational(numerator: 1, denominator: 1_000_000))
        : S(Rational(numerator: 1, denominator: 100)) * d0 / d1
    if h0 > remaining { h0 = remaining }
    let x1 = x.indices.map { x[$0] + h0 * f0[$0] }
    var f1 = _zeros(x.count) as [S]
    rhs.evaluate(time: t + h0, state: x1, into: &f1)
    evaluations += 1
    let d2 = scaledNorm(x.indices.map { f1[$0] - f0[$0] }, x) / h0
    let m = Swift.max(d1, d2)
    var h1: S
    if m <= S(Rational(numerator: 1, denominator: 1_000_000_000_000_000)) {
        h1 = Swift.max(S(Rational(numerator: 1, denominator: 1_000_000)), h0 / S(1000))
    } else {
        h1 = S.root(S(Rational(numerator: 1, denominator: 100)) / m, order + 1)
    }
    var h = Swift.min(S(100) * h0, h1)
    if let maximumStep, h > maximumStep { h = maximumStep }
    if h > remaining { h = remaining }
    if !(h > S(0)) || !h.isFinite { h = remaining }
    return h
}

/// The next step end: `limit` itself when it is within 1/8 of a step (so no sliver of a step is left over).
/// The step returned is `end − t`, the difference of the two representable times, so that the time the state has
/// been advanced by is exactly the time that passed (t + h itself is rounded).
func _landing<S: IntegrationScalar>(from t: S, step h: S, limit: S) -> (step: S, end: S, lands: Bool) {
    let remaining = limit - t
    if remaining <= h + h / S(8) { return (remaining, limit, true) }
    let end = t + h
    return (end - t, end, false)
}
