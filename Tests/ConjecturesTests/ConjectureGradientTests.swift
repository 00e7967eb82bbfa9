import Conjectures
import MultiPrecision
import Symbolic
import Testing

/// The automatically derived gradient against gradients written by hand with explicit matrix formulas, for
/// F = W2 σ(W1 X) with σ = identity or tanh and the square, logistic and exponential losses.
@Suite("Conjecture language: automatic gradients")
struct ConjectureGradientTests {
    enum Loss: String, CaseIterable { case square, logistic, exponential }

    static let dimensions = ["d0": 3, "d1": 4, "d2": 2, "m": 5]

    func check(loss: Loss, tanh: Bool, bits: Int) throws {
        let network = tanh ? "W2 tanh(W1 X)" : "W2 W1 X"
        let text: String
        switch loss {
        case .square: text = "1/2 norm2(F - Y)"
        case .logistic: text = "sum(softplus(-(Y ∘ F)))"
        case .exponential: text = "sum(exp(-(Y ∘ F)))"
        }
        let program = try ConjectureProgram(
            symbols: ConjectureParserTests.symbols, definitions: [ConjectureDefinition(name: "F", text: network)],
            dynamics: .gradientFlow(loss: text, over: nil, extra: [:]))
        let d = Self.dimensions
        let values: [String: [Rational]] = [
            "X": randomEntries(d["d0"]! * d["m"]!, seed: 1), "Y": randomEntries(d["d2"]! * d["m"]!, seed: 2),
            "W1": randomEntries(d["d1"]! * d["d0"]!, seed: 3, scale: Rational(numerator: 1, denominator: 2)),
            "W2": randomEntries(d["d2"]! * d["d1"]!, seed: 4, scale: Rational(numerator: 1, denominator: 2)),
        ]
        let bound = try program.bind(dimensions: d, parameters: [:], values: values)
        try withPrecision(bits) {
            let state = bound.initialState.map { BigFloat($0) }
            let automatic = try program.lossGradients.map { try bound.evaluate($0, state: state).entries }
            // By hand: Z = W1 X, H = σ(Z), F = W2 H, G = ∂L/∂F; ∂W2 = G Hᵀ, ∂W1 = ((W2ᵀG) ∘ σ'(Z)) Xᵀ.
            let x = Dense(d["d0"]!, d["m"]!, rational: values["X"]!), y = Dense(d["d2"]!, d["m"]!, rational: values["Y"]!)
            let w1 = Dense(d["d1"]!, d["d0"]!, rational: values["W1"]!), w2 = Dense(d["d2"]!, d["d1"]!, rational: values["W2"]!)
            let z = w1 * x
            let h = tanh ? z.map { BigFloat.tanh($0) } : z
            let f = w2 * h
            let g: Dense
            switch loss {
            case .square: g = Dense.zip(f, y) { $0 - $1 }
            case .logistic: g = Dense.zip(f, y) { f, y in -y / (1 + BigFloat.exp(y * f)) }
            case .exponential: g = Dense.zip(f, y) { f, y in -y * BigFloat.exp(-(y * f)) }
            }
            let gradW2 = g * h.t
            var back = w2.t * g
            if tanh { back = Dense.zip(back, h) { b, t in b * (1 - t * t) } }
            let gradW1 = back * x.t
            for (auto, hand) in zip(automatic, [gradW1.e, gradW2.e]) {
                let deviation = largestDifference(auto, hand)
                let tolerance = 8 * unitRoundoff(bits) * BigFloat.maximum(1, largestMagnitude(hand))
                #expect(deviation <= tolerance, "\(loss) \(tanh ? "tanh" : "linear") at \(bits) bits: deviation \(deviation.doubleValue)")
                #expect(largestMagnitude(hand) > BigFloat(Rational(numerator: 1, denominator: 100)))
            }
        }
    }

    @Test("square, logistic and exponential losses of linear and tanh networks, at 256 and 1024 bits",
          arguments: Loss.allCases, [false, true])
    func gradients(loss: Loss, tanh: Bool) throws {
        try check(loss: loss, tanh: tanh, bits: 256)
        try check(loss: loss, tanh: tanh, bits: 1024)
    }

    @Test("the gradient of a trace polynomial prints as an expression and is exact in Rational")
    func printedAndExact() throws {
        var program = try ConjectureProgram(
            symbols: [.matrix("A", "n", "n", role: .data), .matrix("W", "n", "n", role: .variable)],
            dynamics: .gradientFlow(loss: "tr(W' A W)", over: nil, extra: [:]))
        let g = try program.gradient(of: program.loss!, withRespectTo: "W")
        // ∂ tr(Wᵀ A W)/∂W = (A + Aᵀ) W.
        let a = randomEntries(9, seed: 5), w = randomEntries(9, seed: 6)
        let bound = try program.bind(dimensions: ["n": 3], parameters: [:], values: ["A": a, "W": w])
        let exact = try bound.evaluateExactly(g, state: w)
        var expected: [Rational] = []
        for i in 0..<3 { for j in 0..<3 {
            var s = Rational(0)
            for k in 0..<3 { s += (a[i * 3 + k] + a[k * 3 + i]) * w[k * 3 + j] }
            expected.append(s)
        } }
        #expect(exact == expected)
        #expect(!program.text(of: g).isEmpty)
    }
}
