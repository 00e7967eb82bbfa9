import Foundation

/// Jorba–Zou order and step-size rules for the Taylor method (Jorba and Zou, 2005; as in heyoka).
enum TaylorOrderAndStep {
    /// The order for a tolerance ε = 2^`log2Tolerance`: p = max(2, ⌈−½ ln ε + 1⌉) (46 at 2⁻¹²⁸, 90 at 2⁻²⁵⁶).
    static func order(log2Tolerance: Double) -> Int {
        max(2, Int((-0.5 * log2Tolerance * M_LN2 + 1).rounded(.up)))
    }

    /// log₂ of the step h = ρ·exp(−0.7/(p−1))/e², with ρ = min over m ∈ {p−1, p} of (N/‖x_m‖∞)^{1/m} and
    /// N = max(1, ‖x₀‖∞), all in the log domain (high-order coefficients underflow `Double`).
    ///
    /// - Returns: +∞ when both coefficients vanish (the series is a polynomial of degree < p − 1: any step is exact).
    static func log2Step(order p: Int, log2Norm0: Double, log2NormPMinus1: Double, log2NormP: Double) -> Double {
        let log2N = max(0, log2Norm0)
        var log2Rho = Double.infinity
        for (m, log2Norm) in [(p - 1, log2NormPMinus1), (p, log2NormP)] where log2Norm > -.infinity {
            log2Rho = min(log2Rho, (log2N - log2Norm) / Double(m))
        }
        return log2Rho - (2 + 0.7 / Double(p - 1)) / M_LN2
    }
}
