import Foundation
import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// docs/theory.md §6.4's reference instance, exact decimals.
private func referenceModel() throws -> CoarseGradientModel {
    func q(_ s: String) -> Rational { try! Rational(parsing: s) }
    return try CoarseGradientModel(v: ["1", "-0.5", "2", "0.3"].map(q), vStar: ["0.8", "0.2", "1.5", "-0.4"].map(q),
                                   w: ["1", "0", "0.5"].map(q), wStar: ["0.3", "1", "-0.2"].map(q))
}

/// The coarse gradient and sample loss in Double, written out from the definitions (independent of the model).
private func doubleSample(_ z: [[Double]], v: [Double], vStar: [Double], w: [Double], wStar: [Double]) -> (g: [Double], loss: Double) {
    var out = 0.0, teacher = 0.0
    var g = [Double](repeating: 0, count: w.count)
    for i in z.indices {
        let zw = zip(z[i], w).map(*).reduce(0, +), zws = zip(z[i], wStar).map(*).reduce(0, +)
        if zw > 0 { out += v[i]; for k in w.indices { g[k] += v[i] * z[i][k] } }
        if zws > 0 { teacher += vStar[i] }
    }
    return (g.map { $0 * (out - teacher) }, (out - teacher) * (out - teacher) / 2)
}

@Suite("CoarseGradientModel: closed forms of docs/theory.md §6.4 against quadrature, finite differences and Monte Carlo")
struct CoarseGradientModelTests {
    @Test("Reference instance at 256 bits: θ, f, E g, ∇f, ⟨E g, ∇f⟩ equal the quadrature values of coarse_gradient.py to 1e−28")
    func referenceValues() throws {
        try withPrecision(256) {
            let model = try referenceModel()
            // Tests/ClaimsTests/References/coarse_gradient.py (mpmath, 40 digits; quadrature and mpmath.diff).
            func close(_ x: BigFloat, _ s: String) -> Bool { BigFloat.abs(x - BigFloat(s)!) < BigFloat("1e-28")! }
            #expect(close(model.theta, "1.40171051881699543470155346585"))
            #expect(close(model.populationLoss, "1.01865918511599538073476707841"))
            let eg = model.expectedCoarseGradient, grad = model.populationGradient
            #expect(close(eg[0], "1.10087808741163452794397119482"))
            #expect(close(eg[1], "-0.671775057932961285564914190506"))
            #expect(close(eg[2], "0.785560313982353713919705564087"))
            #expect(close(grad[0], "-0.0680886960833280531143307306095"))
            #expect(close(grad[1], "-0.486347829166628950816648075782"))
            #expect(close(grad[2], "0.136177392166656106228661461219"))
            #expect(close(model.correlation, "0.358734542543152369806350695497"))
            let inner = zip(eg, grad).reduce(BigFloat(0)) { $0 + $1.0 * $1.1 }
            #expect(close(inner, "0.358734542543152369806350695497"))
        }
    }

    @Test("∇_w f equals a central finite difference of f (h = 1e−25, 256 bits) to 1e−45")
    func finiteDifference() throws {
        try withPrecision(256) {
            let model = try referenceModel()
            let h = try Rational(parsing: "1e-25")
            let gradient = model.populationGradient
            for k in 0..<3 {
                var plus = model.w, minus = model.w
                plus[k] += h
                minus[k] -= h
                let fPlus = try CoarseGradientModel(v: model.v, vStar: model.vStar, w: plus, wStar: model.wStar).populationLoss
                let fMinus = try CoarseGradientModel(v: model.v, vStar: model.vStar, w: minus, wStar: model.wStar).populationLoss
                let difference = (fPlus - fMinus) / BigFloat(2 * h)
                #expect(BigFloat.abs(difference - gradient[k]) < BigFloat("1e-45")!)
            }
        }
    }

