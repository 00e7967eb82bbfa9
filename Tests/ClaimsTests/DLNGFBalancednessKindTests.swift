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
        // Every instance is checked at the 64 default output times, through dense output.
        #expect(result.claims.allSatisfy { $0.instances.allSatisfy { $0.statistics["output times"] == "64" } })
        #expect(result.claims[0].instances.allSatisfy { Int($0.statistics["dense-output evaluations"] ?? "0")! > 0 })
    }

    @Test("quartic loss ¼‖WX − Y‖⁴_F (a second loss of the product): conserved at depths 2–4, non-square; with a first-layer penalty it FAILs")
    func quartic() async throws {
        let body = """
            [model]
            loss = "quartic"
            samples = 3
            data_scale = "1/2"
            [dynamics]
            horizon = 1
            [check]
            output_times = 16
            [numerics]
            precision = 128
            tolerance = "1e-25"
            """
        let truth = try claim(claimText(id: "quartic", kind: "dln-gf-balancedness",
                                        body + "\n[grid]\nwidths = [[2, 3, 2], [3, 2, 4, 2], [2, 2, 3, 2, 1]]\nseed = [1]"))
        let twin = try claim(claimText(id: "quartic-penalty", kind: "dln-gf-balancedness", expect: "fail",
                                       body.replacingOccurrences(of: "horizon = 1", with: "horizon = 1\nfirst_layer_penalty = \"1/5\"")
                                           + "\n[grid]\nwidths = [[2, 3, 2]]\nseed = [1]"))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        #expect(result.claims[0].instances.allSatisfy { $0.statistics["loss"] == "quartic" })
        // The quartic flow really moves the weights: the final loss is below the initial ¼‖W(0)X − Y‖⁴ > 0.
        let finalLoss = try #require(result.claims[0].instances[0].measurements.first { $0.name == "L(W(T))" })
        #expect(BigFloat(finalLoss.value, precision: 128)! > 0)
    }

    @Test("logistic loss Σ ln(1 + e^{−y·WX}) (transcendental, labels ±1): conserved at depths 2 and 3; with a first-layer penalty it FAILs")
    func logistic() async throws {
        let body = """
            [model]
            loss = "logistic"
            Y = [[1, -1, 1, -1]]
            [dynamics]
            horizon = 1
            [check]
            output_times = 8
            [numerics]
            precision = 128
            tolerance = "1e-25"
            """
        let truth = try claim(claimText(id: "logistic", kind: "dln-gf-balancedness",
                                        body + "\n[grid]\nwidths = [[3, 2, 1], [2, 3, 2, 1]]"))
        let twin = try claim(claimText(id: "logistic-penalty", kind: "dln-gf-balancedness", expect: "fail",
                                       body.replacingOccurrences(of: "horizon = 1", with: "horizon = 1\nfirst_layer_penalty = \"1/5\"")
                                           + "\n[grid]\nwidths = [[3, 2, 1]]"))
        let result = await ClaimEngine().check([truth, twin])
        #expect(result.isComplete && result.allMetExpectations)
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        // The logistic loss at T is finite and positive (every term ln(1 + e^{−m}) > 0).
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
