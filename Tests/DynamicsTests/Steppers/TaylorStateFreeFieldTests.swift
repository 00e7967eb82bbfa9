@testable import Dynamics
import MultiPrecision
import Testing

@Suite("Taylor: fields that do not depend on the state")
struct TaylorStateFreeFieldTests {
    @Test("ẋ₀ = 1, ẋ₁ = t: exact polynomials (the tape has no computed node; it once read an empty step list)")
    func stateFree() throws {
        let problem = try ODEProblem(field: StateFree(), initialState: [Rational(2), Rational(-1)],
                                     from: Rational(0), to: Rational(3))
        let result = try integrate(problem, method: Taylor(), scalar: BigFloat.self,
                                   options: IntegrationOptions(precision: 128))
        #expect(result.termination.isSuccess)
        withPrecision(128) {
            #expect(result.state[0] == BigFloat(5))                                   // 2 + 3
            #expect(BigFloat.abs(result.state[1] - BigFloat(Rational(numerator: 7, denominator: 2))) < BigFloat(1e-35))  // −1 + 9/2
        }
    }
}
