import Dynamics
import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// The in-place gradient-descent map of a deep linear network against the value expressions it replaces.
@Suite("DeepLinearGradientDescent: the in-place step equals the value expressions bit for bit")
struct DeepLinearGradientDescentTests {
    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    /// The layer gradients as matrix expressions, every product a new value and the transposes formed:
    /// (W_{N:j+1}ᵀ ((W X − Y) Xᵀ)) W_{j−1:1}ᵀ, with W = W_N(⋯(W_2 W_1)) and W_{j:1} = W_j(⋯(W_1 I)).
    static func referenceGradients<T: IntegrationScalar>(_ field: DeepLinearNetworkGradientFlow, _ layers: [Matrix<T>]) -> [Matrix<T>] {
        func rounded(_ m: Matrix<Rational>) -> Matrix<T> { Matrix(rows: m.rowCount, columns: m.columnCount) { T(m[$0, $1]) } }
        let depth = layers.count
        let w = layers.dropFirst().reduce(layers[0]) { product, layer in layer * product }
        let x = rounded(field.x), outer = (w * x - rounded(field.y)) * x.transposed()
        var prefix = [Matrix<T>.identity(field.widths[0])]
        for layer in layers.dropLast() { prefix.append(layer * prefix[prefix.count - 1]) }
        var suffix = [Matrix<T>](repeating: .identity(field.widths[depth]), count: depth + 1)
        for j in stride(from: depth - 1, through: 0, by: -1) { suffix[j] = suffix[j + 1] * layers[j] }
        return (0..<depth).map { j in suffix[j + 1].transposed() * outer * prefix[j].transposed() }
    }

    /// One step as matrix expressions: W_j − η·G_j with the reference gradients.
    static func referenceStep<T: IntegrationScalar>(_ field: DeepLinearNetworkGradientFlow, eta: Rational, _ state: [T]) -> [T] {
        let layers: [Matrix<T>] = field.layers(of: state), gradients = referenceGradients(field, layers)
        return (0..<layers.count).flatMap { j in (layers[j] - T(eta) * gradients[j]).elements }
    }

    /// Bit for bit: equal values, equal signs (zeros included) and, for `BigFloat`, equal precisions.
    static func identical(_ a: [BigFloat], _ b: [BigFloat]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 && $0.sign == $1.sign && $0.precision == $1.precision }
    }

    /// `squareLossGradients` and the full-batch `minibatchSquareLossGradients` (weight m/b = 1) round exactly as the
    /// reference expressions that the in-place map reproduces.
    @Test("squareLossGradients and the full-batch minibatch gradients equal the reference expressions bit for bit (256 bits)")
    func gradientsAreBitIdentical() throws {
        let widths = [3, 4, 2, 3]
        let x = Matrix<Rational>(rows: 3, columns: 6) { Self.r(($0 * 5 + $1 * 3) % 7 - 3, 4) }
        let y = Matrix<Rational>(rows: 3, columns: 6) { Self.r(($0 * 2 + $1) % 5 - 2, 3) }
        let field = try DeepLinearNetworkGradientFlow(widths: widths, x: x, y: y)
        let exact = (1..<widths.count).map { j in
            Matrix<Rational>(rows: widths[j], columns: widths[j - 1]) { Self.r(($0 * 7 + $1 * 2 + j) % 11 - 5, 9) }
        }
        try withPrecision(256) {
            func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> { Matrix(rows: m.rowCount, columns: m.columnCount) { BigFloat(m[$0, $1]) } }
            let layers = exact.map(rounded), network = try DeepLinearNetwork(layers: layers)
            let expected = Self.referenceGradients(field, layers).flatMap(\.elements)
            let full = try network.squareLossGradients(x: rounded(x), y: rounded(y)).flatMap(\.elements)
            let batch = try network.minibatchSquareLossGradients(x: rounded(x), y: rounded(y), batch: Array(0..<6)).flatMap(\.elements)
            #expect(Self.identical(full, expected))
            #expect(Self.identical(batch, expected))
            #expect(expected.contains { !$0.isZero })
        }
    }

    /// Widths 3 → 4 → 2 → 3 (and depth 1, 3 → 2) on six samples, η = 1/40, 30 steps at 256 bits and in `Double`.
    @Test("Widths 3-4-2-3 and 3-2, 30 steps: iterate(map) equals the value expressions at 256 bits and in Double")
    func inPlaceStepIsBitIdentical() throws {
        let x = Matrix<Rational>(rows: 3, columns: 6) { Self.r(($0 * 5 + $1 * 3) % 7 - 3, 4) }
        for widths in [[3, 4, 2, 3], [3, 2]] {
            let out = widths[widths.count - 1]
            let y = Matrix<Rational>(rows: out, columns: 6) { Self.r(($0 * 2 + $1) % 5 - 2, 3) }
            let field = try DeepLinearNetworkGradientFlow(widths: widths, x: x, y: y)
            let layers = (1..<widths.count).map { j in
                Matrix<Rational>(rows: widths[j], columns: widths[j - 1]) { Self.r(($0 * 3 + $1 * 5 + j) % 9 - 4, 8) }
            }
            let start = DeepLinearNetworkGradientFlow.state(of: layers), eta = Self.r(1, 40)
            let map = field.gradientDescent(stepSize: eta)
            try withPrecision(256) {
                var reference = start.map { BigFloat($0) }
                for _ in 0..<30 { reference = Self.referenceStep(field, eta: eta, reference) }
                let state = try iterate(MapProblem(map: map, initialState: start, steps: 30), scalar: BigFloat.self,
                                        options: MapOptions(precision: 256)).state
                #expect(Self.identical(state, reference))
                #expect(reference[0] != BigFloat(start[0]))   // the iterates moved
                // Run again: the cached work matrices give the same iterates.
                let again = try iterate(MapProblem(map: map, initialState: start, steps: 30), scalar: BigFloat.self,
                                        options: MapOptions(precision: 256)).state
                #expect(Self.identical(again, reference))
            }
            var reference = start.map { Double($0) }
            for _ in 0..<30 { reference = Self.referenceStep(field, eta: eta, reference) }
            let state = try iterate(MapProblem(map: map, initialState: start, steps: 30), scalar: Double.self).state
            #expect(state.map(\.bitPattern) == reference.map(\.bitPattern))
        }
    }
}
