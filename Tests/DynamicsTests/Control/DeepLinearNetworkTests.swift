import Dynamics
import Foundation
import MultiPrecision
import Testing

/// The end-to-end singular value of a deep linear network in the balanced, spectrally aligned case
/// (docs/theory.md §1.5 and §5.1–5.2): ẇ = w^{N−1}(λ − w^N), and in the end-to-end variable x = w^N,
/// ẋ = N x^{2−2/N}(λ − x). λ = 17/10, w(0) = 1/5, as in docs/theory.md's table.
@Suite("Deep linear network singular value")
struct DeepLinearNetworkTests {
    /// docs/theory.md §5.2, N ≥ 3: t(w) = (F(w) − F(w₀))/λ, F(w) = w^{2−N}/(2−N) + (w²/(2λ))·₂F₁(1, 2/N; 1+2/N; w^N/λ),
    /// with ₂F₁(1, 2/N; 1 + 2/N; z) = Σₖ 2/(2 + Nk) zᵏ (summed here until the terms vanish; z < 1/2 in these tests).
    static func implicitTime(_ w: BigFloat, w0: BigFloat, depth n: Int, lambda: BigFloat) -> BigFloat {
        func f(_ w: BigFloat) -> BigFloat {
            let z = BigFloat.pow(w, n) / lambda
            var sum = BigFloat(0), power = BigFloat(1)
            for k in 0..<100_000 {
                let term = BigFloat(2) * power / BigFloat(2 + n * k)
                sum = sum + term
                if term < sum.ulp { break }
                power = power * z
            }
            return BigFloat.pow(w, 2 - n) / BigFloat(2 - n) + w * w / (BigFloat(2) * lambda) * sum
        }
        return (f(w) - f(w0)) / lambda
    }

    @Test("docs/theory.md's 12-digit table w(2), w(5) for N = 3, 4, 6 (Double, default tolerance)",
          arguments: [(3, 2, "0.589682577775"), (3, 5, "1.19348304808"), (4, 2, "0.234347048406"),
                      (4, 5, "0.352458933343"), (6, 2, "0.201102999832"), (6, 5, "0.202816313547")])
    func table(depth: Int, time: Int, printed: String) throws {
        let problem = try ODEProblem(field: DeepLinearSingularValue(depth: depth, target: q(17, 10)),
                                     initialState: [q(1, 5)], from: q(0), to: q(time))
        let result = try integrate(problem, method: GaussLegendre(stages: 4), scalar: Double.self,
                                   options: IntegrationOptions(precision: 53))
        #expect(result.termination.isSuccess)
        let digits = printed.split(separator: ".")[1].count
        let rounded = (result.state[0] * pow(10, Double(digits))).rounded() / pow(10, Double(digits))
        #expect(abs(rounded - Double(printed)!) < 0.6 * pow(10, -Double(digits)), "w(\(time)) = \(result.state[0])")
    }

    @Test("w(t) against the 300-digit references (inverted implicit solution) at 256 bits",
          arguments: [(3, 2), (3, 5), (4, 2), (4, 5), (6, 2), (6, 5)])
    func references(depth: Int, time: Int) throws {
        let bits = 256
        let problem = try ODEProblem(field: DeepLinearSingularValue(depth: depth, target: q(17, 10)),
                                     initialState: [q(1, 5)], from: q(0), to: q(time))
        let (stages, tolerance) = gaussLegendreSetting(bits)
        let result = try integrate(problem, method: GaussLegendre(stages: stages), scalar: BigFloat.self,
                                   options: options(bits, tolerance: tolerance))
        #expect(result.termination.isSuccess)
        let exact = try reference("dln_N\(depth)_w\(time)", bits: bits + 64)
        expectClose(result.state[0], exact, within: BigFloat(256) * BigFloat(tolerance, precision: bits),
                    "N = \(depth), w(\(time))")
    }

