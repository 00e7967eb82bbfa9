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
    /// The `[model]` and `[dynamics]` parameters.
    static let specs: [ParameterSpec] = [
        ParameterSpec("widths", section: .model, type: .integerList(element: 1...64, count: 2...17),
                      help: "layer widths d_0 (input), d_1 … d_{N−1} (hidden), d_N (output); the depth N is one less than their number"),
        ParameterSpec("depth", section: .model, type: .integer(1...16),
                      help: "the depth N, with `width`, instead of `widths`"),
        ParameterSpec("width", section: .model, type: .integer(1...64),
                      help: "every hidden width, with `depth`, instead of `widths`"),
        ParameterSpec("input_dim", section: .model, type: .integer(1...64),
                      help: "d_0 when `depth`/`width` are used (default: `width`)"),
        ParameterSpec("output_dim", section: .model, type: .integer(1...64),
                      help: "d_N when `depth`/`width` are used (default: `width`)"),
        ParameterSpec("samples", section: .model, type: .integer(1...10_000),
                      help: "the number m of data points when X and Y are random (default 4; otherwise read off X or Y)"),
        ParameterSpec("loss", section: .model, type: .choice(["square"]), default: .choice("square"), variable: false,
                      help: "the loss: \"square\", ½‖W_N⋯W_1 X − Y‖²_F"),
        ParameterSpec("X", section: .model, type: .matrix, default: .matrix(.random), variable: false,
                      help: "the inputs, d_0 × m (columns are data points): inline rows, a .csv/.json file, or \"random\""),
        ParameterSpec("Y", section: .model, type: .matrix, default: .matrix(.random), variable: false,
                      help: "the targets, d_N × m: inline rows, a .csv/.json file, or \"random\""),
        ParameterSpec("data_scale", section: .model, type: .rational(minimum: 0, exclusive: true), default: .rational(1),
                      help: "the scale of random data entries"),
        ParameterSpec("init", section: .model, type: .choice(["uniform"]), default: .choice("uniform"), variable: false,
                      help: "the distribution of random initial weights: \"uniform\" on scale·{−1, −7/8, …, 1}"),
        ParameterSpec("init_scale", section: .model, type: .rational(minimum: 0, exclusive: true),
                      default: .rational(Rational(numerator: 1, denominator: 2)),
                      help: "the scale of random initial weights"),
        ParameterSpec("weights", section: .model, type: .matrixList, variable: false,
                      help: "explicit initial weights [W_1, …, W_N] (inline or files) instead of random ones"),
        ParameterSpec("seed", section: .model, type: .integer(0...(1 << 53)), default: .integer(0),
                      help: "the seed of every random choice of the instance (data, initial weights)"),
        ParameterSpec("method", section: .dynamics, type: .choice(["gd"]), default: .choice("gd"), variable: false,
                      help: "the dynamics: \"gd\", gradient descent W_j ← W_j − η ∂L/∂W_j on all layers at once"),
        ParameterSpec("step_size", section: .dynamics, type: .rational(minimum: 0, exclusive: true), required: true,
                      help: "the step size η (exact)"),
        ParameterSpec("steps", section: .dynamics, type: .integer(1...100_000), default: .integer(1),
                      help: "the number k of gradient-descent steps"),
    ]

    /// The widths d_0 … d_N of an instance.
    static func widths(_ p: InstanceParameters) throws(ParameterProblem) -> [Int] {
        let derived = ["depth", "width", "input_dim", "output_dim"].filter { p.has($0) }
        if let widths = p.integerList("widths") {
            if let first = derived.first {
                throw ParameterProblem(key: first, .invalidValue("give either 'widths' or 'depth' and 'width', not both"))
            }
            return widths
        }
        guard let depth = p.integer("depth"), let width = p.integer("width") else {
            throw ParameterProblem(key: p.has("depth") ? "width" : (p.has("width") ? "depth" : "widths"), .missingKey)
        }
        return [p.integer("input_dim") ?? width] + Array(repeating: width, count: depth - 1) + [p.integer("output_dim") ?? width]
    }

    /// Checks that sizes, data and weights fit together; `minimumDepth` is the smallest N the kind accepts.
    static func validate(_ p: InstanceParameters, minimumDepth: Int) throws(ParameterProblem) {
        let d = try widths(p)
        let key = p.has("widths") ? "widths" : "depth"
        guard d.count - 1 >= minimumDepth else {
            throw ParameterProblem(key: key, .outOfRange(value: "depth \(d.count - 1)",
                                                         allowed: "this claim needs depth N ≥ \(minimumDepth) (at least \(minimumDepth + 1) widths)"))
        }
        var samples: Int?
        var samplesKey = "X"
        for (name, rows) in [("X", d[0]), ("Y", d[d.count - 1])] {
            guard case let .exact(m, origin)? = p.matrix(name) else { continue }
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
        if let s = samples, let given = p.integer("samples"), given != s {
            throw ParameterProblem(key: "samples", .dimensionMismatch("samples = \(given), but \(samplesKey) has \(s) columns"))
        }
        if let weights = p.matrixList("weights") {
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
        var rng = SeededGenerator(seed: UInt64(p.integer("seed") ?? 0))
        func draw(_ rows: Int, _ columns: Int, scale: Rational) -> Matrix<Rational> {
            Matrix(rows: rows, columns: columns) { _, _ in scale * Rational(numerator: BigInt(rng.uniform(in: -8...8)), denominator: 8) }
        }
        func exactColumns(_ name: String) -> Int? {
            if case let .exact(m, _)? = p.matrix(name) { return m.columnCount }
            return nil
        }
        let m = exactColumns("X") ?? exactColumns("Y") ?? p.integer("samples") ?? 4
        let dataScale = p.rational("data_scale") ?? 1
        func data(_ name: String, rows: Int) -> Matrix<Rational> {
            if case let .exact(matrix, _)? = p.matrix(name) { return matrix }
            return draw(rows, m, scale: dataScale)
        }
        let x = data("X", rows: d[0])
        let y = data("Y", rows: d[d.count - 1])
        let layers: [Matrix<Rational>]
        if let given = p.matrixList("weights") {
            layers = given.map { source in
                guard case let .exact(matrix, _) = source else { preconditionFailure("weights are validated as exact") }
                return matrix
            }
        } else {
            let scale = p.rational("init_scale") ?? Rational(numerator: 1, denominator: 2)
            layers = (1..<d.count).map { j in draw(d[j], d[j - 1], scale: scale) }
        }
        return Setup(widths: d, x: x, y: y, network: try DeepLinearNetwork(layers: layers),
                     stepSize: p.rational("step_size") ?? 0, steps: p.integer("steps") ?? 1)
    }
}