    @Test("Seeded Monte Carlo (5·10⁴ samples, Double) agrees with E g and f within 4 standard errors; the model's g and ℓ equal the Double ones")
    func monteCarlo() throws {
        try withPrecision(64) {
            func q(_ s: String) -> Rational { try! Rational(parsing: s) }
            let model = try CoarseGradientModel(v: ["0.7", "-1.2", "0.4", "1.1", "-0.3"].map(q),
                                                vStar: ["1", "-0.5", "0.9", "0.2", "0.6"].map(q),
                                                w: ["0.5", "-1", "0.25"].map(q), wStar: ["1", "0.5", "-0.75"].map(q))
            let v = model.v.map { Double($0) }, vs = model.vStar.map { Double($0) }
            let w = model.w.map { Double($0) }, ws = model.wStar.map { Double($0) }
            var sampler = GaussianSampler(seed: 11)
            // The model's single-sample g and ℓ against the Double definitions on a few inputs.
            for _ in 0..<5 {
                let z = Matrix<BigFloat>(rows: 5, columns: 3) { _, _ in sampler.next() }
                let zd = (0..<5).map { i in (0..<3).map { Double(z[i, $0]) } }
                let (g, loss) = doubleSample(zd, v: v, vStar: vs, w: w, wStar: ws)
                #expect(zip(model.coarseGradient(z), g).allSatisfy { abs(Double($0) - $1) < 1e-12 })
                #expect(abs(Double(model.sampleLoss(z)) - loss) < 1e-12)
            }
            var rng = SeededGenerator(seed: 5)
            func normal() -> Double {
                let u1 = (Double(rng.uniform(in: 0...((1 << 53) - 1))) + 0.5) / 9007199254740992
                let u2 = Double(rng.uniform(in: 0...((1 << 53) - 1))) / 9007199254740992
                return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
            }
            let count = 50_000
            var sum = [Double](repeating: 0, count: 4), sumSquares = [Double](repeating: 0, count: 4)
            for _ in 0..<count {
                let z = (0..<5).map { _ in (0..<3).map { _ in normal() } }
                let (g, loss) = doubleSample(z, v: v, vStar: vs, w: w, wStar: ws)
                for (k, x) in (g + [loss]).enumerated() { sum[k] += x; sumSquares[k] += x * x }
            }
            let reference = model.expectedCoarseGradient.map { Double($0) } + [Double(model.populationLoss)]
            for k in 0..<4 {
                let mean = sum[k] / Double(count)
                let standardError = ((sumSquares[k] / Double(count) - mean * mean) / Double(count)).squareRoot()
                #expect(abs(mean - reference[k]) < 4 * standardError, "component \(k): \(mean) vs \(reference[k]) ± \(standardError)")
            }
        }
    }

    @Test("vᵀv* = 0 gives exactly zero ∇f and correlation; w ∥ w* is a typed error")
    func degenerate() throws {
        let model = try CoarseGradientModel(v: [1, 1, 0], vStar: [1, -1, 2], w: [1, 0, 2], wStar: [0, 1, 1])
        #expect(model.vDotVStar == 0)
        #expect(model.correlation.isZero && model.populationGradient.allSatisfy(\.isZero))
        #expect(throws: CoarseGradientModelError.parallelWeights) {
            try CoarseGradientModel(v: [1], vStar: [1], w: [1, 2], wStar: [-2, -4])
        }
    }

    @Test("sampledCorrelations: each value is ⟨g(Z_s), ∇f⟩ of the Double definitions on the same seeded Z_s; 4000 samples average to ⟨E g, ∇f⟩ within 4 standard errors")
    func sampledCorrelations() throws {
        try withPrecision(64) {
            let model = try referenceModel()
            var checkpoints = 0
            let values = model.sampledCorrelations(count: 4000, seed: 3) { checkpoints += 1 }
            #expect(values.count == 4000 && checkpoints == 4000)
            let grad = model.populationGradient.map { Double($0) }
            var sampler = GaussianSampler(seed: 3)
            for s in 0..<5 {
                let z = (0..<4).map { _ in (0..<3).map { _ in Double(sampler.next()) } }
                let (g, _) = doubleSample(z, v: model.v.map { Double($0) }, vStar: model.vStar.map { Double($0) },
                                          w: model.w.map { Double($0) }, wStar: model.wStar.map { Double($0) })
                #expect(abs(Double(values[s]) - zip(g, grad).map(*).reduce(0, +)) < 1e-12)
            }
            let x = values.map { Double($0) }, mean = x.reduce(0, +) / Double(x.count)
            let standardError = ((x.map { $0 * $0 }.reduce(0, +) / Double(x.count) - mean * mean) / Double(x.count)).squareRoot()
            #expect(abs(mean - Double(model.correlation)) < 4 * standardError, "\(mean) vs \(Double(model.correlation)) ± \(standardError)")
        }
    }

    @Test("sampledCorrelations stops at a throwing checkpoint")
    func sampledCorrelationsStop() throws {
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            _ = try referenceModel().sampledCorrelations(count: 10, seed: 1) { calls += 1; if calls == 3 { throw Stop() } }
        }
        #expect(calls == 3)
    }
}
