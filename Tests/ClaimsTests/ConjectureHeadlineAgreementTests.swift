import Claims
import Foundation
import MultiPrecision
import Testing

/// The headline claims restated in the conjecture language (proofs/conjectures/*-restated.toml, omwu-kl-from-step-1)
/// and their built-in kinds, run by the same engine on the same exact data, measure the same numbers:
/// |a − b| ≤ err_a + err_b for rounded quantities (each error estimate from the engine's two precisions), a = b for
/// exact ones.
@Suite("Restated headline claims agree with their built-in kinds", .serialized)
struct ConjectureHeadlineAgreementTests {
    /// The shipped conjecture file, parsed with the standard kinds.
    static func shipped(_ name: String) throws -> ClaimSpec {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder = root.appendingPathComponent("proofs/conjectures")
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try ClaimFileParser().parse(text: text, file: name, baseDirectory: folder.path)
    }

    /// The measurement whose name starts with `prefix` in instance `index`.
    static func measurement(_ outcome: ClaimOutcome, _ prefix: String, instance index: Int = 0) throws -> Claims.Measurement {
        try #require(outcome.instances[index].measurements.first { $0.name.hasPrefix(prefix) },
                     "\(outcome.claim.id): no measurement '\(prefix)' among \(outcome.instances[index].measurements.map(\.name))")
    }

    /// A rounded measurement's value and error at 384 bits (more than the claims' 256 + 64).
    static func rounded(_ m: Claims.Measurement) -> (value: BigFloat, error: BigFloat) {
        (BigFloat(m.value, precision: 384)!, BigFloat(m.error, precision: 384)!)
    }

    /// |a − b| ≤ err_a + err_b (+ `extra`), with the figures in the failure message.
    static func expectAgreement(_ a: Claims.Measurement, _ b: Claims.Measurement, extra: BigFloat = BigFloat(0),
                                _ what: String) {
        withPrecision(384) {
            let (x, ex) = rounded(a), (y, ey) = rounded(b)
            let gap = BigFloat.abs(x - y)
            #expect(gap <= ex + ey + extra,
                    "\(what): |\(a.value) − \(b.value)| = \(gap) > \(ex) + \(ey) + \(extra)")
            // Not vacuous: the numbers themselves are far larger than the error estimates.
            #expect(BigFloat.abs(x) > BigFloat(1000) * (ex + ey + extra), "\(what): the value is within its error")
        }
    }

    /// The data of dln-gf-balancedness-restated and dln-gd-balancedness-step-restated (widths 2-3-2-2).
    static let deepLinearModel = """
        [model]
        widths = [2, 3, 2, 2]
        X = [[1, "1/2", "-1/2"], ["1/4", -1, "1/2"]]
        Y = [["1/2", 1, 0], [-1, "1/4", "3/4"]]
        weights = [[["1/2", "-1/4"], ["1/4", "1/2"], [0, "1/4"]], [["1/2", 0, "1/4"], ["-1/4", "1/2", "1/8"]], [["1/2", "1/8"], [0, "1/2"]]]
        """

    @Test("Balancedness under gradient flow: L(W(2)) of the conjecture equals the built-in dln-gf-balancedness's within the error estimates, and both PASS")
    func gradientFlowBalancedness() async throws {
        let builtIn = try claim(claimText(id: "builtin-gf", kind: "dln-gf-balancedness", Self.deepLinearModel + """

            [dynamics]
            method = "gf"
            horizon = 2
            [numerics]
            precision = 256
            tolerance = "1e-60"
            """))
        let result = await ClaimEngine().check([try Self.shipped("dln-gf-balancedness-restated.toml"), builtIn])
        #expect(result.claims.map(\.verdict) == [.pass, .pass])
        Self.expectAgreement(try Self.measurement(result.claims[0], "loss: e at the last sample"),
                             try Self.measurement(result.claims[1], "L(W(T))"), "L(W(2))")
    }

    @Test("The exact η² law of one GD step: L(W(3)) of the conjecture (exact arithmetic) equals the built-in dln-gd-balancedness-step's exactly, for η = 1/100 and 3/10")
    func gradientDescentStep() async throws {
        let builtIn = try claim(claimText(id: "builtin-gd", kind: "dln-gd-balancedness-step", Self.deepLinearModel + """

            [dynamics]
            method = "gd"
            steps = 3
            [grid]
            step_size = ["1/100", "3/10"]
            """))
        let result = await ClaimEngine().check([try Self.shipped("dln-gd-balancedness-step-restated.toml"), builtIn])
        #expect(result.claims.map(\.verdict) == [.pass, .pass])
        for i in 0..<2 {
            let a = try Self.measurement(result.claims[0], "final loss: smallest signed gap", instance: i)
            let b = try Self.measurement(result.claims[1], "L(W(k))", instance: i)
            let exactA = try #require(a.exact.flatMap { Rational($0) }), exactB = try #require(b.exact.flatMap { Rational($0) })
            #expect(exactA == exactB && exactA > Rational(0), "L(W(3)) at η #\(i): \(a.exact ?? "?") vs \(b.exact ?? "?")")
            #expect(a.error == "0" && b.error == "0")
        }
    }

    @Test("OMWU KL monotonicity on wRPS: KL_300 of the conjecture's map equals the built-in omwu-kl's within the error estimates, and both PASS")
    func omwuKL() async throws {
        let builtIn = try claim(claimText(id: "builtin-omwu", kind: "omwu-kl", """
            [model]
            payoff = [[0, 1, -2], [-1, 0, 3], [2, -3, 0]]
            [dynamics]
            method = "omwu"
            step_size = "1/10"
            steps = 300
            [numerics]
            precision = 256
            """))
        let result = await ClaimEngine().check([try Self.shipped("omwu-kl-from-step-1.toml"), builtIn])
        #expect(result.claims.map(\.verdict) == [.pass, .pass])
        Self.expectAgreement(try Self.measurement(result.claims[0], "property 1: e at the last sample"),
                             try Self.measurement(result.claims[1], "KL_T"), "KL_300")
    }

    @Test("The diagonal-network kernel certificate: ‖P x_∞‖ (P onto null A) of the conjecture equals the built-in's relative distance times ‖x‖, and both FAIL")
    func diagonalNetworkCertificate() async throws {
        // The built-in stops at the event ‖Ax − y‖ = 10⁻⁶⁶‖y‖ (the smallest target it allows at 256 bits) and reports
        // ρ = ‖x − x_α‖/‖x_α‖ against the Newton limit x_α; the conjecture integrates to T = 80, where x(T) − x_∞ is
        // of order e^{−3.2·75} (scripts/conjectures/diagonal_network.py: the slowest rate near x_∞ is 3.2), far
        // below 2^−256. Since |‖Px‖ − ‖Px'‖| ≤ ‖x − x'‖, the built-in's ‖P x‖ may differ from the limit's by ρ‖x_α‖.
        let builtIn = try claim(claimText(id: "builtin-kernel", kind: "diagonal-network-implicit-bias", expect: "fail", """
            [model]
            A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]]
            y = [[3, 1]]
            depth = 2
            alpha = "1/10"
            [dynamics]
            target_residual = "1e-66"
            [check]
            certificate = "linear"
            [numerics]
            precision = 256
            """))
        let result = await ClaimEngine().check([try Self.shipped("diagonal-network-kernel-certificate-restated.toml"), builtIn])
        #expect(result.claims.map(\.verdict) == [.fail, .fail])
        let conjecture = try Self.measurement(result.claims[0], "kernel certificate: smallest signed gap")
        let outcome = result.claims[1]
        try withPrecision(384) {
            let (gap, gapError) = Self.rounded(conjecture)
            let (distance, distanceError) = Self.rounded(try Self.measurement(outcome, "dist(φ(x), range Aᵀ)/‖φ(x)‖"))
            let (rho, rhoError) = Self.rounded(try Self.measurement(outcome, "‖x − x_α‖/‖x_α‖"))
            var squares = BigFloat(0), errors = BigFloat(0)
            for j in 1...5 {
                let (x, e) = Self.rounded(try Self.measurement(outcome, "x_\(j)"))
                squares = squares + x * x
                errors = errors + e
            }
            let norm = BigFloat.sqrt(squares)
            // ‖P x‖ from the built-in, with its error: dist·‖x‖, err ≤ err_dist·‖x‖ + dist·Σ err_xj.
            let builtInValue = distance * norm
            let builtInError = distanceError * norm + distance * errors
            let stopping = (rho + rhoError) * norm * BigFloat(Rational(numerator: 11, denominator: 10))
            let difference = BigFloat.abs(-gap - builtInValue)
            #expect(difference <= gapError + builtInError + stopping,
                    "‖P x‖: conjecture \(-gap), built-in \(builtInValue), difference \(difference)")
            // The numbers: 0.478237677822698144980967992128 (mpmath, scripts/conjectures/diagonal_network.py) and a
            // relative distance of 0.35527066288605896699197666721780.
            let reference = BigFloat("0.47823767782269814498096799212837958562", precision: 384)!
            #expect(BigFloat.abs(-gap - reference) < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(35))))
            #expect(rho < BigFloat(Rational(numerator: 1, denominator: BigInt(10).power(50))))
        }
    }
}
