import Dynamics
import MultiPrecision
import Testing

/// The demonstration: Gauss–Legendre conserves quadratic invariants to rounding over 10⁴ steps, while explicit
/// Runge–Kutta methods drift. Euler's free rigid body ṁ = m × I⁻¹m (nonlinear) conserves |m|² and Σ mᵢ²/Iᵢ.
@Suite("Conservation of quadratic invariants")
struct ConservationTests {
    struct Drift { var casimir = 0.0, energy = 0.0 }

    /// The largest relative drift of both invariants over 10⁴ steps of size `step` in Double.
    static func drift(_ method: some IntegrationMethod, step: Rational = q(1, 10)) throws -> Drift {
        let body = RigidBody()
        let problem = try ODEProblem(field: body, initialState: [q(4, 5), q(3, 5), q(1, 2)], from: q(0),
                                     to: step * Rational(10_000))
        let inertia = [body.inertia.0, body.inertia.1, body.inertia.2].map { Double($0) }
        func invariants(_ m: [Double]) -> (Double, Double) {
            (m[0] * m[0] + m[1] * m[1] + m[2] * m[2], m[0] * m[0] / inertia[0] + m[1] * m[1] / inertia[1] + m[2] * m[2] / inertia[2])
        }
        var initial: (Double, Double)?
        var worst = Drift()
        let observer = Observer<Double>(.everyStep) { sample in
            let (c, e) = invariants(sample.state)
            if initial == nil { initial = (c, e) }
            worst.casimir = max(worst.casimir, abs(c - initial!.0) / initial!.0)
            worst.energy = max(worst.energy, abs(e - initial!.1) / initial!.1)
        }
        let result = try integrate(problem, method: method, scalar: Double.self, options: options(53, fixed: step),
                                   observers: [observer])
        #expect(result.statistics.steps == 10_000)
        return worst
    }

    @Test("Gauss–Legendre s = 2 keeps |m|² and the energy to rounding over 10⁴ steps; RK4 drifts")
    func rigidBody() throws {
        let gl = try Self.drift(GaussLegendre(stages: 2))
        let rk4 = try Self.drift(ClassicalRungeKutta4())
        // Rounding: a random walk of ~10⁴ roundings of 2^−53 each stays below ~10⁻¹³.
        #expect(gl.casimir < 1e-13 && gl.energy < 1e-13, "\(gl)")
        #expect(rk4.casimir > 1e-7 && rk4.energy > 1e-7, "\(rk4)")
    }

    @Test("With steps of 1/2, Gauss–Legendre s = 2 still conserves both; the eighth-order Fehlberg pair drifts")
    func rigidBodyLargeSteps() throws {
        let gl = try Self.drift(GaussLegendre(stages: 2), step: q(1, 2))
        let rkf = try Self.drift(RungeKuttaFehlberg78(), step: q(1, 2))
        #expect(gl.casimir < 1e-13 && gl.energy < 1e-13, "\(gl)")
        #expect(rkf.casimir > 1e-10 && rkf.energy > 1e-10, "\(rkf)")
    }
}
