import Dynamics
import LinearAlgebra
import MultiPrecision

/// Gradient flow Ẇ_k = −∂L/∂W_k of a bias-free classifier network with scalar output and the exponential loss
/// L = Σ_n exp(−y_n f(x_n)), as a `VectorField` (the state is W_1, …, W_K row by row): either the deep linear
/// classifier f = W_K ⋯ W_1 x, or the bias-free ReLU network f = W_K relu(W_{K−1} ⋯ relu(W_1 x)) of docs/theory.md §2.4.
/// Both are positively 1-homogeneous in each layer (docs/theory.md §2.1) and K-homogeneous jointly (§2.6).
///
/// A vector field may not branch on values, so the ReLU network carries a fixed activation `pattern`: one flag per
/// (sample, hidden unit), `true` where the unit is active (its pre-activation is positive). The field is the exact
/// gradient flow only while every pre-activation keeps the sign its flag says; `integrateAcrossActivationSwitches`
/// watches that and restarts with the new pattern at each crossing.
public struct HomogeneousClassifierFlow: VectorField, ActivationPatternField {
    /// The activation of the hidden layers.
    public enum Activation: String, Sendable, Equatable {
        /// No activation: the deep linear classifier.
        case linear
        /// relu(z) = max(z, 0), with a fixed pattern per segment.
        case relu
    }

    /// d_0 … d_K (d_K = 1).
    public let widths: [Int]
    /// The inputs, d_0 × M.
    public let inputs: Matrix<Rational>
    /// The labels, ±1.
    public let labels: [Int]
    /// The hidden activation.
    public let activation: Activation
    /// For `.relu`: `samples × hiddenUnits` flags, sample-major, `true` = active; empty for `.linear`.
    public private(set) var pattern: [Bool]

    /// Creates the field; a ReLU network starts with every unit active (use `with(pattern:)` or
    /// `pattern(at:)` to set the pattern of a state).
    ///
    /// - Precondition: `widths.last == 1`, `inputs` has `widths[0]` rows and one column per label.
    public init(widths: [Int], inputs: Matrix<Rational>, labels: [Int], activation: Activation = .linear) {
        precondition(widths.count >= 2 && widths.last == 1 && inputs.rowCount == widths[0]
                     && inputs.columnCount == labels.count, "HomogeneousClassifierFlow: shapes do not fit")
        self.widths = widths
        self.inputs = inputs
        self.labels = labels
        self.activation = activation
        pattern = []
        if activation == .relu { pattern = Array(repeating: true, count: labels.count * hiddenUnits) }
    }

    /// Σ_k d_k d_{k−1}.
    public var dimension: Int { (1..<widths.count).reduce(0) { $0 + widths[$1] * widths[$1 - 1] } }

    /// The number of layers K.
    public var depth: Int { widths.count - 1 }

    /// d_1 + … + d_{K−1}: the hidden units of one sample.
    public var hiddenUnits: Int { widths.dropFirst().dropLast().reduce(0, +) }

    /// The offset of W_k (k = 0-based layer) in the state.
    public func offset(_ k: Int) -> Int { (0..<k).reduce(0) { $0 + widths[$1 + 1] * widths[$1] } }

    /// The index of hidden unit `r` of layer output `k` (0-based layer k < K − 1) within one sample's flags.
    func hiddenOffset(_ k: Int) -> Int { (0..<k).reduce(0) { $0 + widths[$1 + 1] } }

    /// The number of pattern flags (`samples × hiddenUnits` for ReLU, 0 for linear).
    public var patternSize: Int { activation == .relu ? labels.count * hiddenUnits : 0 }

    /// This field with another activation pattern (ignored for `.linear`).
    public func with(pattern: [Bool]) -> HomogeneousClassifierFlow {
        precondition(pattern.count == patternSize, "HomogeneousClassifierFlow: wrong pattern size")
        var copy = self
        copy.pattern = pattern
        return copy
    }

    /// The pre-activations z = W_k h_{k−1} of every hidden unit of every sample (sample-major, as `pattern`), of the
    /// true network (relu applied by value) at the layers stored in `state` from `base`. Empty for `.linear`.
    ///
    /// A unit whose input h_{k−1} is identically zero (a zero data point, or every unit feeding it inactive) has
    /// z = 0 exactly but relu(z) = 0 and no gradient through it whatever its flag; it is reported as −1 (inactive),
    /// so that it neither counts as a kink nor stops an integration while its input stays zero.
    public func preactivations<T: IntegrationScalar>(of state: [T], offset base: Int = 0) -> [T] {
        guard activation == .relu else { return [] }
        var result: [T] = []
        result.reserveCapacity(patternSize)
        for n in 0..<labels.count {
            var h = (0..<widths[0]).map { T(inputs[$0, n]) }
            for k in 0..<(depth - 1) {
                let o = base + offset(k), columns = widths[k]
                let deadInput = h.allSatisfy { $0 == 0 }
                let z = (0..<widths[k + 1]).map { r in
                    if deadInput { return T(-1) }
                    var s = T(0)
                    for c in 0..<columns { s += state[o + r * columns + c] * h[c] }
                    return s
                }
                result += z
                h = z.map { $0 > 0 ? $0 : T(0) }
            }
        }
        return result
    }

