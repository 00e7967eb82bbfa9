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

    @Test("Ten equal steps: Gauss–Legendre PASSes (it conserves D_j at its step points); RK4's truncation error is not estimated (INCONCLUSIVE)")
    func fixedSteps() async throws {
        let kind = "dln-gf-balancedness"
        let gauss = try claim(claimText(id: "gl", kind: kind, Self.body("gauss-legendre", steps: 10)))
        let rk4 = try claim(claimText(id: "rk4", kind: kind, expect: "inconclusive", Self.body("rk4", steps: 10)))
        let result = await ClaimEngine().check([gauss, rk4])
        #expect(result.claims.map(\.verdict) == [.pass, .inconclusive])
        let drift = { (i: Int) in result.claims[i].instances[0].measurements[0] }
        // GL: rounding-level drift at 128 bits (the flow conserves D_j exactly). RK4 with h = 1/10 over [0, 1]: a
        // truncation drift far above rounding, which the second precision does not see; the margin's error is
        // unbounded, so no verdict.
        #expect(Double(drift(0).value)! < 1e-35)
        #expect(Double(drift(1).value)! > 1e-12)
        #expect(Double(result.claims[1].instances[0].margin?.error ?? "0")! > 1e300)
        #expect(result.claims[1].instances[0].statistics["fixed steps"] == "10")
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
