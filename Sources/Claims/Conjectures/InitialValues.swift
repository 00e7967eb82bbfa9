import LinearAlgebra
import Models
import MultiPrecision

/// The exact starting values of an instance's symbols that do not depend on other symbols: inline and file data,
/// seeded random entries, and the fixed patterns (`uniform`, `zeros`, `ones`, `identity`). Symbols given by an
/// expression are evaluated afterwards by the language core, in dependency order.
enum InitialValues {
    /// The entries of the built-in kinds' distribution: scale·k/8 with k uniform in {−8, …, 8}.
    static func random(rows: Int, columns: Int, scale: Rational, generator: inout SeededGenerator) -> Matrix<Rational> {
        Matrix(rows: rows, columns: columns) { _, _ in
            scale * Rational(numerator: BigInt(generator.uniform(in: -8...8)), denominator: 8)
        }
    }

    /// Standard normal entries (the built-in `GaussianSampler`, at 128 bits), rounded to the nearest multiple of
    /// 2⁻⁴⁰ so that they are exact rationals independent of the working precision, times `scale`.
    static func gaussian(rows: Int, columns: Int, scale: Rational, seed: UInt64) -> Matrix<Rational> {
        withPrecision(128) {
            var sampler = GaussianSampler(seed: seed)
            let resolution = BigInt(1) << 40
            return Matrix(rows: rows, columns: columns) { _, _ in
                let x = sampler.next().scaled(byPowerOfTwo: 40)
                let k = BigInt(Int64(x.doubleValue.rounded()))
                return scale * Rational(numerator: k, denominator: resolution)
            }
        }
    }

    /// The seed of a symbol: its own (`seed`), else the instance's, else 0, mixed with its position among the symbols
    /// so that two symbols never share a draw.
    static func seed(of symbol: SymbolDeclaration, instanceSeed: Int?) -> UInt64 {
        let base = UInt64(bitPattern: Int64(symbol.seed ?? instanceSeed ?? 0))
        return base &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(symbol.position + 1) &* 0xBF58_476D_1CE4_E5B9
    }

    /// The value of a symbol of shape rows × columns given by data or a pattern; `nil` for an expression.
    static func value(of symbol: SymbolDeclaration, rows: Int, columns: Int, scale: Rational,
                      instanceSeed: Int?) -> Matrix<Rational>? {
        switch symbol.source {
        case let .exact(matrix, _):
            return scale == 1 ? matrix : Matrix(rows: matrix.rowCount, columns: matrix.columnCount) { scale * matrix[$0, $1] }
        case .random:
            var generator = SeededGenerator(seed: seed(of: symbol, instanceSeed: instanceSeed))
            return random(rows: rows, columns: columns, scale: scale, generator: &generator)
        case .gaussian:
            return gaussian(rows: rows, columns: columns, scale: scale, seed: seed(of: symbol, instanceSeed: instanceSeed))
        case .uniform:
            let entry = scale * Rational(numerator: 1, denominator: BigInt(rows * columns))
            return Matrix(rows: rows, columns: columns) { _, _ in entry }
        case .zeros:
            return Matrix(rows: rows, columns: columns) { _, _ in Rational(0) }
        case .ones:
            return Matrix(rows: rows, columns: columns) { _, _ in scale }
        case .identity:
            return Matrix(rows: rows, columns: columns) { i, j in i == j ? scale : Rational(0) }
        case .expression:
            return nil
        }
    }
}
