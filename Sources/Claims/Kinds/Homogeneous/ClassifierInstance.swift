import LinearAlgebra
import MultiPrecision
import Models

/// The seeded classifier instance shared by the normalized-weight kinds (`pbl-*`, `dhl-*`, `lyu-li-*`): data,
/// labels and initial layers drawn from the `seed` parameter, and the gradient-flow field of the `network`.
///
/// Draw order (fixed, so shipped claim files keep their instances): the data (random entries k/8 with random
/// labels, or a random integer separator and points k/4 labelled by it), then the layers row by row, entries k/8.
/// ReLU instances use the finer grids ±k/64 (k = 1…64) and ±k/32 (k = 1…32) instead, without 0, so that a
/// pre-activation that is exactly 0 (a kink at t = 0) is rare.
struct ClassifierInstance {
    /// How the data are drawn.
    enum DataKind {
        /// d_0 × M entries k/8 (k in −8…8), labels ±1 at random.
        case randomLabels
        /// A separator with entries ±1…±4, points with entries k/4 (k in −4…4) off it, labelled by its side.
        case separable
    }

    /// How the initial layers are set from the drawn entries k/8.
    enum Initialization {
        /// Each layer normalized (to 4p bits, then exact) and scaled to 1 (`unequal == false`) or 3/2, 1, 4/5, …
        case normalized(unequal: Bool)
        /// Every entry multiplied by the scale.
        case scaled(Rational)
    }

    /// The `data` parameter, with the kind's default.
    static func dataParameter(default data: DataKind) -> ParameterSpec {
        ParameterSpec("data", section: .model, type: .choice(["random-labels", "separable"]),
                      default: .choice(data == .randomLabels ? "random-labels" : "separable"),
                      help: "\"random-labels\": entries k/8, labels ±1 at random; \"separable\": entries k/4 labelled by a random integer separator")
    }

    /// The `[model]` parameters every normalized-weight kind reads: `widths` (up to `maxWidth`, `depths` entries),
    /// `network`, `data` (with the kind's default), `samples` (up to `maxSamples`) and `seed`, then `layer_norms`
    /// when the kind gives its default and help.
    static func modelParameters(maxWidth: Int = 8, depths: ClosedRange<Int> = 3...5, maxSamples: Int = 16,
                                data: DataKind, layerNorms: (default: String, help: String)? = nil) -> [ParameterSpec] {
        var specs = [
            ParameterSpec("widths", section: .model, type: .integerList(element: 1...maxWidth, count: depths), required: true,
                          help: "d_0 (input), hidden widths, and d_K = 1 (scalar output)"),
            Self.network.spec,
            dataParameter(default: data),
            ParameterSpec("samples", section: .model, type: .integer(1...maxSamples), default: .integer(6),
                          help: "the number M of data points"),
            ParameterSpec("seed", section: .model, type: .integer(0...(1 << 53)), default: .integer(0),
                          help: "the seed of the data, the labels and the initial layers"),
        ]
        if let layerNorms {
            specs.append(ParameterSpec("layer_norms", section: .model, type: .choice(["equal", "unequal"]),
                                       default: .choice(layerNorms.default), help: layerNorms.help))
        }
        return specs
    }

    /// The `layer_norms` help of the kinds that start from normalized layers.
    static let layerNormsHelp = "\"equal\": every ρ_k(0) = 1 (to 4p bits); \"unequal\": ρ_k(0) = 3/2, 1, 4/5, … cycling"

    /// The output must be scalar.
    static func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {
        guard let widths = parameters.integerList("widths"), widths.last == 1 else {
            throw ParameterProblem(key: "widths", .invalidValue("the last width must be 1 (a scalar classifier)"))
        }
    }

    /// The gradient-flow field (a ReLU network's pattern is set per segment by the integrator).
    let flow: HomogeneousClassifierFlow
    /// The initial layers W_1(0), …, W_K(0), row by row, exact.
    let initial: [Rational]

