/// The forward-difference Jacobian of a `Double` field, J[i, j] ≈ (f(x + δⱼeⱼ) − f(x))ᵢ / δⱼ, with steps
/// δⱼ = √ε·max(|xⱼ|, 1) and the step actually taken, (xⱼ + δⱼ) − xⱼ, as the divisor. Written row-major into
/// `jacobian` (resized to n² if needed), with the caller's buffers, so that nothing is allocated.
///
/// - Parameters:
///   - f0: f(x), already evaluated and finite.
///   - x: a copy of `state`; each column perturbs one entry and restores it.
///   - f1: scratch of length n.
///   - evaluate: writes f at its first argument into its second.
/// - Returns: `false` if an entry is not finite.
func forwardDifferenceJacobian(state: [Double], f0: [Double], x: inout [Double], f1: inout [Double],
                               into jacobian: inout [Double],
                               evaluate: (_ x: [Double], _ f: inout [Double]) -> Void) -> Bool {
    let n = state.count
    if jacobian.count != n * n { jacobian = [Double](repeating: 0, count: n * n) }
    for j in 0..<n {
        let delta = Double.ulpOfOne.squareRoot() * Swift.max(Swift.abs(state[j]), 1)
        x[j] = state[j] + delta
        evaluate(x, &f1)
        x[j] = state[j]
        let step = (state[j] + delta) - state[j]
        for i in 0..<n {
            let entry = (f1[i] - f0[i]) / step
            guard entry.isFinite else { return false }
            jacobian[i * n + j] = entry
        }
    }
    return true
}