    /// The pre-activations of the state (the `ActivationPatternField` requirement).
    public func preactivations(of state: [BigFloat]) -> [BigFloat] { preactivations(of: state, offset: 0) }

    /// The outputs f(x_n) of the true network at a state (relu applied by value).
    public func outputs(_ state: [BigFloat]) -> [BigFloat] {
        let z = preactivations(of: state)
        let truePattern = z.map { $0 > 0 }
        return (0..<labels.count).map { n in forward(state, sample: n, pattern: truePattern[...]).last![0] }
    }

    /// Activations h_0 = x_n, h_k = D_k W_k h_{k−1} (D_k the 0/1 diagonal of the pattern for hidden k; none for the
    /// output layer), for the layers at the start of `layers`.
    func forward<T: DynamicsScalar>(_ layers: [T], sample n: Int, pattern: ArraySlice<Bool>) -> [[T]] {
        var h: [[T]] = [(0..<widths[0]).map { T(inputs[$0, n]) }]
        let relu = activation == .relu
        for k in 0..<depth {
            let o = offset(k), rows = widths[k + 1], columns = widths[k]
            let flags = pattern.startIndex + n * hiddenUnits + (k < depth - 1 ? hiddenOffset(k) : 0)
            h.append((0..<rows).map { r in
                if relu, k < depth - 1, !pattern[flags + r] { return T(0) }
                var s = T(0)
                for c in 0..<columns { s = s + layers[o + r * columns + c] * h[k][c] }
                return s
            })
        }
        return h
    }

