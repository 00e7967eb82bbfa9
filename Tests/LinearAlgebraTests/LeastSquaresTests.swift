import LinearAlgebra
import MultiPrecision
import Testing

@Suite("LeastSquares.slope against hand-computed slopes")
struct LeastSquaresTests {
    @Test("Points on a line give its slope; (0, 1), (1, 3), (2, 2), (3, 5) give Σdx·dy/Σdx² = 5.5/5 = 11/10; y = 3·ln α + 1 against ln α gives 3")
    func slopes() {
        withPrecision(128) {
            let tiny = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << 120))
            func x(_ values: [Int]) -> [BigFloat] { values.map { BigFloat($0) } }
            #expect(LeastSquares.slope(x: x([0, 1, 2, 3]), y: x([7, 5, 3, 1])) == BigFloat(-2))
            let fit = LeastSquares.slope(x: x([0, 1, 2, 3]), y: x([1, 3, 2, 5]))
            #expect(BigFloat.abs(fit - BigFloat(Rational(numerator: 11, denominator: 10))) < tiny)
            let logs = [1, 10, 100, 1000].map { BigFloat.log(BigFloat(Rational(numerator: 1, denominator: BigInt($0)))) }
            #expect(BigFloat.abs(LeastSquares.slope(x: logs, y: logs.map { 3 * $0 + 1 }) - 3) < tiny)
        }
    }

    @Test("Local slopes: (0, 1), (1, 3), (2, 2), (4, 5) give 2, −1, 3/2; d = 7·α³ at α = 1, 1/10, 1/100 gives 3, 3 against ln α")
    func localSlopes() {
        withPrecision(128) {
            let tiny = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << 120))
            func x(_ values: [Int]) -> [BigFloat] { values.map { BigFloat($0) } }
            let slopes = LeastSquares.localSlopes(x: x([0, 1, 2, 4]), y: x([1, 3, 2, 5]))
            #expect(slopes == [BigFloat(2), BigFloat(-1), BigFloat(Rational(numerator: 3, denominator: 2))])
            let alphas = [1, 10, 100].map { Rational(numerator: 1, denominator: BigInt($0)) }
            let logAlpha = alphas.map { BigFloat.log(BigFloat($0)) }
            let logD = alphas.map { BigFloat.log(BigFloat(7 * $0 * $0 * $0)) }
            let rates = LeastSquares.localSlopes(x: logAlpha, y: logD)
            #expect(rates.count == 2 && rates.allSatisfy { BigFloat.abs($0 - 3) < tiny })
            #expect(LeastSquares.localSlopes(x: x([5]), y: x([1])).isEmpty)
        }
    }
}
