import Claims
import Foundation
import MultiPrecision
import Testing

/// Reference values: docs/theory.md §4.5's tables (‖x_α‖₁) and Tests/ClaimsTests/References/diagonal_network_l1_limit.py
/// (mpmath, 60 digits: the distances to x_ℓ1 = (0, 0, 0, 7/5, −1/5) and the local exponents).
@Suite("diagonal-network-l1-limit: x_∞(α) → x_ℓ1 PASSes, the twins FAIL, a non-unique x_ℓ1 is an ERROR")
struct DiagonalNetworkL1LimitKindTests {
    static let reference = """
        [model]
        A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]]
        y = [[3, 1]]

        """

    static func run(_ id: String, expect: String = "pass", _ body: String) async throws -> ClaimOutcome {
        let text = claimText(id: id, kind: "diagonal-network-l1-limit", expect: expect,
                             body + "\n[numerics]\nprecision = 128\nmax_precision = 128\n")
        return await ClaimEngine().check([try claim(text)]).claims[0]
    }

    static func value(_ instance: InstanceOutcome, _ name: String) throws -> String {
        try #require(instance.measurements.first { $0.name == name }, "no \(name)").value
    }

    /// The first `digits` significant characters of a decimal string (sign and point included).
    static func prefix(_ text: String, _ digits: Int) -> String { String(text.prefix(digits)) }

    @Test("Depth 2, α = 1 … 10⁻⁶ (Newton limits): §4.5's table, the exact x_ℓ1 and the rate α^0.4")
    func depthTwoTable() async throws {
        let outcome = try await Self.run("d2", Self.reference + """
            depth = 2
            alpha_ratio = "1/10"
            alpha_count = 7
            [dynamics]
            limit = "reference"
            [check]
            minimum_exponent = "3/10"
            """)
        #expect(outcome.verdict == .pass)
        let instance = try #require(outcome.instances.first)
        #expect(try Self.value(instance, "x_ℓ1,4") == "1.4")
        #expect(try Self.value(instance, "x_ℓ1,5") == "-0.2")
        #expect(try Self.value(instance, "‖x_ℓ1‖₁ (exact LP)") == "1.6")
        #expect(try Self.value(instance, "certificate slack 1 − max_{j∉S} |A_jᵀλ|") == "0.2")
        #expect(try Self.value(instance, "predicted exponent (derived, |S| = m)") == "0.4")
        // ‖x_α‖₁ from docs/theory.md §4.5 (12 significant digits there).
        // α_k = 10^{−k}: the names say the position k in the sequence, the values of α_k are measured beside them.
        #expect(try Self.value(instance, "α_6") == "0.000001")
        let norms = [0: "2.0648715494", 1: "1.6682209824", 2: "1.6194828547", 3: "1.6061975895", 6: "1.6003285344"]
        for (k, expected) in norms {
            #expect(Self.prefix(try Self.value(instance, "‖x_∞‖₁ at α_\(k)"), 12) == expected, "α = 10^−\(k)")
        }
        // Distances and local exponents from mpmath.
        let distances = [0: "0.625673782340", 1: "0.195253935144", 2: "0.0736890922438",
                         3: "0.0297132732250", 4: "0.0119768949130", 6: "0.00191484080187"]
        for (k, expected) in distances {
            let text = try Self.value(instance, "‖x_∞ − x_ℓ1‖₂ at α_\(k)")
            #expect(Self.prefix(text, expected.count) == expected, "α = 10^−\(k): \(text)")
        }
        #expect(Self.prefix(try Self.value(instance, "local exponent e_0 (α_0 → α_1)"), 12) == "0.5057481616")
        #expect(Self.prefix(try Self.value(instance, "local exponent e_5 (α_5 → α_6)"), 12) == "0.3988650599")
        let fitted = try #require(Double(try Self.value(instance, "fitted exponent (least squares, log d against log α)")))
        #expect(fitted > 0.39 && fitted < 0.45)
    }

