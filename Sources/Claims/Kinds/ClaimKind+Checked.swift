// What each built-in kind checks, in its own words (`ClaimKind.checked`): the line that reports print beside every
// verdict, so that a PASS or FAIL is read against what was computed, not against the claim file's statement.

extension InstanceParameters {
    /// The parameter as written in reports (`1/128`, `[3, 4, 2]`), or `fallback` when absent.
    func written(_ name: String, or fallback: String) -> String { values[name]?.reportText ?? fallback }
}

extension BuresWassersteinKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p.choice("claim") {
        case "minimum":
            return "B²(W) = Σ_{i>k} λ_i(Σ_0) at the top-k eigenprojection and after gradient descent, up to the relative tolerance"
        case "frobenius-minimum":
            return "min_{rank ≤ k} ½‖Σ − Σ_0‖²_F = ½Σ_{i>k} λ_i² equals the Bures–Wasserstein minimum Σ_{i>k} λ_i, up to the relative tolerance"
        default:
            return "nuclear-norm form ‖W‖²_F + tr Σ_0 − 2‖Σ_0^{1/2}W‖_* = trace form, and ∇_W B² = 2W − 2Σ_0^{1/2}UVᵀ against central differences, up to the relative tolerance"
        }
    }
}

extension CoarseGradientCorrelationKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p.choice("claim") {
        case "positive": return "⟨E_Z[g], ∇_w f⟩ > 0 (decided as ≥ tolerance), from the closed forms"
        case "every-sample":
            return "⟨g(Z_s), ∇_w f⟩ ≥ 0 for each of \(p.written("samples", or: "the")) seeded Gaussian samples Z_s"
        default: return "⟨E_Z[g], ∇_w f⟩ ≥ 0 (up to the tolerance), from the closed forms"
        }
    }
}

extension DeepMatrixFactorizationClosedFormKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let recursion = p.choice("method") == "gd"
        return (recursion ? "σ_i(W(k)) = w_k^N with w ← w − η w^{N−1}(w^N − s_i), w_0 = α"
                          : "σ_i(W(t)) = the closed-form solution of ẇ = w^{N−1}(s_i − w^N), w(0) = α")
            + ", relative to max(1, max s), at every sampled time, up to the relative tolerance"
    }
}

extension DeepMatrixFactorizationIncrementalKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p.choice("claim") ?? "learning-order" {
        case "half-times": return "t½,i (u_iᵀW v_i reaches s_i/2) equals the §5.2 formula for every mode, up to the relative tolerance"
        case "effective-rank": return "erank(W) is non-decreasing between consecutive samples after its minimum"
        case "reverse-order": return "t½,i < t½,i+1 for the modes sorted by increasing s (learned in increasing order of s)"
        case "asymptotic-half-times": return "t½,i equals α^{2−N}/((N−2)s_i) for every mode, up to the relative tolerance"
        case "effective-rank-from-start": return "erank(W) is non-decreasing between consecutive samples from the first one"
        default: return "t½,i < t½,i+1 for the modes sorted by decreasing s (learned in decreasing order of s)"
        }
    }
}

extension DeepMatrixFactorizationSpectrumKind {
    public func checked(_ p: InstanceParameters) -> String? {
        p.choice("claim") == "recovers-target"
            ? "‖W(K) − A‖_F/‖A‖_F ≤ tolerance after K = \(p.written("steps", or: "K")) steps"
            : "sorted eig_i(W(K)) = m_K,i^N with m ← m − η m^{N−1}(m^N − λ_i), relative to max(1, max|λ|), up to the tolerance"
    }
}

extension DHLLayerNormKind {
    public func checked(_ p: InstanceParameters) -> String? {
        p.choice("quantity") == "norm-ratios"
            ? "max_k |ρ_k/ρ_1(t) − ρ_k/ρ_1(0)| / max_k ρ_k/ρ_1(0) ≤ tolerance at every sample time t ≤ T"
            : "max_k |(ρ_k² − ρ_1²)(t) − (ρ_k² − ρ_1²)(0)| / max_k ρ_k²(t) ≤ tolerance at every sample time t ≤ T"
    }
}

extension DLNBalancednessDriftKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let c = p.written("bound_factor", or: "C")
        return "‖D_j(k) − D_j(0)‖_F ≤ \(c == "1" ? "" : c + "·")Σ_{t<k} η²(‖G_{j+1}(t)‖²_F + ‖G_j(t)‖²_F) for every j, "
            + "k = \(p.written("steps", or: "k"))"
    }
}

