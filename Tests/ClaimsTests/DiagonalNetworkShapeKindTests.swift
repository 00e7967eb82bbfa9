import Claims
import Foundation
import MultiPrecision
import Testing

/// Reference values: Tests/ClaimsTests/References/diagonal_network_shape.py (mpmath, 40 digits; it also checks the
/// closed form β(s) against the full (u, v) flow).
@Suite("diagonal-network-initialization-shape: the shape certificate PASSes, the shape-blind twin FAILs (docs/theory.md §4.4)")
struct DiagonalNetworkShapeKindTests {
    static let body = """
        [model]
        A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]]
        y = [[3, 1]]
        u0 = [[1, "1/2", 2, 1, "1/4"]]
        v0 = [["1/2", 1, "1/4", 2, 1]]
        [dynamics]
        target_residual = "1e-20"
        [numerics]
        precision = 128
        max_precision = 128

        """

    @Test("The limit matches mpmath's β_∞; the certificate with the offset holds, without it fails")
    func truthAndTwin() async throws {
        let truth = try claim(claimText(id: "shape", kind: "diagonal-network-initialization-shape",
                                        Self.body + "[check]\nrelative_tolerance = \"1e-12\"\n"))
        let blind = try claim(claimText(id: "blind", kind: "diagonal-network-initialization-shape", expect: "fail",
                                        Self.body + "[check]\nclaim = \"shape-blind\"\n"))
        let result = await ClaimEngine().check([truth, blind])
        #expect(result.claims.map(\.verdict) == [.pass, .fail])
        let instance = try #require(result.claims[0].instances.first)
        let expected = ["0.4226590558659", "0.3847981426445", "0.6408763630956", "1.025801476505", "0.1151383719727"]
        for (j, value) in expected.enumerated() {
            let measured = try #require(instance.measurements.first { $0.name == "β_\(j + 1)" }).value
            #expect(measured.hasPrefix(value), "β_\(j + 1) = \(measured)")
        }
        let twin = try #require(result.claims[1].instances.first)
        let distance = try #require(twin.measurements.first { $0.name == "dist(φ(β), range Aᵀ)/‖φ(β)‖" }).value
        #expect(distance.hasPrefix("0.63709044"), "\(distance)")
    }

    @Test("c = 0 freezes the sign of β: with u(0) = −v(0) the flow cannot interpolate (FAIL), with u(0) = v(0) it can")
    func frozenSign() async throws {
        func body(_ v0: String) -> String {
            """
            [model]
            A = [[1, 2]]
            y = [[1]]
            u0 = [[1, "1/2"]]
            v0 = [[\(v0)]]
            [dynamics]
            max_time = 20
            target_residual = "1e-20"
            [check]
            claim = "interpolates"
            relative_tolerance = "1e-12"
            [numerics]
            precision = 128
            max_precision = 128
            """
        }
        let frozen = try claim(claimText(id: "frozen", kind: "diagonal-network-initialization-shape", expect: "fail",
                                         body("-1, \"-1/2\"")))
        let free = try claim(claimText(id: "free", kind: "diagonal-network-initialization-shape", body("1, \"1/2\"")))
        let result = await ClaimEngine().check([frozen, free])
        #expect(result.claims.map(\.verdict) == [.fail, .pass])
        // β₁ + 2β₂ − 1 with β ≤ 0 stays below −1: the relative residual is ≥ 1.
        let residual = try #require(result.claims[0].instances[0].measurements.first { $0.name == "‖Aβ − y‖/‖y‖" })
        #expect(try #require(Double(residual.value)) >= 1)
    }

    @Test("u0² = v0² at a coordinate (c = 0) is rejected with the key named")
    func degenerateCoordinate() {
        let text = claimText(id: "bad", kind: "diagonal-network-initialization-shape",
                             Self.body.replacingOccurrences(of: "v0 = [[\"1/2\", 1,", with: "v0 = [[-1, 1,"))
        let errors = #expect(throws: ClaimFileErrors.self) { try claim(text) }
        #expect(errors?.errors.contains { ($0.key ?? "").contains("v0") } == true)
    }
}
