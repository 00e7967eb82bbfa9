import Conjectures
import MultiPrecision
import Symbolic

/// Seeded rational entries k/8 · scale, k uniform in {−8, …, 8}.
func randomEntries(_ count: Int, seed: UInt64, scale: Rational = 1) -> [Rational] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in Rational(numerator: BigInt(generator.uniform(in: -8...8)), denominator: 8) * scale }
}

/// The largest |a_i − b_i|.
func largestDifference(_ a: [BigFloat], _ b: [BigFloat]) -> BigFloat {
    zip(a, b).reduce(BigFloat(0)) { BigFloat.maximum($0, BigFloat.abs($1.0 - $1.1)) }
}

/// The largest |a_i|.
func largestMagnitude(_ a: [BigFloat]) -> BigFloat {
    a.reduce(BigFloat(0)) { BigFloat.maximum($0, BigFloat.abs($1)) }
}

/// 2^−p at the current precision.
func unitRoundoff(_ bits: Int) -> BigFloat { BigFloat(1).scaled(byPowerOfTwo: -bits) }

/// A row-major matrix of BigFloat.
struct Dense {
    var rows: Int, columns: Int
    var e: [BigFloat]
    init(_ rows: Int, _ columns: Int, _ e: [BigFloat]) { self.rows = rows; self.columns = columns; self.e = e }
    init(_ rows: Int, _ columns: Int, rational: [Rational]) { self.init(rows, columns, rational.map { BigFloat($0) }) }
    subscript(i: Int, j: Int) -> BigFloat { e[i * columns + j] }
    static func * (a: Dense, b: Dense) -> Dense {
        var m: [BigFloat] = []
        for i in 0..<a.rows { for j in 0..<b.columns {
            var s = BigFloat(0)
            for k in 0..<a.columns { s = s + a[i, k] * b[k, j] }
            m.append(s)
        } }
        return Dense(a.rows, b.columns, m)
    }
    var t: Dense {
        var m: [BigFloat] = []
        for j in 0..<columns { for i in 0..<rows { m.append(self[i, j]) } }
        return Dense(columns, rows, m)
    }
    func map(_ f: (BigFloat) -> BigFloat) -> Dense { Dense(rows, columns, e.map(f)) }
    static func zip(_ a: Dense, _ b: Dense, _ f: (BigFloat, BigFloat) -> BigFloat) -> Dense {
        Dense(a.rows, a.columns, Swift.zip(a.e, b.e).map(f))
    }
}
