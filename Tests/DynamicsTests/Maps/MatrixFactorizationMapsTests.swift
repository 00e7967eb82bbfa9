import Dynamics
import LinearAlgebra
import MultiPrecision
import Testing

/// The deep-matrix-factorization and mirror-descent maps against closed forms and an mpmath reference, in `BigFloat`
/// and in `Double` (the maps are written once for any scalar).
@Suite("FactorizationDescent, ScalarFactorizationDescent and MatrixMirrorDescent: closed forms, mpmath, two scalars")
struct MatrixFactorizationMapsTests {
    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    static func run<Map: DiscreteMap, T: IntegrationScalar>(_ map: Map, from x: [Rational], steps: Int, as: T.Type,
                                                             precision: Int = 53) throws -> [T] {
        try iterate(MapProblem(map: map, initialState: x, steps: steps), scalar: T.self,
                    options: MapOptions(precision: precision)).state
    }

    /// Depth 1: W_{k+1} = W_k − η(W_k − A), so W_K = A + (1 − η)^K (W_0 − A), exactly.
    @Test("Depth 1 on ½‖W − A‖²: W_K = A + (1 − η)^K (W_0 − A) to 2^−190 (BigFloat, 200 bits) and 1e−13 (Double)")
    func depthOneClosedForm() throws {
        let a = try Matrix<Rational>(rows: [[Self.r(2), Self.r(1)], [Self.r(-1, 3), Self.r(1, 2)]])
        let w0 = Matrix<Rational>.identity(2) * Self.r(1, 10), eta = Self.r(1, 20), steps = 40
        let map = FactorizationDescent(widths: [2, 2], loss: .target(a), stepSize: eta)
        let decay = (1 - eta).power(steps)
        let exact = (0..<2).flatMap { i in (0..<2).map { j in a[i, j] + decay * (w0[i, j] - a[i, j]) } }
        let big = try withPrecision(200) { try Self.run(map, from: FactorizationDescent.state(of: [w0]), steps: steps,
                                                         as: BigFloat.self, precision: 200) }
        for (value, reference) in zip(big, exact) {
            #expect(BigFloat.abs(value - BigFloat(reference, precision: 200)) < BigFloat(1).scaled(byPowerOfTwo: -190))
        }
        let double = try Self.run(map, from: FactorizationDescent.state(of: [w0]), steps: steps, as: Double.self)
        for (value, reference) in zip(double, exact) { #expect(abs(value - Double(reference)) < 1e-13) }
    }

    /// From the aligned start W_1 = W_2 = αI on a diagonal target, the factors stay diagonal and each diagonal entry
    /// follows the scalar recursion; the two maps agree.
    @Test("Depth 2 on a diagonal target: W_2W_1 is diag(w_i²) with w_i from ScalarFactorizationDescent (2^−240)")
    func depthTwoDecouples() throws {
        let s = [Self.r(3), Self.r(1, 2)], alpha = Self.r(1, 5), eta = Self.r(1, 20), steps = 30
        let start = Matrix<Rational>.identity(2) * alpha
        let matrix = FactorizationDescent(widths: [2, 2, 2], loss: .target(.diagonal(s)), stepSize: eta)
        try withPrecision(256) {
            let state: [BigFloat] = try Self.run(matrix, from: FactorizationDescent.state(of: [start, start]), steps: steps,
                                                 as: BigFloat.self, precision: 256)
            let layers: [Matrix<BigFloat>] = matrix.layers(of: state)
            let product = layers[1] * layers[0]
            let scalar = ScalarFactorizationDescent(targets: s.map { BigFloat($0) }, depth: 2, stepSize: eta)
            let w: [BigFloat] = try Self.run(scalar, from: [alpha, alpha], steps: steps, as: BigFloat.self, precision: 256)
            #expect(BigFloat.abs(product[0, 0] - w[0] * w[0]) < BigFloat(1).scaled(byPowerOfTwo: -240))
            #expect(BigFloat.abs(product[1, 1] - w[1] * w[1]) < BigFloat(1).scaled(byPowerOfTwo: -240))
            #expect(BigFloat.abs(product[0, 1]) == BigFloat(0) && BigFloat.abs(product[1, 0]) == BigFloat(0))
            // Moved well away from α² = 1/25 towards s and not yet there: the reference is not trivial.
            #expect(w[0] * w[0] > BigFloat("0.1")! && w[0] * w[0] < BigFloat(3))
        }
    }

    /// The mirror-descent map of Tests/ModelsTests/MirrorDescentMatrixSensingTests: n = 3, m = 3, X* = uuᵀ with
    /// u = (1, −1, 1/2), η = 1/5.
    static func mirrorDescentInstance() throws -> MatrixMirrorDescent {
        let sensing = try [
            Matrix<Rational>(rows: [[Self.r(1), Self.r(1, 2), 0], [Self.r(1, 2), 0, Self.r(1, 4)], [0, Self.r(1, 4), Self.r(-1, 2)]]),
            Matrix<Rational>(rows: [[0, 1, 0], [1, 1, 0], [0, 0, Self.r(1, 2)]]),
            Matrix<Rational>(rows: [[Self.r(1, 2), 0, 1], [0, Self.r(-1, 4), 0], [1, 0, 0]]),
        ]
        let u = [Self.r(1), Self.r(-1), Self.r(1, 2)]
        let truth = Matrix(rows: 3, columns: 3) { u[$0] * u[$1] }
        return MatrixMirrorDescent(sensing: sensing, measurements: sensing.map { $0.frobeniusInnerProduct(truth) },
                                   stepSize: Self.r(1, 5))
    }

    /// The instance of Tests/ModelsTests/MirrorDescentMatrixSensingTests (n = 3, m = 3, X* = uuᵀ, u = (1, −1, 1/2),
    /// α = 1/2, η = 1/5) and its mpmath X_10 (Tests/ClaimsTests/References/mirror_descent_bures_wasserstein.py).
    @Test("Mirror descent: X_10 matches mpmath to 1e−40 (200 bits) and 1e−12 (Double); log X_t is log of X_t")
    func mirrorDescentTenSteps() throws {
        let map = try Self.mirrorDescentInstance()
        let reference = [
            ["0.698047059359323646989232189429179087172013178", "-0.357123549250953092905794829830247815725808203", "0.279397286806556330746450547573575819049649799"],
            ["-0.357123549250953092905794829830247815725808203", "0.340785307399711804540030219343875940073725233", "-0.118764331932309130467176227066946972150445819"],
            ["0.279397286806556330746450547573575819049649799", "-0.118764331932309130467176227066946972150445819", "0.475952564335555825934225836387906973020833055"],
        ]
        try withPrecision(200) {
            let state: [BigFloat] = try Self.run(map, from: map.initialState(alpha: Self.r(1, 2)), steps: 10,
                                                 as: BigFloat.self, precision: 200)
            let x = map.matrix(state, block: 0)
            for i in 0..<3 { for j in 0..<3 { #expect(BigFloat.abs(x[i, j] - BigFloat(reference[i][j])!) < BigFloat("1e-40")!) } }
            #expect((map.matrix(state, block: 1) - (try x.logarithm())).maxAbs == BigFloat(0))
        }
        let double: [Double] = try Self.run(map, from: map.initialState(alpha: Self.r(1, 2)), steps: 10, as: Double.self)
        let x = map.matrix(double, block: 0)
        for i in 0..<3 { for j in 0..<3 { #expect(abs(x[i, j] - Double(reference[i][j])!) < 1e-12) } }
    }

    /// The mirror-descent step as the matrix expressions it replaces, every product and sum a new value.
    static func referenceMirrorStep<T: IntegrationScalar>(_ map: MatrixMirrorDescent, _ state: [T], first: Bool) throws -> [T] {
        let x = map.matrix(state, block: 0), n = map.order
        let logX = first ? try x.logarithm() : map.matrix(state, block: 1)
        var combination = Matrix<T>.zeros(rows: n, columns: n)
        for (exact, y) in zip(map.sensing, map.measurements) {
            let a = Matrix(rows: n, columns: n) { T(exact[$0, $1]) }
            combination += (a.frobeniusInnerProduct(x) - T(y)) * a
        }
        let scale = T(map.stepSize) / T(Rational(map.sensing.count))
        let exponential = try (logX - scale * combination).exponential()
        let updated = (exponential + exponential.transposed()) / T(2)
        return updated.elements + (try updated.logarithm()).elements
    }

    /// The instance of `mirrorDescentTenSteps`, 10 steps at 256 bits and in `Double`: the in-place step (the rounded
    /// A_i, y_i and η/m kept, the generator and the symmetrized exponential formed in work matrices) rounds exactly as
    /// the value expressions.
    @Test("Mirror descent in place equals the value expressions bit for bit (10 steps, 256 bits and Double)")
    func mirrorDescentInPlaceIsBitIdentical() throws {
        let map = try Self.mirrorDescentInstance()
        let start = map.initialState(alpha: Self.r(1, 2))
        try withPrecision(256) {
            var reference = start.map { BigFloat($0) }
            for k in 0..<10 { reference = try Self.referenceMirrorStep(map, reference, first: k == 0) }
            let state: [BigFloat] = try Self.run(map, from: start, steps: 10, as: BigFloat.self, precision: 256)
            #expect(state.count == reference.count)
            #expect(zip(state, reference).allSatisfy { $0 == $1 && $0.sign == $1.sign && $0.precision == $1.precision })
            #expect(reference[0] != BigFloat(Self.r(1, 2)))   // the iterates moved
        }
        var reference = start.map { Double($0) }
        for k in 0..<10 { reference = try Self.referenceMirrorStep(map, reference, first: k == 0) }
        let state: [Double] = try Self.run(map, from: start, steps: 10, as: Double.self)
        #expect(state.map(\.bitPattern) == reference.map(\.bitPattern))
    }

    /// The step as the matrix expressions W_j − η W_{N:j+1}ᵀ ∇f(W) W_{j−1:1}ᵀ, every product and sum a new value: what
    /// the in-place step must reproduce bit for bit.
    static func referenceStep(_ map: FactorizationDescent, _ state: [BigFloat]) -> [BigFloat] {
        let layers: [Matrix<BigFloat>] = map.layers(of: state), depth = layers.count
        var prefix = [Matrix<BigFloat>.identity(map.widths[0])]
        for layer in layers { prefix.append(layer * prefix[prefix.count - 1]) }
        var suffix = [Matrix<BigFloat>](repeating: .identity(map.widths[depth]), count: depth + 1)
        for j in stride(from: depth - 1, through: 0, by: -1) { suffix[j] = suffix[j + 1] * layers[j] }
        let w = prefix[depth], outer: Matrix<BigFloat>
        switch map.loss {
        case let .target(a): outer = w - Matrix(rows: a.rowCount, columns: a.columnCount) { BigFloat(a[$0, $1]) }
        case let .sensing(measurements, y):
            var sum = Matrix<BigFloat>.zeros(rows: w.rowCount, columns: w.columnCount)
            for (exact, yi) in zip(measurements, y) {
                let a = Matrix(rows: exact.rowCount, columns: exact.columnCount) { BigFloat(exact[$0, $1]) }
                sum += (2 * (a.frobeniusInnerProduct(w) - BigFloat(yi))) * a
            }
            outer = sum
        }
        let eta = BigFloat(map.stepSize)
        return (0..<depth).flatMap { j in
            (layers[j] - eta * (suffix[j + 1].transposed() * outer * prefix[j].transposed())).elements
        }
    }

    /// Rectangular factors (3 × 2, 4 × 3, 2 × 4), both losses, 25 steps at 256 bits: the in-place step (work matrices
    /// reused, transposes never formed) rounds exactly as the value expressions; the scalar recursion likewise.
    @Test("FactorizationDescent and ScalarFactorizationDescent in place equal the value expressions bit for bit (25 steps, 256 bits)")
    func inPlaceStepIsBitIdentical() throws {
        let a = Matrix<Rational>(rows: 2, columns: 3) { Self.r(($0 + 2) * ($1 + 1) % 5 - 2, 3) }
        let sensing = [Matrix<Rational>(rows: 2, columns: 3) { $0 == $1 ? 1 : 0 },
                       Matrix<Rational>(rows: 2, columns: 3) { Self.r($0 - $1, 2) }]
        let initial = [Matrix<Rational>(rows: 2, columns: 3) { Self.r($0 + $1 + 1, 7) },
                       Matrix<Rational>(rows: 4, columns: 2) { Self.r($0 - $1, 5) },
                       Matrix<Rational>(rows: 2, columns: 4) { Self.r(1, $0 + $1 + 2) }]
        for loss in [FactorizationDescent.Loss.target(a), .sensing(sensing, [Self.r(3, 2), Self.r(-1, 4)])] {
            let map = FactorizationDescent(widths: [3, 2, 4, 2], loss: loss, stepSize: Self.r(1, 30))
            try withPrecision(256) {
                var reference = FactorizationDescent.state(of: initial).map { BigFloat($0) }
                for _ in 0..<25 { reference = Self.referenceStep(map, reference) }
                let state: [BigFloat] = try Self.run(map, from: FactorizationDescent.state(of: initial), steps: 25,
                                                     as: BigFloat.self, precision: 256)
                #expect(state == reference)
                #expect(state.allSatisfy { $0.precision == 256 })
                #expect(reference[0] != BigFloat(Self.r(1, 7)))   // the iterates moved
            }
        }
        let scalar = ScalarFactorizationDescent(targets: [3, Self.r(1, 2), Self.r(-1, 3)].map { BigFloat($0, precision: 256) },
                                                depth: 3, stepSize: Self.r(1, 20))
        try withPrecision(256) {
            var reference = [Self.r(1, 5), Self.r(1, 5), Self.r(1, 5)].map { BigFloat($0) }
            for _ in 0..<25 {
                reference = zip(reference, scalar.targets).map { w, s in
                    w - BigFloat(Self.r(1, 20)) * BigFloat.pow(w, 2) * (BigFloat.pow(w, 3) - s)
                }
            }
            let state: [BigFloat] = try Self.run(scalar, from: [Self.r(1, 5), Self.r(1, 5), Self.r(1, 5)], steps: 25,
                                                 as: BigFloat.self, precision: 256)
            #expect(state == reference)
        }
    }

    /// ½‖W − A‖²_F and Σ_i (⟨A_i, W⟩ − y_i)² at W = diag(1, 2): exact values.
    @Test("Loss.value: ½‖diag(1, 2) − [[0, 1], [1, 0]]‖²_F = 7/2; sensing with A_1 = I, y_1 = 1 and A_2 = E_12, y_2 = 2: 4 + 4 = 8")
    func lossValues() {
        let w = Matrix<Double>.diagonal([1, 2])   // every value below is exact in Double
        #expect(FactorizationDescent.Loss.target(Matrix(rows: 2, columns: 2) { $0 == $1 ? 0 : 1 }).value(at: w) == 3.5)
        let sensing = FactorizationDescent.Loss.sensing([.identity(2), Matrix(rows: 2, columns: 2) { $0 == 0 && $1 == 1 ? 1 : 0 }],
                                                         [1, 2])
        #expect(sensing.value(at: w) == 8)
    }
}