    /// Ẇ_k = Σ_n e^{−y_n f_n} y_n ∂f_n/∂W_k, with the field's pattern.
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        for i in 0..<derivative.count { derivative[i] = T(0) }
        _ = accumulateFactored(state, offset: 0, scale: T(1), pattern: pattern[...], into: &derivative, at: 0)
    }

    /// The sums of `accumulate`, with fewer products for the deep linear classifier (a ReLU network goes through
    /// `accumulate`). There f_n = M x_n with the row M = W_K ⋯ W_1, and ∂f_n/∂W_k = r_kᵀ (W_{k−1} ⋯ W_1 x_n)ᵀ with the
    /// row r_k = W_K ⋯ W_{k+1}, so with w_n = e^{−s·y_n f_n} y_n and S = Σ_n w_n x_n (constant coefficients):
    ///
    ///     Σ_n w_n ∂f_n/∂W_k = r_kᵀ (W_{k−1} ⋯ W_1 S)ᵀ,     Σ_n w_n f_n = M S.
    ///
    /// The products no longer grow with the number of samples (a Taylor tape of the field is 2–4 times smaller).
    public func accumulateFactored<T: DynamicsScalar>(_ state: [T], offset base: Int, scale: T, pattern: ArraySlice<Bool>,
                                                      into derivative: inout [T], at out: Int) -> T {
        guard activation == .linear else {
            return accumulate(state, offset: base, scale: scale, pattern: pattern, into: &derivative, at: out)
        }
        func entry(_ k: Int, _ r: Int, _ c: Int) -> T { state[base + offset(k) + r * widths[k] + c] }
        // t(0) + t(1) + ⋯ + t(n − 1), summed left to right (n ≥ 1).
        func dot(_ n: Int, _ t: (Int) -> T) -> T {
            var s = t(0)
            for i in 1..<n { s = s + t(i) }
            return s
        }
        // rows[k] = r_k = W_K ⋯ W_{k+2}·W_{k+1}, a row of d_{k+1} entries (r_{K−1} = 1, r_{K−2} = W_K).
        var rows = Array(repeating: [T](), count: depth)
        rows[depth - 1] = [T(1)]
        for k in stride(from: depth - 2, through: 0, by: -1) {
            let upper = widths[k + 2], columns = widths[k + 1]
            rows[k] = (0..<columns).map { c in
                guard k + 1 < depth - 1 else { return entry(k + 1, 0, c) }
                return dot(upper) { rows[k + 1][$0] * entry(k + 1, $0, c) }
            }
        }
        // M = r_0 W_1 (d_0 entries).
        let inputs = widths[0]
        let m = (0..<inputs).map { c in
            guard depth > 1 else { return entry(0, 0, c) }
            return dot(widths[1]) { rows[0][$0] * entry(0, $0, c) }
        }
        // S = Σ_n w_n x_n, w_n = e^{−s·y_n f_n} y_n, f_n = M x_n.
        var sums = Array(repeating: T(0), count: inputs)
        for n in 0..<labels.count {
            var f = T(0)
            for c in 0..<inputs where !self.inputs[c, n].isZero { f = f + T(self.inputs[c, n]) * m[c] }
            let y = T(labels[n])
            let weight = T.exp(-(scale * y * f)) * y
            for c in 0..<inputs where !self.inputs[c, n].isZero { sums[c] = sums[c] + T(self.inputs[c, n]) * weight }
        }
        let total = dot(inputs) { m[$0] * sums[$0] }
        // u_k = W_k ⋯ W_1 S; the gradient sum of W_{k+1} is r_kᵀ u_kᵀ.
        var u = sums
        for k in 0..<depth {
            let o = out + offset(k), outputs = widths[k + 1], columns = widths[k]
            for r in 0..<outputs {
                for c in 0..<columns {
                    let g = k == depth - 1 ? u[c] : rows[k][r] * u[c]
                    derivative[o + r * columns + c] = derivative[o + r * columns + c] + g
                }
            }
            guard k < depth - 1 else { break }
            let lower = u
            u = (0..<outputs).map { r in dot(columns) { entry(k, r, $0) * lower[$0] } }
        }
        return total
    }

    /// Adds Σ_n e^{−s·y_n f_n} y_n ∂f_n/∂W (f at the layers stored in `state` from `offset`, with `pattern`) into
    /// `derivative` from `at`, and returns Σ_n e^{−s·y_n f_n} y_n f_n.
    public func accumulate<T: DynamicsScalar>(_ state: [T], offset base: Int, scale: T, pattern: ArraySlice<Bool>,
                                               into derivative: inout [T], at out: Int) -> T {
        let layers = Array(state[base..<(base + dimension)])
        let relu = activation == .relu
        var total = T(0)
        for n in 0..<labels.count {
            let h = forward(layers, sample: n, pattern: pattern)
            let y = T(labels[n])
            let weight = T.exp(-(scale * y * h[depth][0])) * y
            total = total + weight * h[depth][0]
            // a = ∂(weight·f)/∂z_k, the gradient at the pre-activations of layer k.
            var a: [T] = [weight]
            for k in stride(from: depth - 1, through: 0, by: -1) {
                let o = offset(k), rows = widths[k + 1], columns = widths[k]
                for r in 0..<rows { for c in 0..<columns { derivative[out + o + r * columns + c] = derivative[out + o + r * columns + c] + a[r] * h[k][c] } }
                guard k > 0 else { break }
                let flags = pattern.startIndex + n * hiddenUnits + hiddenOffset(k - 1)
                a = (0..<columns).map { c in
                    if relu, !pattern[flags + c] { return T(0) }
                    var s = T(0)
                    for r in 0..<rows { s = s + a[r] * layers[o + r * columns + c] }
                    return s
                }
            }
        }
        return total
    }

    /// One sample of the smoothed normalized margin along the flow.
    public struct MarginSample: Sendable {
        /// The time.
        public var time: BigFloat
        /// The loss 𝓛 = Σ_n e^{−q_n}.
        public var loss: BigFloat
        /// γ̃ = log(1/𝓛)/‖θ‖^K.
        public var smoothedMargin: BigFloat
        /// γ̄ = min_n q_n/‖θ‖^K.
        public var normalizedMargin: BigFloat
    }

    /// The margins of the flow at `state` (time `time`), at the current precision.
    public func margins(time: BigFloat, state: [BigFloat]) -> MarginSample {
        let q = outputs(state).enumerated().map { BigFloat(labels[$0.offset]) * $0.element }
        let loss = q.reduce(BigFloat(0)) { $0 + BigFloat.exp(-$1) }
        var norm2 = BigFloat(0)
        for v in state { norm2 += v * v }
        let scale = BigFloat.pow(BigFloat.sqrt(norm2), depth)
        return MarginSample(time: time, loss: loss, smoothedMargin: -BigFloat.log(loss) / scale,
                            normalizedMargin: q.reduce(q[0]) { BigFloat.minimum($0, $1) } / scale)
    }
}
