import Claims
import MultiPrecision
import Testing

@Suite("dln-gf-loss-monotone: gradient flow descends its objective; with weight decay the loss itself rises")
struct DLNGFLossMonotoneKindTests {
    /// From W_1 = W_2 = I with X = Y = I (two dimensions), the flow with weight decay λ keeps W_j = w(t)I, and
    /// u = w² solves u̇ = 2u(c − u) with c = 1 − λ, u(0) = 1: u(t) = c/(1 − λe^{−2ct}). So L(t) = (u(t) − 1)².
    static let interpolating = """
        [model]
        widths = [2, 2, 2]
        X = [[1, 0], [0, 1]]
        Y = [[1, 0], [0, 1]]
        weights = [[[1, 0], [0, 1]], [[1, 0], [0, 1]]]
        [dynamics]
        horizon = 1
        weight_decay = "1/10"
        [check]
        output_times = 16
        [numerics]
        precision = 128
        """

    static let random = """
        [model]
        widths = [2, 3, 2]
        samples = 3
        data_scale = "1/2"
        [dynamics]
        horizon = 1
        [check]
        output_times = 16
        [numerics]
        precision = 128
        [grid]
        seed = [1, 2]
        """

    @Test("L falls without penalties and Φ falls with them (PASS); L under weight decay rises from 0 (FAIL)")
    func verdicts() async throws {
        let kind = "dln-gf-loss-monotone"
        let loss = try claim(claimText(id: "loss", kind: kind, Self.random))
        let objective = try claim(claimText(id: "objective", kind: kind, Self.interpolating.replacingOccurrences(
            of: "output_times = 16", with: "output_times = 16\nobservable = \"objective\"")))
        let twin = try claim(claimText(id: "twin", kind: kind, expect: "fail", Self.interpolating))
        let result = await ClaimEngine().check([loss, objective, twin])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail])
        #expect(result.claims[0].instances.allSatisfy { $0.statistics["output times"] == "17" })
    }

    @Test("The loss of the interpolating start under weight decay follows the closed form (u(T) − 1)²")
    func closedForm() async throws {
        let twin = try claim(claimText(id: "twin", kind: "dln-gf-loss-monotone", expect: "fail", Self.interpolating))
        let result = await ClaimEngine().check([twin])
        let instance = try #require(result.claims.first?.instances.first)
        let first = try #require(instance.measurements.first { $0.name == "L: e at the first sample checked" })
        let last = try #require(instance.measurements.first { $0.name == "L: e at the last sample" })
        #expect(first.value == "0")
        let (measured, expected) = withPrecision(256) { () -> (BigFloat?, BigFloat) in
            let lambda = BigFloat(Rational(numerator: 1, denominator: 10)), c = 1 - lambda
            let u = c / (1 - lambda * BigFloat.exp(-2 * c))
            return (BigFloat(last.value), (u - 1) * (u - 1))
        }
        // The run is at 128 bits, with the integrator's tolerance 2^−118: agreement to 2^−100 relative.
        let value = try #require(measured)
        #expect(BigFloat.abs(value - expected) < BigFloat(1).scaled(byPowerOfTwo: -100) * expected)
    }
}
