import Claims
import Foundation
import MultiPrecision
import Testing

/// A long single instance says how far it is: a conjecture's flow reports t of T at every output time, and its map
/// reports the step, through `EvaluationContext.report`, which the live progress line shows.
@Suite("Conjecture kind: progress of a running instance")
struct ConjectureProgressTests {
    /// Evaluates instance 0 of `toml` at 64 bits with a progress key, and returns what the board says afterwards.
    func progress(_ toml: String) throws -> String? {
        let path = try writeClaimFolder(toml)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let claim = try ClaimFileParser().parse(file: path)
        let kind = try #require(ClaimKindRegistry.standard.kind(named: claim.kind))
        var context = EvaluationContext(precision: 64, tolerance: 0)
        let key = "progress-test \(UUID())"
        context.progressKey = key
        defer { ProgressBoard.shared.remove(key) }
        _ = try withPrecision(64) { try kind.evaluate(claim.instances[0].parameters, context: context) }
        return ProgressBoard.shared.text(for: key)
    }

    @Test("A flow ends at t = T of T, a map at its last step")
    func flowAndMap() throws {
        let flow = """
            id = "p-flow"
            title = "t"
            statement = "s"
            source = "s"
            [symbols]
            x = { kind = "scalar", init = "1" }
            [dynamics]
            flow.x = "-x"
            horizon = 3
            output_times = 6
            [[property]]
            monotone = "x"
            direction = "non-increasing"
            """
        #expect(try progress(flow) == "t = 3 of 3, 64 bits")
        let map = """
            id = "p-map"
            title = "t"
            statement = "s"
            source = "s"
            [symbols]
            x = { kind = "scalar", init = "1" }
            [dynamics]
            map.x = "x / 2"
            steps = 7
            [[property]]
            monotone = "x"
            direction = "non-increasing"
            """
        #expect(try progress(map) == "step 7 of 7, 64 bits")
    }
}
