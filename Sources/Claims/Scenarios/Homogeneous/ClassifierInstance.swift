import LinearAlgebra
import MultiPrecision
import Models

/// How the data of a classifier instance are drawn.
public enum ClassifierData: String, ParameterChoice {
    /// d_0 × M entries k/8 (k in −8…8), labels ±1 at random.
    case randomLabels = "random-labels"
    /// A separator with entries ±1…±4, points with entries k/4 (k in −4…4) off it, labelled by its side.
    case separable
}

/// The network of a classifier instance.
enum ClassifierNetwork: String, ParameterChoice {
    case linear, relu

    var activation: HomogeneousClassifierFlow.Activation { self == .linear ? .linear : .relu }
}

/// Equal or unequal initial layer norms.
public enum LayerNorms: String, ParameterChoice {
    case equal, unequal
}

/// The seeded classifier instance shared by the normalized-weight kinds (`pbl-*`, `dhl-*`, `lyu-li-*`): data,
/// labels and initial layers drawn from the `seed` parameter, and the gradient-flow field of the `network`.
///
/// Draw order (fixed, so shipped claim files keep their instances): the data (random entries k/8 with random
/// labels, or a random integer separator and points k/4 labelled by it), then the layers row by row, entries k/8.
/// ReLU instances use the finer grids ±k/64 (k = 1…64) and ±k/32 (k = 1…32) instead, without 0, so that a
/// pre-activation that is exactly 0 (a kink at t = 0) is rare.
public struct ClassifierInstance {
    /// How the initial layers are set from the drawn entries k/8.
    public enum Initialization {
        /// Each layer normalized (to 4p bits, then exact) and scaled to 1 (`unequal == false`) or 3/2, 1, 4/5, …
        case normalized(unequal: Bool)
        /// Every entry multiplied by the scale.
        case scaled(Rational)
    }

    static let widths = Parameter<[Int]>("widths", .model, type: .integerList(element: 1...16, count: 3...8),
        help: "d_0 (input), hidden widths, and d_K = 1 (scalar output)")
    static let network = Parameter<ClassifierNetwork>("network", .model, default: .linear,
        help: "\"linear\": f = W_K ⋯ W_1 x; \"relu\": bias-free f = W_K relu(W_{K−1} ⋯ relu(W_1 x)) (docs/theory.md §2.4)")
    static let samples = Parameter<Int>("samples", .model, 1...64, default: 6, help: "the number M of data points")
    static let seed = Parameter<Int>("seed", .model, 0...(1 << 53), default: 0,
        help: "the seed of the data, the labels and the initial layers")
    static let dataHelp = "\"random-labels\": entries k/8, labels ±1 at random; \"separable\": entries k/4 labelled by a random integer separator"
    static let randomData = Parameter<ClassifierData>("data", .model, default: .randomLabels, help: dataHelp)
    static let separableData = Parameter<ClassifierData>("data", .model, default: .separable, help: dataHelp)
    static let horizon = Parameter<Rational>.positive("horizon", .dynamics, help: "the final time T")
    static let sampleTimes = Parameter<Int>("sample_times", .dynamics, 1...2000, default: 20,
        help: "the number n of steps T/n between the sample times 0, T/n, …, T")
    static let normsHelp = "\"equal\": every ρ_k(0) = 1 (to 4p bits); \"unequal\": ρ_k(0) = 3/2, 1, 4/5, … cycling"
    static let equalNorms = Parameter<LayerNorms>("layer_norms", .model, default: .equal, help: normsHelp)
    static let unequalNorms = Parameter<LayerNorms>("layer_norms", .model, default: .unequal, help: normsHelp)

    /// The gradient-flow field (a ReLU network's pattern is set per segment by the integrator).
    let flow: HomogeneousClassifierFlow
    /// The initial layers W_1(0), …, W_K(0), row by row, exact.
    let initial: [Rational]

    /// Draws the instance from `widths`, `samples`, `seed` and `network`.
    init(_ parameters: InstanceParameters, data: ClassifierData, initialization: Initialization, precision: Int) {
        let widths = parameters[Self.widths], m = parameters[Self.samples]
        var rng = SeededGenerator(seed: UInt64(parameters[Self.seed]))
        let relu = parameters[Self.network] == .relu
        // ReLU instances draw from a finer grid without 0 (±k/64, ±k/32), where exact kinks are rare.
        func entry(_ grid: Int) -> Rational {
            guard relu else { return Rational(numerator: BigInt(rng.uniform(in: -grid...grid)), denominator: BigInt(grid)) }
            return Rational(numerator: BigInt(rng.uniform(in: 1...(8 * grid)) * (rng.uniform(in: 0...1) == 0 ? -1 : 1)),
                            denominator: BigInt(8 * grid))
        }
        let inputs: Matrix<Rational>, labels: [Int]
        switch data {
        case .randomLabels:
            inputs = Matrix<Rational>(rows: widths[0], columns: m) { _, _ in entry(8) }
            labels = (0..<m).map { _ in rng.uniform(in: 0...1) == 0 ? -1 : 1 }
        case .separable:
            let separator = (0..<widths[0]).map { _ in Rational(rng.uniform(in: 1...4) * (rng.uniform(in: 0...1) == 0 ? -1 : 1)) }
            var columns: [[Rational]] = [], signs: [Int] = []
            while columns.count < m {
                let x = (0..<widths[0]).map { _ in entry(4) }
                let s = zip(x, separator).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
                if s == 0 { continue }
                columns.append(x)
                signs.append(s > 0 ? 1 : -1)
            }
            inputs = Matrix<Rational>(rows: widths[0], columns: m) { columns[$1][$0] }
            labels = signs
        }
        flow = HomogeneousClassifierFlow(widths: widths, inputs: inputs, labels: labels,
                                         activation: parameters[Self.network].activation)
        let scales = [Rational(numerator: 3, denominator: 2), Rational(1), Rational(numerator: 4, denominator: 5)]
        var layers: [Rational] = []
        for k in 0..<(widths.count - 1) {
            var layer = (0..<(widths[k + 1] * widths[k])).map { _ in entry(8) }
            switch initialization {
            case let .scaled(scale):
                layers += layer.map { scale * $0 }
            case let .normalized(unequal):
                if layer.allSatisfy({ $0 == 0 }) { layer[0] = 1 }
                let target = unequal ? scales[k % scales.count] : Rational(1)
                layers += withPrecision(4 * precision) {
                    let norm = BigFloat.sqrt(layer.reduce(BigFloat(0)) { $0 + BigFloat($1) * BigFloat($1) })
                    return layer.map { Rational(exactly: BigFloat($0) * BigFloat(target) / norm) }
                }.compactMap { $0 }
            }
        }
        initial = layers
    }

    /// The squared layer norms ρ_k² = ‖W_k‖²_F of a state.
    func squaredNorms(_ state: [BigFloat]) -> [BigFloat] {
        (0..<flow.depth).map { k in
            let o = flow.offset(k)
            return state[o..<(o + flow.widths[k + 1] * flow.widths[k])].reduce(BigFloat(0)) { $0 + $1 * $1 }
        }
    }
}
