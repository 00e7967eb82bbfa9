import Claims
import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("dln-gf-balancedness: conserved under gradient flow, e^{−2λt} under weight decay; twins FAIL")
struct DLNGFBalancednessKindTests {
    static let body = """
        [model]
        widths = [2, 3, 2]
        samples = 3
        data_scale = "1/2"
        [dynamics]
        horizon = 1
        [numerics]
        precision = 128
        tolerance = "1e-25"
        [grid]
        seed = [1, 2]
        """

    @Test("conservation and the weight-decay law PASS; conservation under weight decay or a first-layer penalty FAILs")
    func verdicts() async throws {
        let kind = "dln-gf-balancedness"
        let conserved = try claim(claimText(id: "gf", kind: kind, Self.body))
        let decayLaw = try claim(claimText(id: "wd", kind: kind,
                                           Self.body.replacingOccurrences(of: "horizon = 1", with: "horizon = 1\nweight_decay = \"1/5\"")
                                               + "\n[check]\ndecay_rate = \"1/5\""))
        let decayTwin = try claim(claimText(id: "wd-twin", kind: kind, expect: "fail",
                                            Self.body.replacingOccurrences(of: "horizon = 1", with: "horizon = 1\nweight_decay = \"1/5\"")))
        let penaltyTwin = try claim(claimText(id: "pen-twin", kind: kind, expect: "fail",
                                              Self.body.replacingOccurrences(of: "horizon = 1", with: "horizon = 1\nfirst_layer_penalty = \"1/5\"")))
        let result = await ClaimEngine().check([conserved, decayLaw, decayTwin, penaltyTwin])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.pass, .pass, .fail, .fail])
        let counterexample = try #require(result.claims[3].counterexample)
        #expect(counterexample.location?.hasPrefix("t = 1, j = 1") == true)
        // Every instance is sampled at t = 0 and the 64 default output times, through dense output.
        #expect(result.claims.allSatisfy { $0.instances.allSatisfy { $0.statistics["output times"] == "65" } })
        #expect(result.claims[0].instances.allSatisfy { Int($0.statistics["dense-output evaluations"] ?? "0")! > 0 })
    }

    /// A loss of the product other than the square loss, with its data and the widths of its true and twin claims.
    struct OtherLoss: Sendable, CustomTestStringConvertible {
        /// `quartic` or `logistic`.
        var loss: String
        /// Extra `[model]` lines (data).
        var model: String
        /// The grid of the true claim.
        var widths: String
        /// The grid of the twin (first-layer penalty).
        var twinWidths: String
        /// The loss, as the test case's name.
        var testDescription: String { loss }
    }

    static let otherLosses = [
        // ¼‖WX − Y‖⁴_F: depths 2–4, non-square.
        OtherLoss(loss: "quartic", model: "samples = 3\ndata_scale = \"1/2\"",
                  widths: "[[2, 3, 2], [3, 2, 4, 2], [2, 2, 3, 2, 1]]", twinWidths: "[[2, 3, 2]]"),
        // Σ ln(1 + e^{−y·WX}), transcendental, labels ±1: depths 2 and 3.
        OtherLoss(loss: "logistic", model: "Y = [[1, -1, 1, -1]]", widths: "[[3, 2, 1], [2, 3, 2, 1]]", twinWidths: "[[3, 2, 1]]"),
    ]

    @Test("other losses of the product (quartic, logistic): conserved; with a first-layer penalty the twin FAILs",
          arguments: otherLosses)
    func otherLoss(_ case_: OtherLoss) async throws {
        let body = """
            [model]
            loss = "\(case_.loss)"
            \(case_.model)
            [dynamics]
            horizon = 1
            [check]
            output_times = 8
            [numerics]
            precision = 128
            tolerance = "1e-25"
            """
        let truth = try claim(claimText(id: case_.loss, kind: "dln-gf-balancedness",
                                        body + "\n[grid]\nwidths = \(case_.widths)"))
        let twin = try claim(claimText(id: case_.loss + "-penalty", kind: "dln-gf-balancedness", expect: "fail",
                                       body.replacingOccurrences(of: "horizon = 1", with: "horizon = 1\nfirst_layer_penalty = \"1/5\"")
                                           + "\n[grid]\nwidths = \(case_.twinWidths)"))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.claims[0].instances.allSatisfy { $0.statistics["loss"] == case_.loss })
        // Both losses are positive away from their (unattained) minimum.
        let finalLoss = try #require(result.claims[0].instances[0].measurements.first { $0.name == "L(W(T))" })
        #expect(BigFloat(finalLoss.value, precision: 128)! > 0)
    }

    /// Two 2 × 2 layers with D_1(0) = W_2ᵀW_2 − W_1W_1ᵀ ≠ 0, exact.
    static let weights = #"[[["1", "1/2"], ["0", "1"]], [["1/2", "0"], ["1", "-1"]]]"#

    @Test("the maximum over output times is interior for a wrong rate, and its size is the closed form |e^{−2λt} − e^{−2ρt}|·‖D_1(0)‖_F")
    func denseMaximum() async throws {
        let lambda = Rational(1), rho = Rational(numerator: 1, denominator: 2)
        let text = claimText(id: "wrong-rate", kind: "dln-gf-balancedness", expect: "fail", """
            [model]
            widths = [2, 2, 2]
            X = [["1", "0"], ["0", "1"]]
            Y = [["1", "0"], ["1", "1"]]
            weights = \(Self.weights)
            [dynamics]
            horizon = 4
            weight_decay = 1
            [check]
            decay_rate = "1/2"
            output_times = 40
            [numerics]
            precision = 128
            tolerance = "1e-25"
            """)
        let result = await ClaimEngine().check([try claim(text)])
        #expect(result.claims[0].verdict == .fail)
        let instance = try #require(result.claims[0].instances.first)
        let timeText = try #require(instance.measurements.first { $0.name == "t of the maximum" }?.exact)
        let time = try #require(Rational(timeText))
        // |e^{−2t} − e^{−t}| peaks at t = ln 2 ≈ 0.69; the relative measure moves the peak, but it stays inside (0, T).
        #expect(time > 0 && time < 4)
        #expect(instance.location?.hasPrefix("t = \(time), j = 1") == true)
        let half = Rational(numerator: 1, denominator: 2)
        let layers = [try Matrix<Rational>(rows: [[1, half], [0, 1]]), try Matrix<Rational>(rows: [[half, 0], [1, -1]])]
        let d0 = try DeepLinearNetwork(layers: layers).balancedness[0]
        try withPrecision(128) {
            let norm = BigFloat.sqrt(BigFloat(d0.frobeniusInnerProduct(d0)))
            let expected = BigFloat.abs(BigFloat.exp(BigFloat(-2 * lambda * time)) - BigFloat.exp(BigFloat(-2 * rho * time))) * norm
            let measured = try #require(instance.measurements.first { $0.name.hasPrefix("‖D_j(t) − e^{−2ρt}D_j(0)‖_F at that") })
            #expect(BigFloat.abs(BigFloat(measured.value, precision: 128)! - expected) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(25))))
        }
    }
}
