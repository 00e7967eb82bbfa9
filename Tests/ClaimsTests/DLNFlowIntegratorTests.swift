import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("dln-gf-balancedness with a chosen integrator: Gauss–Legendre conserves at any step, RK4 cannot decide")
struct DLNFlowIntegratorTests {
    static func body(_ integrator: String, steps: Int) -> String {
        """
        [model]
        widths = [2, 3, 2]
        samples = 3
        data_scale = "1/2"
        [dynamics]
        horizon = 1
        integrator = "\(integrator)"
        fixed_steps = \(steps)
        [check]
        output_times = 10
        [numerics]
        precision = 128
        max_precision = 128
        tolerance = "1e-25"
        [grid]
        seed = [1]
        """
    }

    @Test("Ten equal steps: Gauss–Legendre PASSes; RK4's drift lies within its step-halving error (INCONCLUSIVE)")
    func fixedSteps() async throws {
        let kind = "dln-gf-balancedness"
        let gauss = try claim(claimText(id: "gl", kind: kind, Self.body("gauss-legendre", steps: 10)))
        let rk4 = try claim(claimText(id: "rk4", kind: kind, expect: "inconclusive", Self.body("rk4", steps: 10)))
        let result = await ClaimEngine().check([gauss, rk4])
        #expect(result.claims.map(\.verdict) == [.pass, .inconclusive])
        let drift = { (i: Int) in result.claims[i].instances[0].measurements[0] }
        // GL: rounding-level drift at 128 bits. RK4 with h = 1/10 over [0, 1]: a truncation drift far above
        // rounding, and the method error (|r(10) − r(20)|, about 15·r(20) for order 4) covers it.
        #expect(Double(drift(0).value)! < 1e-35)
        let rk4Drift = Double(drift(1).value)!, rk4Error = Double(drift(1).error)!
        #expect(rk4Drift > 1e-12 && rk4Error > rk4Drift && rk4Error < 40 * rk4Drift)
        #expect(result.claims[1].instances[0].statistics["fixed steps"] == "20 (and 10 for the truncation estimate)")
        // The drift series: one point per output time, with an error estimate per point.
        let series = try #require(result.claims[0].instances[0].series.first { $0.name == "drift" })
        #expect(series.x.count == 10 && series.error?.count == 10 && series.logarithmic)
    }

    @Test("rk4 without fixed_steps is a parameter problem naming the key")
    func rk4NeedsSteps() throws {
        let text = Self.body("rk4", steps: 10).replacingOccurrences(of: "fixed_steps = 10\n", with: "")
        #expect(throws: ClaimFileErrors.self) { try claim(claimText(id: "rk4", kind: "dln-gf-balancedness", text)) }
        do { _ = try claim(claimText(id: "rk4", kind: "dln-gf-balancedness", text)) } catch {
            #expect(String(describing: error).contains("fixed_steps"))
        }
    }
}
