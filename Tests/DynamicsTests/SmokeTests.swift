import Dynamics
import MultiPrecision
import Testing

@Suite("Smoke")
struct SmokeTests {
    @Test("y' = -y with RKF78 in Double")
    func decay() throws {
        let problem = try ODEProblem(field: Decay(), initialState: [Rational(1)], from: Rational(0), to: Rational(1))
        var options = IntegrationOptions()
        options.tolerance = Rational(numerator: 1, denominator: 10_000_000_000)
        let result = try integrate(problem, method: RungeKuttaFehlberg78(), scalar: Double.self, options: options)
        #expect(result.termination.isSuccess)
        #expect(abs(result.state[0] - 1 / 2.718281828459045) < 1e-9)
        print(result.statistics)
    }
}
