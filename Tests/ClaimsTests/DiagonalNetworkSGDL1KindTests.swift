import Claims
import Foundation
import MultiPrecision
import Testing

/// Reference value: docs/theory.md §4.5's table, ‖x_α‖₁ = 2.06487154941 for this A, y at α = 1 (depth 2).
@Suite("diagonal-network-sgd-l1: the gradient-flow limit it compares with, and its error")
struct DiagonalNetworkSGDL1KindTests {
    @Test("‖x_GF(∞)‖₁ matches §4.5's table; its error (p vs p + 64 bits, target vs target/1000) is small and not zero")
    func flowLimit() async throws {
        let text = claimText(id: "sgd", kind: "diagonal-network-sgd-l1", """
            [model]
            A = [[1, 0, 1, 2, -1], [0, 1, -1, 1, 2]]
            y = [[3, 1]]
            alpha = 1
            [dynamics]
            step_size = "1/50"
            steps = 50
            [check]
            seeds = 3
            working_precision = 96
            """)
        let outcome = await ClaimEngine().check([try claim(text)]).claims[0]
        let instance = try #require(outcome.instances.first)
        let flow = try #require(instance.measurements.first { $0.name == "‖x_GF(∞)‖₁" })
        #expect(flow.value.hasPrefix("2.06487154"), "\(flow.value)")
        let error = try #require(Double(flow.error))
        #expect(error > 0 && error < 1e-9, "\(flow.error)")
        let decided = try #require(instance.measurements.first { $0.name == "seeds in the event (‖x_SGD‖₁ − ‖x_GF‖₁ beyond event_threshold)" })
        let undecided = try #require(instance.measurements.first { $0.name == "undecided seeds (within their error of the threshold)" })
        #expect(try #require(Int(decided.value)) + #require(Int(undecided.value)) <= 3)
        #expect(instance.measurements.contains { $0.name == "max over seeds of ‖A x_SGD(K) − y‖" })
    }
}
