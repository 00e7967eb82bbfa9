import Claims
import Foundation
import MultiPrecision
import Testing

/// The OMWU kind reports the exact equilibrium (x*, y*, v) and, as series, the iterates and the duality gap.
@Suite("OMWU: equilibrium, iterates and duality gap")
struct OMWUSeriesTests {
    @Test("wRPS(1,2,3): x* = y* = (1/2, 1/3, 1/6), v = 0 exactly; gap at t = 0 is the uniform strategy's, exactly")
    func equilibriumAndSeries() throws {
        let text = """
            id = "w"
            title = "t"
            kind = "omwu-kl"
            source = "s"
            statement = "s"
            [model]
            payoff = [[0, 1, -2], [-1, 0, 3], [2, -3, 0]]
            [dynamics]
            step_size = "1/10"
            steps = 40
            """
        let claim = try ClaimFileParser().parse(text: text, file: "w.toml", baseDirectory: "/")
        let kind = try #require(ClaimKindRegistry.standard.kind(named: "omwu-kl"))
        let context = EvaluationContext(precision: 128, tolerance: 0)
        let evaluation = try withPrecision(128) { try kind.evaluate(claim.instances[0].parameters, context: context) }
        func exact(_ name: String) -> Rational? {
            guard case let .exact(r)? = evaluation.quantities.first(where: { $0.name == name })?.value else { return nil }
            return r
        }
        let third = try Rational(parsing: "1/3"), half = try Rational(parsing: "1/2"), sixth = try Rational(parsing: "1/6")
        #expect(exact("v (game value, exact)") == Rational(0))
        #expect([exact("x*_1 (exact)"), exact("x*_2 (exact)"), exact("x*_3 (exact)")] == [half, third, sixth])
        #expect([exact("y*_1 (exact)"), exact("y*_2 (exact)"), exact("y*_3 (exact)")] == [half, third, sixth])
        let names = evaluation.series.map(\.name)
        #expect(names == ["KL", "duality gap", "x_1", "x_2", "x_3", "y_1", "y_2", "y_3"])
        // At t = 0 both players are uniform: Aᵀx has columns (1/3)(0 − 1 + 2, 1 + 0 − 3, −2 + 3 + 0) = (1/3, −2/3, 1/3),
        // Ay has rows (1/3)(−1, 2, −1): the gap is max(1/3, −2/3, 1/3) − min(−1/3, 2/3, −1/3) = 2/3.
        let gap = try #require(evaluation.series.first { $0.name == "duality gap" })
        #expect(gap.x.first == 0 && abs(gap.y[0] - 2.0 / 3.0) < 1e-15)
        #expect(gap.y.allSatisfy { $0 >= 0 })
        let x1 = try #require(evaluation.series.first { $0.name == "x_1" })
        #expect(abs(x1.y[0] - 1.0 / 3.0) < 1e-15)
        // The iterates are probability vectors at every recorded step.
        let xs = evaluation.series.filter { $0.name.hasPrefix("x_") }
        for i in xs[0].y.indices { #expect(abs(xs.reduce(0) { $0 + $1.y[i] } - 1) < 1e-12) }
    }
}
