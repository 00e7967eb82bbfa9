import LinearAlgebra
import MultiPrecision

/// The two-linear-layer model with binary activation of Yin, Zhang, Lyu, Osher, Qi and Xin (docs/theory.md §6.4): input
/// Z ∈ R^{m×n} with i.i.d. N(0, 1) entries, output vᵀσ(Zw) with σ(u) = 𝟙[u > 0], teacher (v*, w*), sample loss
/// ℓ = ½(vᵀσ(Zw) − v*ᵀσ(Zw*))², and the coarse gradient with the ReLU straight-through estimator,
/// g(Z) = (vᵀσ(Zw) − v*ᵀσ(Zw*)) · Zᵀ(𝟙[Zw > 0] ⊙ v).
///
/// The closed forms (θ = ∠(w, w*), 𝟙 the all-ones vector, ŵ = w/‖w‖):
///
///     f(v, w)  = (1/8)[vᵀ(I + 𝟙𝟙ᵀ)v − 2vᵀ((1 − 2θ/π)I + 𝟙𝟙ᵀ)v* + v*ᵀ(I + 𝟙𝟙ᵀ)v*]
///     ∇_w f    = −(vᵀv*/(2π‖w‖ sin θ)) (I − ŵŵᵀ)ŵ*
///     E_Z[g]   = (1/(2√(2π))) [(‖v‖² + (𝟙ᵀv)(𝟙ᵀ(v − v*))) ŵ − (vᵀv*) ŵ*]
///     ⟨E g, ∇_w f⟩ = (vᵀv*)² sin θ / (4π√(2π)‖w‖)
///
/// Every rational ingredient (vᵀv*, ‖v‖², 𝟙ᵀv, w·w*, the Gram determinant D = ‖w‖²‖w*‖² − (w·w*)², the vector
/// w* − (w·w*/‖w‖²)w) is computed exactly from the exact parameters; only π, square roots and θ = atan2(√D, w·w*)
/// are rounded, at the task's precision. In particular the correlation is exactly 0 when vᵀv* = 0.
public struct CoarseGradientModel: Sendable {
    /// v, v*, w, w* (exact).
    public let v: [Rational], vStar: [Rational], w: [Rational], wStar: [Rational]
    /// vᵀv*, exactly.
    public let vDotVStar: Rational
    /// The Gram determinant ‖w‖²‖w*‖² − (w·w*)² = (‖w‖‖w*‖ sin θ)², exactly.
    public let gramDeterminant: Rational

    /// Creates the model.
    ///
    /// - Throws: `CoarseGradientModelError` when the sizes differ, w or w* is zero, or w ∥ w* (θ ∈ {0, π}: f is
    ///   not differentiable in w there).
    public init(v: [Rational], vStar: [Rational], w: [Rational], wStar: [Rational]) throws(CoarseGradientModelError) {
        guard !v.isEmpty, v.count == vStar.count else { throw .sizeMismatch("v has \(v.count) entries, v* has \(vStar.count)") }
        guard !w.isEmpty, w.count == wStar.count else { throw .sizeMismatch("w has \(w.count) entries, w* has \(wStar.count)") }
        guard w.contains(where: { !$0.isZero }), wStar.contains(where: { !$0.isZero }) else { throw .zeroWeight }
        self.v = v
        self.vStar = vStar
        self.w = w
        self.wStar = wStar
        vDotVStar = Self.dot(v, vStar)
        gramDeterminant = Self.dot(w, w) * Self.dot(wStar, wStar) - Self.dot(w, wStar) * Self.dot(w, wStar)
        guard gramDeterminant > 0 else { throw .parallelWeights }
    }

    static func dot(_ a: [Rational], _ b: [Rational]) -> Rational { zip(a, b).reduce(Rational(0)) { $0 + $1.0 * $1.1 } }

    /// m, the number of rows of Z (entries of v).
    public var m: Int { v.count }
    /// n, the number of columns of Z (entries of w).
    public var n: Int { w.count }

    /// θ = ∠(w, w*) = atan2(√D, w·w*).
    public var theta: BigFloat {
        BigFloat.atan2(y: BigFloat.sqrt(BigFloat(gramDeterminant)), x: BigFloat(Self.dot(w, wStar)))
    }

    /// The population loss f(v, w) = E_Z ℓ, by the closed form.
    public var populationLoss: BigFloat {
        let oneV = v.reduce(Rational(0), +), oneVStar = vStar.reduce(Rational(0), +)
        let fixed = Self.dot(v, v) + oneV * oneV - 2 * oneV * oneVStar + Self.dot(vStar, vStar) + oneVStar * oneVStar
        let angular = BigFloat(vDotVStar) * (1 - 2 * theta / BigFloat.pi(precision: Precision.current))
        return (BigFloat(fixed) - 2 * angular) / 8
    }

    /// ∇_w f = −(vᵀv*/(2π√D)) (w* − (w·w*/‖w‖²) w), by the closed form.
    public var populationGradient: [BigFloat] {
        let coefficient = -BigFloat(vDotVStar) / (2 * BigFloat.pi(precision: Precision.current) * BigFloat.sqrt(BigFloat(gramDeterminant)))
        let ratio = Self.dot(w, wStar) / Self.dot(w, w)
        return zip(w, wStar).map { coefficient * BigFloat($1 - ratio * $0) }
    }

