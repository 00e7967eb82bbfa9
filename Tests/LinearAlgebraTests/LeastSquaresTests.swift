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
}