    @Test("The implicit solution t(w(T)) = T holds along the computed trajectory (N = 3, T = 2)", arguments: [53, 256, 1024])
    func implicitSolution(bits: Int) throws {
        let problem = try ODEProblem(field: DeepLinearSingularValue(depth: 3, target: q(17, 10)),
                                     initialState: [q(1, 5)], from: q(0), to: q(2))
        let (stages, tolerance) = gaussLegendreSetting(bits)
        let w: BigFloat
        if bits == 53 {
            w = try integrate(problem, method: GaussLegendre(stages: stages), scalar: Double.self,
                              options: options(53, tolerance: tolerance)).state[0].exactBigFloat
        } else {
            w = try integrate(problem, method: GaussLegendre(stages: stages), scalar: BigFloat.self,
                              options: options(bits, tolerance: tolerance)).state[0]
        }
        withPrecision(bits + 64) {
            let lambda = BigFloat(Rational(numerator: 17, denominator: 10))
            let t = Self.implicitTime(w, w0: BigFloat(Rational(numerator: 1, denominator: 5)), depth: 3, lambda: lambda)
            // dt/dw = 1/ẇ ≈ 1/(0.59²·(1.7 − 0.2)) ≈ 2: the time error is about twice the error in w.
            expectClose(t, BigFloat(2), within: BigFloat(1024) * BigFloat(tolerance, precision: bits), "t(w(2)) at \(bits) bits")
        }
    }

    @Test("N = 2 is the logistic closed form: x(3) = λ/(1 + (λ/x₀ − 1)e^{−2λ·3}) with x₀ = 1/25", arguments: [53, 256])
    func depthTwo(bits: Int) throws {
        // x = w², ẋ = 2 x (λ − x) in the end-to-end variable (fractional power 2 − 2/N = 1).
        let problem = try ODEProblem(field: EndToEndSingularValue(depth: 2, target: q(17, 10)),
                                     initialState: [q(1, 25)], from: q(0), to: q(3))
        let (stages, tolerance) = gaussLegendreSetting(bits)
        let x: BigFloat
        if bits == 53 {
            x = try integrate(problem, method: GaussLegendre(stages: stages), scalar: Double.self,
                              options: options(53, tolerance: tolerance)).state[0].exactBigFloat
            #expect(abs(x.doubleValue - 1.69738167296492) < 1e-13)  // docs/theory.md's printed value
        } else {
            x = try integrate(problem, method: GaussLegendre(stages: stages), scalar: BigFloat.self,
                              options: options(bits, tolerance: tolerance)).state[0]
        }
        withPrecision(bits + 64) {
            let lambda = BigFloat(Rational(numerator: 17, denominator: 10))
            let exact = lambda / (BigFloat(1) + (lambda * BigFloat(25) - BigFloat(1)) * BigFloat.exp(BigFloat(-6) * lambda))
            expectClose(x, exact, within: BigFloat(256) * BigFloat(tolerance, precision: bits), "x(3) at \(bits) bits")
        }
    }

    @Test("The end-to-end form σ̇ = Nσ^{2−2/N}(λ − σ) (rational power) matches w^N from ẇ = w^{N−1}(λ − w^N)",
          arguments: [53, 256])
    func endToEndForm(bits: Int) throws {
        // N = 3: σ(0) = w(0)³ = 1/125; compare at t = 2.
        let sigmaProblem = try ODEProblem(field: EndToEndSingularValue(depth: 3, target: q(17, 10)),
                                          initialState: [q(1, 125)], from: q(0), to: q(2))
        let bitsUsed = bits == 53 ? 53 : bits
        let (stages, tolerance) = gaussLegendreSetting(bitsUsed)
        let sigma: BigFloat
        if bits == 53 {
            sigma = try integrate(sigmaProblem, method: GaussLegendre(stages: stages), scalar: Double.self,
                                  options: options(53, tolerance: tolerance)).state[0].exactBigFloat
        } else {
            sigma = try integrate(sigmaProblem, method: GaussLegendre(stages: stages), scalar: BigFloat.self,
                                  options: options(bits, tolerance: tolerance)).state[0]
        }
        let w = try reference("dln_N3_w2", bits: bits + 64)
        withPrecision(bits + 64) {
            expectClose(sigma, BigFloat.pow(w, 3), within: BigFloat(1024) * BigFloat(tolerance, precision: bits),
                        "σ(2) = w(2)³ at \(bits) bits")
        }
    }
}