    /// E_Z[g] = (1/(2√(2π))) [(‖v‖² + (𝟙ᵀv)(𝟙ᵀ(v − v*))) ŵ − (vᵀv*) ŵ*], by the closed form.
    public var expectedCoarseGradient: [BigFloat] {
        let oneV = v.reduce(Rational(0), +), oneVStar = vStar.reduce(Rational(0), +)
        let a = BigFloat(Self.dot(v, v) + oneV * (oneV - oneVStar))
        let scale = 2 * BigFloat.sqrt(2 * BigFloat.pi(precision: Precision.current))
        let normW = BigFloat.sqrt(BigFloat(Self.dot(w, w))), normWStar = BigFloat.sqrt(BigFloat(Self.dot(wStar, wStar)))
        let b = BigFloat(vDotVStar)
        return zip(w, wStar).map { (a * BigFloat($0) / normW - b * BigFloat($1) / normWStar) / scale }
    }

    /// ⟨E g, ∇_w f⟩ = (vᵀv*)² √D / (4π√(2π) ‖w‖² ‖w*‖), by the simplified closed form (exactly 0 when vᵀv* = 0).
    public var correlation: BigFloat {
        let pi = BigFloat.pi(precision: Precision.current)
        let numerator = BigFloat(vDotVStar * vDotVStar) * BigFloat.sqrt(BigFloat(gramDeterminant))
        return numerator / (4 * pi * BigFloat.sqrt(2 * pi) * BigFloat(Self.dot(w, w)) * BigFloat.sqrt(BigFloat(Self.dot(wStar, wStar))))
    }

    /// The sample loss ℓ(Z) = ½(vᵀσ(Zw) − v*ᵀσ(Zw*))² at an m × n input Z.
    public func sampleLoss(_ z: Matrix<BigFloat>) -> BigFloat {
        let r = residual(z).value
        return r * r / 2
    }

    /// The coarse gradient g(Z) = (vᵀσ(Zw) − v*ᵀσ(Zw*)) · Zᵀ(𝟙[Zw > 0] ⊙ v) at an m × n input Z.
    public func coarseGradient(_ z: Matrix<BigFloat>) -> [BigFloat] {
        let (r, active) = residual(z)
        var g = [BigFloat](repeating: BigFloat(0), count: n)
        for i in 0..<m where active[i] {
            let vi = BigFloat(v[i])
            for k in 0..<n { g[k].addProduct(vi, z[i, k]) }
        }
        for k in 0..<n { g[k].multiply(by: r) }
        return g
    }

    /// ⟨g(Z_s), ∇_w f⟩ for `count` inputs Z_1, Z_2, … with i.i.d. N(0, 1) entries drawn row by row from
    /// `GaussianSampler(seed:)`, in order; `checkpoint` runs before each draw (it may throw to stop the run).
    public func sampledCorrelations(count: Int, seed: UInt64, checkpoint: () throws -> Void) rethrows -> [BigFloat] {
        let gradient = populationGradient
        var sampler = GaussianSampler(seed: seed)
        var values: [BigFloat] = []
        for _ in 0..<count {
            try checkpoint()
            let g = coarseGradient(Matrix<BigFloat>(rows: m, columns: n) { _, _ in sampler.next() })
            var value = BigFloat(0)
            for k in g.indices { value.addProduct(g[k], gradient[k]) }
            values.append(value)
        }
        return values
    }

    /// vᵀσ(Zw) − v*ᵀσ(Zw*) and the rows with (Zw)_i > 0. The projections accumulate in place; the residual, a sum
    /// of entries of v and v* chosen by the signs, is summed exactly, so that it is exactly 0 when the outputs agree
    /// (then g = 0 exactly, never a rounding-level value of either sign).
    private func residual(_ z: Matrix<BigFloat>) -> (value: BigFloat, active: [Bool]) {
        let wValues = w.map { BigFloat($0) }, wStarValues = wStar.map { BigFloat($0) }
        var value = Rational(0), active = [Bool](repeating: false, count: m)
        var zw = BigFloat(0), zwStar = BigFloat(0)
        for i in 0..<m {
            zw.setZero()
            zwStar.setZero()
            for k in 0..<n {
                zw.addProduct(z[i, k], wValues[k])
                zwStar.addProduct(z[i, k], wStarValues[k])
            }
            if zw > 0 { value += v[i]; active[i] = true }
            if zwStar > 0 { value -= vStar[i] }
        }
        return (BigFloat(value), active)
    }
}

/// Why a `CoarseGradientModel` cannot be built.
public enum CoarseGradientModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// v and v* (or w and w*) have different lengths, or are empty.
    case sizeMismatch(String)
    /// w or w* is the zero vector (θ undefined).
    case zeroWeight
    /// w ∥ w*: θ ∈ {0, π}, where f is not differentiable in w.
    case parallelWeights

    /// A one-line message.
    public var description: String {
        switch self {
        case let .sizeMismatch(text): return text
        case .zeroWeight: return "w and w* must be nonzero (the angle θ = ∠(w, w*) is undefined)"
        case .parallelWeights: return "w is parallel to w* (θ = 0 or π), where f is not differentiable in w"
        }
    }
}
