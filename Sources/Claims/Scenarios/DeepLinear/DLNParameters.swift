import LinearAlgebra
import MultiPrecision
import Models

/// The parameters shared by the deep-linear-network kinds, and how an instance is built from them.
///
/// Sizes come from `widths = [d_0, …, d_N]`, or from `depth`, `width` (every hidden width) and optionally
/// `input_dim`/`output_dim` (default: `width`), which is convenient for grids over depth and width. Data X
/// (d_0 × m) and Y (d_N × m) and the initial weights are exact: given inline, read from CSV/JSON files, or drawn from
/// the instance's `seed` as `scale·k/8` with k uniform in {−8, …, 8}.
enum DLNParameters {
    static let widths = OptionalParameter<[Int]>("widths", .model, type: .integerList(element: 1...64, count: 2...17),
        help: "layer widths d_0 (input), d_1 … d_{N−1} (hidden), d_N (output); the depth N is one less than their number")
    static let depth = OptionalParameter<Int>("depth", .model, 1...16, help: "the depth N, with `width`, instead of `widths`")
    static let width = OptionalParameter<Int>("width", .model, 1...64, help: "every hidden width, with `depth`, instead of `widths`")
    static let inputDimension = OptionalParameter<Int>("input_dim", .model, 1...64,
                                                       help: "d_0 when `depth`/`width` are used (default: `width`)")
    static let outputDimension = OptionalParameter<Int>("output_dim", .model, 1...64,
                                                        help: "d_N when `depth`/`width` are used (default: `width`)")
    static let samples = OptionalParameter<Int>("samples", .model, 1...10_000,
        help: "the number m of data points when X and Y are random (default 4; otherwise read off X or Y)")
    static let squareLoss = Parameter<String>("loss", .model, type: .choice(["square"]), default: "square", variable: false,
                                              help: "the loss: \"square\", ½‖W_N⋯W_1 X − Y‖²_F")
    static let x = Parameter<MatrixSource>("X", .model, type: .matrix, default: .random, variable: false,
        help: "the inputs, d_0 × m (columns are data points): inline rows, a .csv/.json file, or \"random\"")
    static let y = Parameter<MatrixSource>("Y", .model, type: .matrix, default: .random, variable: false,
                                           help: "the targets, d_N × m: inline rows, a .csv/.json file, or \"random\"")
    static let dataScale = Parameter<Rational>.positive("data_scale", .model, default: 1, help: "the scale of random data entries")
    static let initialization = Parameter<String>(
        "init", .model, type: .choice(["uniform"]), default: "uniform", variable: false,
        help: "the distribution of random initial weights: \"uniform\" on scale·{−1, −7/8, …, 1}")
    static let initialScale = Parameter<Rational>.positive("init_scale", .model, default: Rational(numerator: 1, denominator: 2),
                                                          help: "the scale of random initial weights")
    static let weights = OptionalParameter<MatrixSourceList>("weights", .model, type: .matrixList, variable: false,
        help: "explicit initial weights [W_1, …, W_N] (inline or files) instead of random ones")
    static let seed = Parameter<Int>("seed", .model, 0...(1 << 53), default: 0,
                                     help: "the seed of every random choice of the instance (data, initial weights)")
    static let gradientDescent = Parameter<String>(
        "method", .dynamics, type: .choice(["gd"]), default: "gd", variable: false,
        help: "the dynamics: \"gd\", gradient descent W_j ← W_j − η ∂L/∂W_j on all layers at once")
    static let stepSize = Parameter<Rational>.positive("step_size", .dynamics, help: "the step size η (exact)")
    static let steps = Parameter<Int>("steps", .dynamics, 1...100_000, default: 1, help: "the number k of gradient-descent steps")

    /// The model parameters (sizes, data, initial weights, seed).
    static let model: [any DeclaredParameter] = [
        widths, depth, width, inputDimension, outputDimension, samples, squareLoss, x, y, dataScale, initialization,
        initialScale, weights, seed,
    ]

    /// The `[model]` and gradient-descent `[dynamics]` parameters.
    static let specs: [ParameterSpec] = (model + [gradientDescent, stepSize, steps]).specs

    /// The widths d_0 … d_N of an instance.
    static func widths(_ p: InstanceParameters) throws(ParameterProblem) -> [Int] {
        let derived: [any DeclaredParameter] = [depth, width, inputDimension, outputDimension]
        if let given = p[widths] {
            if let first = derived.first(where: { p.has($0) }) {
                throw ParameterProblem(key: first.spec.name, .invalidValue("give either 'widths' or 'depth' and 'width', not both"))
            }
            return given
        }
        guard let n = p[depth], let hidden = p[width] else {
            throw ParameterProblem(key: p.has(depth) ? "width" : (p.has(width) ? "depth" : "widths"), .missingKey)
        }
        return [p[inputDimension] ?? hidden] + Array(repeating: hidden, count: n - 1) + [p[outputDimension] ?? hidden]
    }

