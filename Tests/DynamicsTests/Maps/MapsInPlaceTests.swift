@testable import Dynamics
import LinearAlgebra
import MultiPrecision
import Testing

/// The mirror-descent and scalar-factorization steps, which run on preallocated work values, against the value
/// expressions they replace, bit for bit, at 64 and 256 bits.
@Suite("MatrixMirrorDescent and ScalarFactorizationDescent in place: bit for bit against the value expressions at 64 and 256 bits")
struct MapsInPlaceTests {
    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    static func identical(_ a: [BigFloat], _ b: [BigFloat]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { ($0 == $1 || ($0.isNaN && $1.isNaN)) && $0.sign == $1.sign && $0.precision == $1.precision }
    }

    static func run<Map: DiscreteMap>(_ map: Map, from x: [Rational], steps: Int, bits: Int) throws -> [BigFloat] {
        try iterate(MapProblem(map: map, initialState: x, steps: steps), scalar: BigFloat.self,
                    options: MapOptions(precision: bits)).state
    }

    /// The sensing instance of the allocation benchmark (n = 3, m = 3, η = 1/10, X_0 = I/3) and that of the mpmath
    /// test (η = 1/5, X_0 = I/2), 30 steps at 64 and 256 bits, every step against `referenceMirrorStep` (exp and log
    /// through `exponential()` and `logarithm()`, every sum and product a new value).
    @Test("Mirror descent: 30 in-place steps equal the value expressions bit for bit (two instances, 64 and 256 bits)")
    func mirrorDescentIsBitIdentical() throws {
        let benchmarkSensing = (0..<3).map { k in Matrix(rows: 3, columns: 3) { i, j in Self.r((i + j + k) % 3 + (i == j ? 1 : 0), 2) } }
        let instances = [
            (MatrixMirrorDescent(sensing: benchmarkSensing, measurements: [1, Self.r(1, 2), Self.r(3, 4)], stepSize: Self.r(1, 10)), Self.r(1, 3)),
            (try MatrixFactorizationMapsTests.mirrorDescentInstance(), Self.r(1, 2)),
        ]
        for (map, alpha) in instances {
            for bits in [64, 256] {
                try withPrecision(bits) {
                    let start = map.initialState(alpha: alpha)
                    var reference = start.map { BigFloat($0) }
                    for k in 0..<30 { reference = try MatrixFactorizationMapsTests.referenceMirrorStep(map, reference, first: k == 0) }
                    let state = try Self.run(map, from: start, steps: 30, bits: bits)
                    #expect(Self.identical(state, reference), "\(bits) bits")
                    #expect(state.allSatisfy { $0.precision == bits })
                    #expect(reference[0] != BigFloat(alpha))   // the iterates moved
                }
            }
        }
    }

    /// w ← w − (η w^{N−1})(w^N − s) for depths 1, 2, 3 and 5, 40 steps at 64 and 256 bits, against the value
    /// expressions with `BigFloat.pow` (MPFR's correctly rounded `mpfr_pow_si`).
    @Test("Scalar factorization: 40 in-place steps equal w − η·pow(w, N−1)·(pow(w, N) − s) bit for bit (N = 1, 2, 3, 5; 64, 256 bits)")
    func scalarFactorizationIsBitIdentical() throws {
        for depth in [1, 2, 3, 5] {
            for bits in [64, 256] {
                try withPrecision(bits) {
                    let targets = [3, Self.r(1, 2), Self.r(-1, 3), Self.r(7, 5)].map { BigFloat($0) }
                    let map = ScalarFactorizationDescent(targets: targets, depth: depth, stepSize: Self.r(1, 20))
                    let start = [Self.r(1, 5), Self.r(3, 4), Self.r(-1, 2), Self.r(6, 5)]
                    var reference = start.map { BigFloat($0) }
                    let eta = BigFloat(Self.r(1, 20))
                    for _ in 0..<40 {
                        reference = zip(reference, targets).map { w, s in
                            w - eta * BigFloat.pow(w, depth - 1) * (BigFloat.pow(w, depth) - s)
                        }
                    }
                    let state = try Self.run(map, from: start, steps: 40, bits: bits)
                    #expect(Self.identical(state, reference), "N = \(depth), \(bits) bits")
                    #expect(reference[0] != BigFloat(Self.r(1, 5)))
                }
            }
        }
    }

    /// The exact powers against `mpfr_pow_si` (`formPower`) for n = 1…6 on values with long significands, negative
    /// values, ±0, ±∞ and NaN, at 64 and 256 bits; and w at 320 bits in a 256-bit workspace, where `mpfr_pow_si` runs
    /// (rounding into the 256-bit work values).
    @Test("ScalarFactorizationDescentWork.powers: w^{n−1} and wⁿ equal mpfr_pow_si bit for bit (n = 1…6, special values, mixed precision)")
    func powersEqualMPFR() throws {
        for bits in [64, 256] {
            withPrecision(bits) {
                let third = BigFloat(1) / BigFloat(3)
                let values = [third, -third, BigFloat.sqrt(BigFloat(2)), -BigFloat(7) / BigFloat(3), BigFloat(0), -BigFloat(0),
                              BigFloat.infinity(), BigFloat.infinity(sign: .minus), BigFloat.nan(), BigFloat.sqrt(BigFloat(10)) * BigFloat(1000)]
                for n in 1...6 {
                    let work = ScalarFactorizationDescentWork<BigFloat>(
                        ScalarFactorizationDescent(targets: [BigFloat(1)], depth: n, stepSize: 1))
                    #expect(work.exactPowers)
                    for w in values {
                        work.powers(w, n)
                        var lower = BigFloat(precision: bits), upper = BigFloat(precision: bits)
                        lower.formPower(w, n - 1)
                        upper.formPower(w, n)
                        #expect(Self.identical([work.lower, work.upper], [lower, upper]), "n = \(n), w = \(w), \(bits) bits")
                    }
                }
            }
        }
        let wide = withPrecision(320) { BigFloat.sqrt(BigFloat(2)) / BigFloat(3) }
        withPrecision(256) {
            let work = ScalarFactorizationDescentWork<BigFloat>(ScalarFactorizationDescent(targets: [BigFloat(1)], depth: 4, stepSize: 1))
            work.powers(wide, 4)
            var lower = BigFloat(precision: 256), upper = BigFloat(precision: 256)
            lower.formPower(wide, 3)
            upper.formPower(wide, 4)
            #expect(Self.identical([work.lower, work.upper], [lower, upper]))
            #expect(work.upper.precision == 256)
        }
    }
}