extension DLNBalancednessStepKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let change = p.choice("claimed_change") == "zero" ? "0" : "η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)"
        return "D_j(t+1) − D_j(t) = \(change) exactly, for every step t < \(p.written("steps", or: "k")) and every j"
    }
}

extension DLNGDConvergenceRateKind {
    public func checked(_ p: InstanceParameters) -> String? {
        var text = "ℓ(t+1) ≤ (1 − η σ_min(W(t))^{2(N−1)/N}) ℓ(t) and ℓ(t) ≤ ℓ(0) exp(−η c^{2(N−1)/N} t) at every step t < "
            + p.written("steps", or: "k")
        if p.has("epsilon") { text += ", and ℓ(k) ≤ ε = " + p.written("epsilon", or: "ε") }
        return text + (p.choice("hypotheses") == "ignored" ? " (hypotheses not checked)"
                       : " (inside the hypotheses c > 0, δ-balanced, η small; otherwise NOT APPLICABLE)")
    }
}

extension DLNGDGlobalMinimumKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "|L(W(k)) − min_{rank W ≤ r} ½‖WX − Y‖²_F| ≤ ε = \(p.written("epsilon", or: "ε")) after k = \(p.written("steps", or: "k")) "
            + "gradient-descent steps (no step-size hypothesis checked)"
    }
}

extension DLNGFBalancednessKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let rate = p.written("decay_rate", or: "ρ")
        let law = rate == "0" ? "D_j(t) = D_j(0)" : "D_j(t) = e^{−2ρt} D_j(0) with ρ = \(rate)"
        return "\(law): ‖D_j(t) − e^{−2ρt}D_j(0)‖_F / (‖D_j(0)‖_F + ‖W_{j+1}‖²_F + ‖W_j‖²_F) ≤ tolerance for every j at "
            + "\(p.written("output_times", or: "the")) output times in (0, T]"
    }
}

extension DLNGFConvergenceRateKind {
    public func checked(_ p: InstanceParameters) -> String? {
        var text = "ℓ(t) ≤ ℓ(0) exp(−2 c^{2(N−1)/N} t) at \(p.written("samples", or: "the")) sample times in (0, T]"
        if p.has("epsilon") { text += ", and ℓ(T) ≤ ε = " + p.written("epsilon", or: "ε") }
        return text + (p.choice("hypotheses") == "ignored" ? " (hypotheses not checked)"
                       : " (inside the hypotheses c > 0, balanced start; otherwise NOT APPLICABLE)")
    }
}

extension DLNGFGlobalMinimumKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "|L(W(T)) − min_{rank W ≤ k} ½‖WX − Y‖²_F| ≤ ε = \(p.written("epsilon", or: "ε")) at T = \(p.written("horizon", or: "T")), "
            + "k = \(p.written("optimum_rank", or: "r"))"
    }
}

extension DiagonalNetworkImplicitBiasKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p.choice("claim") {
        case "l1-minimal": return "‖x_∞‖₁ ≤ (1 + tolerance)·min{‖x‖₁ : Ax = y} at the gradient-flow limit"
        case "l2-minimal": return "‖x_∞ − A⁺y‖/‖A⁺y‖ ≤ tolerance at the gradient-flow limit"
        default:
            let certificate: String
            switch p.choice("certificate") {
            case "unit-constant": certificate = "arcsinh(x_∞/α²)"
            case "linear": certificate = "x_∞/(2α²)"
            default: certificate = (p.integer("depth") ?? 2) == 2 ? "arcsinh(x_∞/(2α²))" : "h_N^{−1}(x_∞/α^N)"
            }
            return "‖Ax_∞ − y‖/‖y‖, dist(\(certificate), range Aᵀ) relative, and ‖x_∞ − x_α‖/‖x_α‖ all ≤ tolerance"
        }
    }
}

extension DiagonalNetworkL1LimitKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let target = p.choice("target") == "l2" ? "x_ℓ2" : "x_ℓ1"
        return "d_k = ‖x_∞(α_k) − \(target)‖₂ falls at least like α^r: log(d_k/d_{k+1})/log(α_k/α_{k+1}) ≥ r = "
            + "\(p.written("minimum_exponent", or: "r")) for α_k = \(p.written("alpha_start", or: "α_0"))·"
            + "\(p.written("alpha_ratio", or: "q"))^k, k < \(p.written("alpha_count", or: "K"))"
    }
}

extension DiagonalNetworkShapeKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p.choice("claim") {
        case "shape-blind": return "‖Aβ_∞ − y‖/‖y‖ and dist(arcsinh(2β_∞/|c|), range Aᵀ) relative both ≤ tolerance"
        case "interpolates": return "‖Aβ(T) − y‖ ≤ tolerance·‖y‖ at the event or the horizon T"
        default:
            return "‖Aβ_∞ − y‖/‖y‖ and dist(arcsinh(2β_∞/|c|) − arcsinh(2β(0)/|c|), range Aᵀ) relative both ≤ tolerance"
        }
    }
}