    /// Checks that sizes, data and weights fit together; `minimumDepth` is the smallest N the kind accepts.
    static func validate(_ p: InstanceParameters, minimumDepth: Int) throws(ParameterProblem) {
        let d = try widths(p)
        let key = p.has(widths) ? "widths" : "depth"
        guard d.count - 1 >= minimumDepth else {
            throw ParameterProblem(key: key, .outOfRange(value: "depth \(d.count - 1)",
                                                         allowed: "this claim needs depth N ≥ \(minimumDepth) (at least \(minimumDepth + 1) widths)"))
        }
        var samples: Int?
        var samplesKey = "X"
        for (name, rows, source) in [("X", d[0], p[x]), ("Y", d[d.count - 1], p[y])] {
            guard case let .exact(m, origin) = source else { continue }
            guard m.rowCount == rows else {
                throw ParameterProblem(key: name, .dimensionMismatch(
                    "\(name) (\(origin)) is \(m.shape), but it needs \(rows) rows (\(name == "X" ? "d_0 = widths[0]" : "d_N, the last width"))"))
            }
            if let s = samples, s != m.columnCount {
                throw ParameterProblem(key: name, .dimensionMismatch(
                    "\(name) has \(m.columnCount) columns (data points), but \(samplesKey) has \(s)"))
            }
            samples = m.columnCount
            samplesKey = name
        }
        if let s = samples, let given = p[Self.samples], given != s {
            throw ParameterProblem(key: "samples", .dimensionMismatch("samples = \(given), but \(samplesKey) has \(s) columns"))
        }
        if let weights = p[weights]?.sources {
            guard weights.count == d.count - 1 else {
                throw ParameterProblem(key: "weights", .dimensionMismatch("\(weights.count) weight matrices for depth \(d.count - 1)"))
            }
            for (j, w) in weights.enumerated() {
                guard case let .exact(m, origin) = w else { continue }
                guard m.rowCount == d[j + 1], m.columnCount == d[j] else {
                    throw ParameterProblem(key: "weights", .dimensionMismatch(
                        "W_\(j + 1) (\(origin)) is \(m.shape), but widths give \(d[j + 1])×\(d[j])"))
                }
            }
        }
    }

    /// An instance's exact data, initial weights and step size.
    struct Setup: Sendable {
        /// d_0 … d_N.
        var widths: [Int]
        /// Inputs, d_0 × m.
        var x: Matrix<Rational>
        /// Targets, d_N × m.
        var y: Matrix<Rational>
        /// The initial network.
        var network: DeepLinearNetwork<Rational>
        /// The step size η (0 for the gradient-flow kinds, which have none).
        var stepSize: Rational
        /// The number of steps k.
        var steps: Int
    }

    /// Builds the instance: random parts are drawn from `seed` in a fixed order (X, Y, then W_1 … W_N, row by row).
    static func setup(_ p: InstanceParameters) throws -> Setup {
        let d = try widths(p)
        var rng = SeededGenerator(seed: UInt64(p[seed]))
        func draw(_ rows: Int, _ columns: Int, scale: Rational) -> Matrix<Rational> {
            Matrix(rows: rows, columns: columns) { _, _ in scale * Rational(numerator: BigInt(rng.uniform(in: -8...8)), denominator: 8) }
        }
        let exact = [p[x], p[y]].compactMap(\.exactMatrix)
        let m = exact.first?.columnCount ?? p[samples] ?? 4
        func data(_ source: MatrixSource, rows: Int) -> Matrix<Rational> {
            source.exactMatrix ?? draw(rows, m, scale: p[dataScale])
        }
        let inputs = data(p[x], rows: d[0])
        let targets = data(p[y], rows: d[d.count - 1])
        let given = p[weights]?.sources.compactMap(\.exactMatrix) ?? []
        let layers = given.count == d.count - 1 ? given : (1..<d.count).map { j in draw(d[j], d[j - 1], scale: p[initialScale]) }
        return Setup(widths: d, x: inputs, y: targets, network: try DeepLinearNetwork(layers: layers),
                     stepSize: p.has(stepSize) ? p[stepSize] : 0, steps: p.has(steps) ? p[steps] : 1)
    }

    /// A matrix of rationals rounded at the current precision.
    static func rounded(_ m: Matrix<Rational>) -> Matrix<BigFloat> {
        Matrix(rows: m.rowCount, columns: m.columnCount) { i, j in BigFloat(m[i, j]) }
    }
}
