import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// The `BigFloat` entry points of `DeepLinearNetwork` (pre-specialized for `BigFloat`) against a plain reference
/// written here entry by entry with the same roundings: a product entry is one `mpfr_mul` then one `mpfr_fma` per
/// further term (`addProduct`), a scalar multiple and a difference are one rounding each. The results must agree
/// bit for bit (value and precision).
@Suite("DeepLinearNetwork over BigFloat: bit for bit against an entrywise reference")
struct DeepLinearNetworkBigFloatTests {
    typealias M = [[BigFloat]]

    func product(_ a: M, _ b: M) -> M {
        a.indices.map { i in
            b[0].indices.map { j in
                var entry = a[i][0] * b[0][j]
                for k in 1..<b.count { entry.addProduct(a[i][k], b[k][j]) }
                return entry
            }
        }
    }

    func transposed(_ a: M) -> M { a[0].indices.map { j in a.indices.map { i in a[i][j] } } }
    func difference(_ a: M, _ b: M) -> M { zip(a, b).map { zip($0, $1).map { $0 - $1 } } }
    func scaled(_ s: BigFloat, _ a: M) -> M { a.map { $0.map { s * $0 } } }
    func entries(_ m: Matrix<BigFloat>) -> M { (0..<m.rowCount).map { i in (0..<m.columnCount).map { m[i, $0] } } }

    /// G_j = W_{N:j+1}ᵀ · outer · W_{j−1:1}ᵀ with the products associated as in `layerGradients`.
    func layerGradients(_ w: [M], outer: M) -> [M] {
        let n = w.count
        var prefix = [w[0]]                                     // prefix[j] = W_{j+1:1}
        for j in 1..<n { prefix.append(product(w[j], prefix[j - 1])) }
        var suffix = Array(repeating: w[n - 1], count: n + 1)   // suffix[j] = W_{N:j+1}
        for j in stride(from: n - 2, through: 1, by: -1) { suffix[j] = product(suffix[j + 1], w[j]) }
        return (0..<n).map { j in
            let left = j == n - 1 ? outer : product(transposed(suffix[j + 1]), outer)
            return j == 0 ? left : product(left, transposed(prefix[j - 1]))
        }
    }

    func expectIdentical(_ a: Matrix<BigFloat>, _ b: M) {
        #expect(entries(a) == b)
        #expect(zip(entries(a).joined(), b.joined()).allSatisfy { $0.precision == $1.precision })
    }

    @Test("endToEnd, the minibatch gradients, one SGD step and the loss: bit for bit at 100 bits, depth 3")
    func minibatchStep() throws {
        try withPrecision(100) {
            var rng = SeededGenerator(seed: 20)
            func random(_ r: Int, _ c: Int) -> M {
                (0..<r).map { _ in (0..<c).map { _ in BigFloat(Rational(numerator: BigInt(rng.uniform(in: -9...9)), denominator: 7)) } }
            }
            let widths = [3, 4, 2, 2]
            let w = (1..<widths.count).map { random(widths[$0], widths[$0 - 1]) }
            let x = random(3, 5), y = random(2, 5), batch = [4, 1, 4]
            let network = try DeepLinearNetwork(layers: w.map { try Matrix(rows: $0) })
            let eta = BigFloat(Rational(numerator: 1, denominator: 3))

            let endToEnd = product(w[2], product(w[1], w[0]))
            expectIdentical(network.endToEnd, endToEnd)

            let xB = x.map { row in batch.map { row[$0] } }, yB = y.map { row in batch.map { row[$0] } }
            let weight = BigFloat(5) / BigFloat(3)
            let outer = scaled(weight, product(difference(product(endToEnd, xB), yB), transposed(xB)))
            let gradients = layerGradients(w, outer: outer)
            let computed = try network.minibatchSquareLossGradients(x: try Matrix(rows: x), y: try Matrix(rows: y), batch: batch)
            #expect(computed.count == 3)
            for (g, reference) in zip(computed, gradients) { expectIdentical(g, reference) }

            let step = network.gradientDescentStep(stepSize: eta, gradients: computed)
            for (layer, (wj, gj)) in zip(step.layers, zip(w, gradients)) { expectIdentical(layer, difference(wj, scaled(eta, gj))) }

            let full = layerGradients(w, outer: product(difference(product(endToEnd, x), y), transposed(x)))
            for (g, reference) in zip(try network.squareLossGradients(x: try Matrix(rows: x), y: try Matrix(rows: y)), full) {
                expectIdentical(g, reference)
            }

            var sum = BigFloat(0)
            for entry in difference(product(endToEnd, x), y).joined() { sum.addProduct(entry, entry) }
            let loss = try network.squareLoss(x: try Matrix(rows: x), y: try Matrix(rows: y))
            #expect(loss == sum / 2 && loss.precision == 100)
        }
    }

    @Test("DeepLinearMinibatchDescent: 40 steps bit for bit as minibatch gradients then a descent step",
          arguments: [[2, 3], [3, 2, 2], [2, 4, 3, 2], [3, 2, 4, 2, 1]])
    func preallocatedDescent(widths: [Int]) throws {
        try withPrecision(90) {
            var rng = SeededGenerator(seed: UInt64(widths.count * 10 + widths[1]))
            func random(_ r: Int, _ c: Int) throws -> Matrix<BigFloat> {
                try Matrix(rows: (0..<r).map { _ in (0..<c).map { _ in
                    BigFloat(Rational(numerator: BigInt(rng.uniform(in: -9...9)), denominator: 11)) } })
            }
            let layers = try (1..<widths.count).map { try random(widths[$0], widths[$0 - 1]) }
            let x = try random(widths[0], 5), y = try random(widths[widths.count - 1], 5)
            var network = try DeepLinearNetwork(layers: layers)
            var descent = try DeepLinearMinibatchDescent(network, x: x, y: y, batchSize: 2)
            for k in 0..<40 {
                let batch = [rng.uniform(in: 0...4), k % 5]
                let eta = BigFloat(Rational(numerator: 1, denominator: BigInt(20 + k)))
                network = network.gradientDescentStep(
                    stepSize: eta, gradients: try network.minibatchSquareLossGradients(x: x, y: y, batch: batch))
                descent.step(batch: batch, stepSize: eta)
                #expect(descent.layers.map(entries) == network.layers.map(entries), "step \(k)")
            }
            #expect(descent.layers.allSatisfy { $0.elements.allSatisfy { $0.precision == 90 } })
            #expect(try descent.network.squareLoss(x: x, y: y) == network.squareLoss(x: x, y: y))
        }
    }
}
