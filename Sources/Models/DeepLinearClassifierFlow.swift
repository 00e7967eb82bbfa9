import Dynamics
import LinearAlgebra
import MultiPrecision

/// Gradient flow Ẇ_k = −∂L/∂W_k of a bias-free deep linear classifier f = W_K ⋯ W_1 x with the exponential loss
/// L = Σ_n exp(−y_n f(x_n)), as a `VectorField` (generic, no branching): the state is W_1, …, W_K row by row.
/// f is K-homogeneous in all parameters jointly, the setting of Lyu & Li (ICLR 2020) and THEORY.md §2.6.
public struct DeepLinearClassifierFlow: VectorField {
    /// d_0 … d_K (d_K = 1).
    public let widths: [Int]
    /// The inputs, d_0 × M.
    public let inputs: Matrix<Rational>
    /// The labels, ±1.
    public let labels: [Int]

    /// Creates the field.
    ///
    /// - Precondition: `widths.last == 1`, `inputs` has `widths[0]` rows and one column per label.
    public init(widths: [Int], inputs: Matrix<Rational>, labels: [Int]) {
        precondition(widths.last == 1 && inputs.rowCount == widths[0] && inputs.columnCount == labels.count,
                     "DeepLinearClassifierFlow: shapes do not fit")
        self.widths = widths
        self.inputs = inputs
        self.labels = labels
    }

    /// Σ_k d_k d_{k−1}.
    public var dimension: Int { (1..<widths.count).reduce(0) { $0 + widths[$1] * widths[$1 - 1] } }

    /// The offset of W_k (k = 0-based layer) in the state.
    func offset(_ k: Int) -> Int { (0..<k).reduce(0) { $0 + widths[$1 + 1] * widths[$1] } }

    /// The outputs f(x_n) of a state.
    public func outputs<T: DynamicsScalar>(_ state: [T]) -> [T] {
        (0..<labels.count).map { n in forward(state, sample: n).last![0] }
    }

    /// Activations h_0 = x_n, h_k = W_k h_{k−1}.
    func forward<T: DynamicsScalar>(_ state: [T], sample n: Int) -> [[T]] {
        var h: [[T]] = [(0..<widths[0]).map { T(inputs[$0, n]) }]
        for k in 0..<(widths.count - 1) {
            let o = offset(k), rows = widths[k + 1], columns = widths[k]
            h.append((0..<rows).map { r in
                var s = T(0)
                for c in 0..<columns { s = s + state[o + r * columns + c] * h[k][c] }
                return s
            })
        }
        return h
    }

    /// Ẇ_k = Σ_n e^{−y_n f_n} y_n (W_K⋯W_{k+1})ᵀ h_{k−1}ᵀ.
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        for i in 0..<derivative.count { derivative[i] = T(0) }
        _ = accumulate(state, offset: 0, scale: T(1), into: &derivative, at: 0)
    }

    /// Adds Σ_n e^{−s·y_n f_n} y_n ∂f_n/∂W (f at the layers stored in `state` from `offset`) into `derivative` from
    /// `at`, and returns Σ_n e^{−s·y_n f_n} y_n f_n.
    func accumulate<T: DynamicsScalar>(_ state: [T], offset base: Int, scale: T, into derivative: inout [T], at out: Int) -> T {
        let depth = widths.count - 1
        let layers = Array(state[base..<(base + dimension)])
        var total = T(0)
        for n in 0..<labels.count {
            let h = forward(layers, sample: n)
            let y = T(labels[n])
            let weight = T.exp(-(scale * y * h[depth][0])) * y
            total = total + weight * h[depth][0]
            var a: [T] = [weight]
            for k in stride(from: depth - 1, through: 0, by: -1) {
                let o = offset(k), rows = widths[k + 1], columns = widths[k]
                for r in 0..<rows { for c in 0..<columns { derivative[out + o + r * columns + c] = derivative[out + o + r * columns + c] + a[r] * h[k][c] } }
                a = (0..<columns).map { c in
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

    /// Integrates the flow from `initial` (exact) with the Taylor method at the task's precision and samples the
    /// margins at `times`.
    ///
    /// - Throws: `IntegrationError` for a bad request; `ModelError`-free otherwise. A run that ends early (divergence,
    ///   budget) returns the samples it reached.
    public func margins(initial: [Rational], times: [Rational], precision: Int) throws -> [MarginSample] {
        var samples: [MarginSample] = []
        let depth = widths.count - 1
        let observer = Observer<BigFloat>(.times(times)) { sample in
            let q = self.outputs(sample.state).enumerated().map { BigFloat(self.labels[$0.offset]) * $0.element }
            let loss = q.reduce(BigFloat(0)) { $0 + BigFloat.exp(-$1) }
            var norm2 = BigFloat(0)
            for v in sample.state { norm2 += v * v }
            let scale = BigFloat.pow(BigFloat.sqrt(norm2), depth)
            samples.append(MarginSample(time: sample.time, loss: loss, smoothedMargin: -BigFloat.log(loss) / scale,
                                        normalizedMargin: q.min()! / scale))
        }
        let problem = try ODEProblem(field: self, initialState: initial, from: 0, to: times.last!)
        _ = try integrate(problem, method: Taylor(), scalar: BigFloat.self,
                          options: IntegrationOptions(precision: precision), observers: [observer])
        return samples
    }
}
