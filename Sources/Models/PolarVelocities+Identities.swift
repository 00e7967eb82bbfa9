import MultiPrecision

/// The pointwise identities of gradient flow in polar form (docs/theory.md §2.2–2.4), as relative residuals of one
/// `PolarVelocities` (0 where the identity holds, up to rounding):
///
///     E1:  V̇_k = ρ_k^{−2} F_k(ρ, V)                 residual max_k ‖V̇_k − ρ_k^{−2}F_k‖_F / ‖V̇_k‖_F
///     N3:  ρ_1ρ̇_1 = … = ρ_Kρ̇_K                      spread (max_k − min_k)(ρ_kρ̇_k) / max_k |ρ_kρ̇_k|
///
/// and their known-false variants: one factor ρ^{−2/K} for every layer (E5, true only with equal layer norms), equal
/// ρ̇_k, and (ρ̇, V̇) parallel to the constrained system's (G, F) (E4, which a joint time change would need).
extension PolarVelocities {
    /// max_k ‖V̇_k − c_k F_k‖_F / ‖V̇_k‖_F for the factors c_k.
    public func directionResidual(factors: [BigFloat]) -> BigFloat {
        zip(directionRates, constrainedField).enumerated().map { k, pair in
            Self.frobeniusNorm([zip(pair.0, pair.1).map { $0 - factors[k] * $1 }]) / Self.frobeniusNorm([pair.0])
        }.reduce(BigFloat(0)) { BigFloat.maximum($0, $1) }
    }

    /// The E1 residual: `directionResidual` with c_k = ρ_k^{−2}.
    public var layerwiseResidual: BigFloat { directionResidual(factors: layerNorms.map { BigFloat(1) / ($0 * $0) }) }

    /// The E5 residual: `directionResidual` with one factor ρ^{−2/K} for every layer.
    public var singleFactorResidual: BigFloat {
        let factor = BigFloat.pow(norm, rational: Rational(numerator: -2, denominator: BigInt(layerNorms.count)))
        return directionResidual(factors: layerNorms.map { _ in factor })
    }

    /// The N3 spread of ρ_kρ̇_k.
    public var balanceSpread: BigFloat { Self.spread(zip(layerNorms, layerNormRates).map { $0 * $1 }) }

    /// The spread of ρ̇_k (with N3, 1 − min_k ρ_k / max_k ρ_k).
    public var rateSpread: BigFloat { Self.spread(layerNormRates) }

    /// sin∠((ρ̇, V̇), (G, F)), with ρ̇ = ρ Σ_k ρ̇_k/ρ_k and the blocks of V̇ and F flattened.
    public var jointTimeChangeSine: BigFloat {
        let rhoDot = norm * zip(layerNormRates, layerNorms).reduce(BigFloat(0)) { $0 + $1.0 / $1.1 }
        let u = [rhoDot] + directionRates.joined(), w = [radialForce] + constrainedField.joined()
        let projection = Self.dot(u, w) / Self.dot(w, w)
        return Self.frobeniusNorm([zip(u, w).map { $0 - projection * $1 }]) / Self.frobeniusNorm([u])
    }

    /// The Frobenius norm of a list of blocks.
    public static func frobeniusNorm(_ blocks: [[BigFloat]]) -> BigFloat {
        BigFloat.sqrt(blocks.joined().reduce(BigFloat(0)) { $0 + $1 * $1 })
    }

    static func dot(_ a: [BigFloat], _ b: [BigFloat]) -> BigFloat { zip(a, b).reduce(BigFloat(0)) { $0 + $1.0 * $1.1 } }

    /// (max − min)/max |x| of a nonempty list.
    static func spread(_ x: [BigFloat]) -> BigFloat {
        let high = x.dropFirst().reduce(x[0]) { BigFloat.maximum($0, $1) }
        let low = x.dropFirst().reduce(x[0]) { BigFloat.minimum($0, $1) }
        return (high - low) / BigFloat.maximum(BigFloat.abs(high), BigFloat.abs(low))
    }
}