    /// Draws the instance with normalized initial layers scaled as `layer_norms` says.
    init(normalizedLayers parameters: InstanceParameters, precision: Int) {
        self.init(parameters, data: .randomLabels,
                  initialization: .normalized(unequal: parameters.choice("layer_norms") == "unequal"), precision: precision)
    }

    /// Draws the instance from `widths`, `samples` (default 6), `seed` (default 0), `network` and `data` (when the
    /// kind has it; `data` otherwise).
    init(_ parameters: InstanceParameters, data defaultData: DataKind, initialization: Initialization, precision: Int) {
        let data: DataKind = switch parameters.choice("data") {
        case "random-labels": .randomLabels
        case "separable": .separable
        default: defaultData
        }
        let widths = parameters.integerList("widths")!
        let m = parameters.integer("samples") ?? 6
        var rng = SeededGenerator(seed: UInt64(parameters.integer("seed") ?? 0))
        let activation = HomogeneousClassifierFlow.Activation(rawValue: parameters[Self.network])!
        // ReLU instances draw from a finer grid without 0 (±k/64, ±k/32), where exact kinks are rare.
        let relu = activation == .relu
        func eighth() -> Rational {
            guard relu else { return Rational(numerator: BigInt(rng.uniform(in: -8...8)), denominator: 8) }
            return Rational(numerator: BigInt(rng.uniform(in: 1...64) * (rng.uniform(in: 0...1) == 0 ? -1 : 1)), denominator: 64)
        }
        func quarter() -> Rational {
            guard relu else { return Rational(numerator: BigInt(rng.uniform(in: -4...4)), denominator: 4) }
            return Rational(numerator: BigInt(rng.uniform(in: 1...32) * (rng.uniform(in: 0...1) == 0 ? -1 : 1)), denominator: 32)
        }
        let inputs: Matrix<Rational>, labels: [Int]
        switch data {
        case .randomLabels:
            inputs = Matrix<Rational>(rows: widths[0], columns: m) { _, _ in eighth() }
            labels = (0..<m).map { _ in rng.uniform(in: 0...1) == 0 ? -1 : 1 }
        case .separable:
            let separator = (0..<widths[0]).map { _ in Rational(rng.uniform(in: 1...4) * (rng.uniform(in: 0...1) == 0 ? -1 : 1)) }
            var columns: [[Rational]] = [], signs: [Int] = []
            while columns.count < m {
                let x = (0..<widths[0]).map { _ in quarter() }
                let s = zip(x, separator).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
                if s == 0 { continue }
                columns.append(x)
                signs.append(s > 0 ? 1 : -1)
            }
            inputs = Matrix<Rational>(rows: widths[0], columns: m) { columns[$1][$0] }
            labels = signs
        }
        flow = HomogeneousClassifierFlow(widths: widths, inputs: inputs, labels: labels, activation: activation)
        let scales = [Rational(numerator: 3, denominator: 2), Rational(1), Rational(numerator: 4, denominator: 5)]
        var layers: [Rational] = []
        for k in 0..<(widths.count - 1) {
            var layer = (0..<(widths[k + 1] * widths[k])).map { _ in eighth() }
            switch initialization {
            case let .scaled(scale):
                layers += layer.map { scale * $0 }
            case let .normalized(unequal):
                if layer.allSatisfy({ $0 == 0 }) { layer[0] = 1 }
                let target = unequal ? scales[k % scales.count] : Rational(1)
                layers += withPrecision(4 * precision) {
                    let norm = BigFloat.sqrt(layer.reduce(BigFloat(0)) { $0 + BigFloat($1) * BigFloat($1) })
                    return layer.map { Rational(exactly: BigFloat($0) * BigFloat(target) / norm)! }
                }
            }
        }
        initial = layers
    }
}

extension ClassifierInstance {
    static let network = Parameter<String>("network", .model, type: .choice(["linear", "relu"]), default: "linear",
        help: "\"linear\": f = W_K ⋯ W_1 x; \"relu\": bias-free f = W_K relu(W_{K−1} ⋯ relu(W_1 x)) (docs/theory.md §2.4)")
}