extension LyuLiMarginKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let start = p.choice("from") == "zero" ? "from t = 0" : "from the first sample with 𝓛 < 1"
        return "γ̃(t_{i+1}) ≥ γ̃(t_i) − tolerance, γ̃ = log(1/𝓛)/‖θ‖^K, for consecutive sample times \(start)"
    }
}

extension MatrixFactorizationNuclearNormKind {
    public func checked(_ p: InstanceParameters) -> String? {
        p.choice("claim") == "entry-grows"
            ? "ℓ decreases and |W_rc| increases between consecutive samples"
            : "(‖W‖_* − m)/m ≤ tolerance with m = \(p.written("nuclear_minimum", or: "the minimum nuclear norm")), "
                + "at the first sample with ℓ ≤ \(p.written("loss_threshold", or: "the loss threshold"))"
    }
}

extension MirrorDescentMatrixSensingKind {
    public func checked(_ p: InstanceParameters) -> String? {
        switch p.choice("claim") {
        case "bregman-projection": return "‖X_T − X_ref‖_F/‖X_ref‖_F ≤ tolerance, X_ref the Bregman projection of αI onto {A(X) = y}"
        case "recovers-ground-truth": return "‖X_T − X*‖_F/‖X*‖_F ≤ tolerance"
        default: return "dist(log X_t − log X_0, span{A_i}) relative ≤ tolerance at every step t"
        }
    }
}

extension OMWUKLKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let method = (p.choice("method") ?? "omwu").uppercased()
        if p.choice("property") == "converges" {
            return "\(method): KL(z*‖z_T) ≤ \(p.written("kl_below", or: "the bound")) after T = \(p.written("steps", or: "T")) steps"
        }
        return "\(method): KL_t − KL_{t−1} = ln Z_x + ln Z_y ≤ tolerance at every step t ≥ \(p.written("from_step", or: "2")) "
            + "up to \(p.written("steps", or: "T"))"
    }
}

extension PBLCriticalPointsKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let field = p.choice("statement") == "unconstrained-gradient" ? "‖∇_V L‖/‖F‖" : "‖V̇^GF‖/‖F‖"
        return "\(field) stays in [min_k ρ_k^{−2}, max_k ρ_k^{−2}] (up to the tolerance) at every sample time of the "
            + "constrained flow to a KKT point"
    }
}

extension PBLPolarIdentityKind {
    public func checked(_ p: InstanceParameters) -> String? {
        let identity: String
        switch p.choice("identity") {
        case "E1": identity = "max_k ‖V̇_k − ρ_k^{−2}F_k(ρ, V)‖_F/‖V̇_k‖_F"
        case "N3": identity = "(max − min)/max over k of ρ_kρ̇_k"
        case "E5-single-factor": identity = "max_k ‖V̇_k − ρ^{−2/K}F_k(ρ, V)‖_F/‖V̇_k‖_F"
        case "equal-rho-dot": identity = "(max − min)/max over k of ρ̇_k"
        default: identity = "sin∠((ρ̇, V̇), (G, F))"
        }
        return "\(identity) ≤ tolerance at the initial state and after each of \(p.written("steps", or: "the")) small GD steps"
    }
}

extension PBLTimeChangeKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "max_k ‖W_k(t)/‖W_k(t)‖ − V^c_k(t)‖_F ≤ tolerance at 40 equally spaced times up to T = \(p.written("horizon", or: "T")), "
            + "V^c the constrained flow under τ = ∫ρ_1^{−2}"
    }
}

extension ReLUFiniteSampleFitKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "max_i |c(x_i) − y_i| ≤ tolerance for the exact construction c(x) = Σ_j w_j max(⟨a, x⟩ − b_j, 0)"
            + (p.has("hidden_units") ? " with \(p.written("hidden_units", or: "k")) hidden units" : "")
    }
}

extension RiemannianProductFlowKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "‖W_N⋯W_1(t) − W(t)‖_F / max(1, ‖W(t)‖_F) ≤ tolerance at \(p.written("samples", or: "the")) sample times, "
            + "W(t) the solution of Ẇ = −A_W(W − A)"
    }
}

extension SymbolicIdentityKind {
    public func checked(_ p: InstanceParameters) -> String? {
        "\(p.written("claim", or: "the identity")) for every size: canonical form of lhs − rhs is 0, "
            + "confirmed on \(p.written("trials", or: "the")) random rational instances"
    }
}