    @Test("Depth 3 (Newton limits): §4.5's table at α = 1, 1/2 and 1/10, 1/20; the rate approaches α³")
    func depthThreeTable() async throws {
        let outcome = try await Self.run("d3", Self.reference + """
            depth = 3
            alpha_ratio = "1/2"
            alpha_count = 3
            [dynamics]
            limit = "reference"
            [[instance]]
            alpha_start = 1
            [[instance]]
            alpha_start = "1/10"
            """)
        #expect(outcome.verdict == .pass)
        let first = outcome.instances[0], second = outcome.instances[1]
        // α_k = 2^{−k}, then 2^{−k}/10; both instances name their measurements alike.
        #expect(Self.prefix(try Self.value(first, "‖x_∞‖₁ at α_0"), 12) == "2.0454478920")
        #expect(Self.prefix(try Self.value(first, "‖x_∞‖₁ at α_1"), 11) == "1.774817383")
        #expect(Self.prefix(try Self.value(first, "‖x_∞‖₁ at α_2"), 12) == "1.6509761499")
        #expect(try Self.value(second, "α_1") == "0.05")
        #expect(Self.prefix(try Self.value(second, "‖x_∞‖₁ at α_0"), 11) == "1.610302695")
        #expect(Self.prefix(try Self.value(second, "‖x_∞‖₁ at α_1"), 12) == "1.6021171431")
        #expect(Self.prefix(try Self.value(second, "‖x_∞ − x_ℓ1‖₂ at α_0"), 13) == "0.03760625538")
        #expect(first.measurements.map(\.name) == second.measurements.map(\.name))
        #expect(try Self.value(first, "predicted exponent (derived, |S| = m)") == "3")
    }

    @Test("Gradient flow (Taylor, event) at α = 1, 1/2, 1/4 gives the mpmath distances")
    func flowLimits() async throws {
        let outcome = try await Self.run("flow", Self.reference + """
            depth = 2
            alpha_ratio = "1/2"
            alpha_count = 3
            [dynamics]
            target_residual = "1e-20"
            """)
        #expect(outcome.verdict == .pass)
        let instance = try #require(outcome.instances.first)
        for (k, expected) in [0: "0.6256737823", 1: "0.5011566711", 2: "0.3174976354"] {
            #expect(Self.prefix(try Self.value(instance, "‖x_∞ − x_ℓ1‖₂ at α_\(k)"), 12) == expected)
        }
        #expect(Self.prefix(try Self.value(instance, "local exponent e_1 (α_1 → α_2)"), 11) == "0.658515840")
        #expect(instance.measurements.filter { $0.name.hasPrefix("‖x_∞ −") }.allSatisfy { $0.error != "0" })
    }

    @Test("Twins FAIL: the limit approaches x_ℓ2; depth 2 converges like α²")
    func twins() async throws {
        let l2 = try await Self.run("l2", expect: "fail", Self.reference + """
            depth = 2
            [dynamics]
            limit = "reference"
            [check]
            target = "l2"
            """)
        #expect(l2.verdict == .fail)
        let rate = try await Self.run("rate", expect: "fail", Self.reference + """
            depth = 2
            [dynamics]
            limit = "reference"
            [check]
            minimum_exponent = 2
            """)
        #expect(rate.verdict == .fail)
    }

    @Test("A non-unique minimum-ℓ1 interpolant (column 5 = −column 3, docs/theory.md §4.5) is an ERROR that says so")
    func nonUniqueMinimizer() async throws {
        let outcome = try await Self.run("segment", """
            [model]
            A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 1]]
            y = [[3, 1]]
            [dynamics]
            limit = "reference"
            """)
        #expect(outcome.verdict == .error)
        let message = outcome.instances.first?.message ?? ""
        #expect(message.contains("not unique"), "\(message)")
    }

    @Test("alpha_ratio ≥ 1 is rejected with the key named")
    func badRatio() {
        let text = claimText(id: "bad", kind: "diagonal-network-l1-limit", Self.reference + "alpha_ratio = 2\n")
        let errors = #expect(throws: ClaimFileErrors.self) { try claim(text) }
        #expect(errors?.errors.contains { ($0.key ?? "").contains("alpha_ratio") } == true)
    }
}
