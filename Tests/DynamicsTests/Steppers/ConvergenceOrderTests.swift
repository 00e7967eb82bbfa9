import Dynamics
import MultiPrecision
import Testing

/// Measured orders by step halving, at 1024 bits so that rounding (2^−1024) never reaches the errors measured.
@Suite("Convergence orders")
struct ConvergenceOrderTests {
    /// The logistic equation y' = y(1 − y), y(0) = 1/2, on [0, 2]: y(2) = 1/(1 + e^{−2}).
    static func logisticErrors(_ method: some IntegrationMethod, steps: [Rational], bits: Int = 1024) throws -> [BigFloat] {
        let problem = try ODEProblem(field: Logistic(rate: q(1)), initialState: [q(1, 2)], from: q(0), to: q(2))
        let exact = withPrecision(bits) { BigFloat(1) / (BigFloat(1) + BigFloat.exp(BigFloat(-2))) }
        return try steps.map { h in
            let result = try integrate(problem, method: method, scalar: BigFloat.self, options: options(bits, fixed: h))
            #expect(result.termination.isSuccess)
            return withPrecision(bits) { BigFloat.abs(result.state[0] - exact) }
        }
    }

    @Test("Gauss–Legendre s = 2, 3, 4 converge with orders 4, 6, 8", arguments: [
        (2, [q(1, 8), q(1, 16), q(1, 32)]),
        (3, [q(1, 4), q(1, 8), q(1, 16)]),
        (4, [q(1, 2), q(1, 4), q(1, 8)]),
    ])
    func gaussLegendre(stages: Int, steps: [Rational]) throws {
        let errors = try Self.logisticErrors(GaussLegendre(stages: stages), steps: steps)
        let orders = measuredOrders(errors)
        print("GL s=\(stages): errors \(errors.map { $0.scientific(significantDigits: 3) }) orders \(orders)")
        for order in orders { #expect(abs(order - Double(2 * stages)) <= 0.3, "orders \(orders)") }
    }

    @Test("Runge–Kutta–Fehlberg 8(7) converges with order 8")
    func fehlberg() throws {
        let errors = try Self.logisticErrors(RungeKuttaFehlberg78(), steps: [q(1, 2), q(1, 4), q(1, 8)])
        let orders = measuredOrders(errors)
        print("RKF78: errors \(errors.map { $0.scientific(significantDigits: 3) }) orders \(orders)")
        for order in orders { #expect(abs(order - 8) <= 0.3, "orders \(orders)") }
    }

    @Test("Classical RK4 converges with order 4")
    func rk4() throws {
        let errors = try Self.logisticErrors(ClassicalRungeKutta4(), steps: [q(1, 8), q(1, 16), q(1, 32)])
        let orders = measuredOrders(errors)
        print("RK4: errors \(errors.map { $0.scientific(significantDigits: 3) }) orders \(orders)")
        for order in orders { #expect(abs(order - 4) <= 0.3, "orders \(orders)") }
    }
}
