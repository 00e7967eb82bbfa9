import Claims
import MultiPrecision
import Testing

@Suite("deep-matrix-factorization-closed-form: aligned GF/GD follow §5.2, identity init with U ≠ V FAILs")
struct DeepMatrixFactorizationClosedFormKindTests {
    static let kind = "deep-matrix-factorization-closed-form"
    static let rotations = """
        singular_values = [[3, "1/2"]]
        left = [["3/5", "-4/5"], ["4/5", "3/5"]]
        right = [["5/13", "-12/13"], ["12/13", "5/13"]]
        alpha = "1/5"
        """

    static func body(model: String, dynamics: String, check: String = "") -> String {
        "[model]\n\(model)\n[dynamics]\n\(dynamics)\n[check]\n\(check)\n[numerics]\nprecision = 128"
    }

    @Test("GF at depth 3 (₂F₁ implicit solution) and GD at depth 2 (rectangular target) PASS; unaligned twin FAILs")
    func truthAndTwin() async throws {
        let flow = try claim(claimText(id: "gf", kind: Self.kind, Self.body(
            model: Self.rotations + "\ndepth = 3", dynamics: "horizon = 2\nsamples = 2", check: "relative_tolerance = \"1e-25\"")))
        let descent = try claim(claimText(id: "gd", kind: Self.kind, Self.body(
            model: "singular_values = [[3, \"1/2\"]]\nleft = [[\"1/3\", \"2/3\"], [\"2/3\", \"1/3\"], [\"2/3\", \"-2/3\"]]\nalpha = \"1/5\"",
            dynamics: "method = \"gd\"\nstep_size = \"1/20\"\nsteps = 30\nsamples = 3")))
        let twin = try claim(claimText(id: "twin", kind: Self.kind, expect: "fail", Self.body(
            model: Self.rotations + "\ninitialization = \"identity\"", dynamics: "horizon = 2\nsamples = 2",
            check: "relative_tolerance = \"1e-6\"")))
        let result = await ClaimEngine().check([flow, descent, twin])
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail])
        #expect(result.allMetExpectations)
    }

    @Test("A non-orthonormal U and α^N ≥ s at depth 3 are rejected with the key named")
    func badInput() {
        func message(_ model: String) -> String {
            do {
                _ = try claim(claimText(id: "bad", kind: Self.kind, Self.body(model: model, dynamics: "horizon = 1")))
                return "accepted"
            } catch {
                return "\(error)"
            }
        }
        #expect(message("singular_values = [[1]]\nleft = [[1], [1]]\nalpha = \"1/5\"").contains("left"))
        #expect(message("singular_values = [[1]]\nalpha = 1\ndepth = 3").contains("alpha"))
    }


    /// Depth 1: W_{k+1} = W_k − η(W_k − A) from UαVᵀ keeps the singular vectors, so σ_i(W_K) = s_i + (α − s_i)(1 − η)^K.
    @Test("GD at depth 1: σ_i(W_K) and the recursion's x_i equal s_i + (α − s_i)(1 − η)^K to 1e−35")
    func depthOneValues() async throws {
        let gd = try claim(claimText(id: "gd1", kind: Self.kind, Self.body(
            model: Self.rotations + "\ndepth = 1", dynamics: "method = \"gd\"\nstep_size = \"1/20\"\nsteps = 30\nsamples = 3")))
        let result = await ClaimEngine().check([gd])
        #expect(result.claims.map(\.verdict) == [.pass])
        let decay = Rational(numerator: 19, denominator: 20).power(30), alpha = Rational(numerator: 1, denominator: 5)
        for (i, s) in [Rational(3), Rational(numerator: 1, denominator: 2)].enumerated() {
            let exact = s + (alpha - s) * decay
            expectClose(try measuredValue(result, claim: 0, "σ_\(i + 1)(W) at the end"), exact, within: "1e-35")
            expectClose(try measuredValue(result, claim: 0, "x_\(i + 1) (scalar solution) at the end"), exact, within: "1e-35")
        }
    }
}
