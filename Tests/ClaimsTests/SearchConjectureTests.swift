import Claims
import Foundation
import MultiPrecision
import Testing

/// Searches and thresholds over the `conjecture` kind: a draw or a bisection point binds the instance again
/// (dimensions, parameters, seed), and replay files keep the conjecture's own format.
@Suite("Search and thresholds over conjectures")
struct SearchConjectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let thresholdFile = root.appendingPathComponent("proofs/search/dln3-gd-loss-critical-step-size.toml")

    @Test("GD on a depth-3 linear network, square loss, 4 steps: the critical step size of a non-increasing loss is bracketed to 2⁻²⁰ and both ends verify on their own")
    func criticalStepSize() async throws {
        let claim = try ClaimFileParser().parse(file: Self.thresholdFile.path)
        #expect(claim.kind == "conjecture" && claim.threshold?.parameter == "eta")
        let outcome = await ClaimEngine().check([claim], options: CheckOptions(jobs: 2)).claims[0]
        let threshold = try #require(outcome.threshold)
        #expect(outcome.verdict == .pass && threshold.isVerified && threshold.undecided == nil)
        #expect(threshold.width <= Rational(numerator: 1, denominator: BigInt(1 << 20)))
        #expect(threshold.passEnd.value < threshold.failEnd.value)
        // Each end as an ordinary conjecture: eta written into [parameters], the [threshold] table removed.
        let text = try String(contentsOf: Self.thresholdFile, encoding: .utf8)
        let withoutThreshold = String(text[..<text.range(of: "[threshold]")!.lowerBound])
        for (end, verdict) in [(threshold.passEnd, Verdict.pass), (threshold.failEnd, Verdict.fail)] {
            let fixed = withoutThreshold.replacingOccurrences(of: "eta = \"1/100\"", with: "eta = \"\(end.value)\"")
            #expect(fixed != withoutThreshold)
            let single = try ClaimFileParser().parse(text: fixed, file: Self.thresholdFile.path,
                                                     baseDirectory: Self.thresholdFile.deletingLastPathComponent().path)
            #expect(single.threshold == nil && single.instances.count == 1)
            let checked = await ClaimEngine().check([single]).claims[0]
            #expect(checked.verdict == verdict)
            let margin = try #require(checked.instances.first?.margin)
            #expect(margin == end.outcome.margin)
            #expect(verdict == .pass ? !margin.value.hasPrefix("-") : margin.value.hasPrefix("-"))
            #expect(checked.instances.first?.location?.contains("loss non-increasing") == true)
        }
    }

    static let searchText = """
        id = "dln3-gd-loss-non-increasing-search"
        title = "Known false, by search: GD on a depth-3 linear network never increases the loss for η ≤ 3"
        kind = "conjecture"
        expect = "fail"
        source = "tests"
        statement = "the loss is non-increasing at every step"

        [symbols]
        X  = { shape = ["d0", "m"], data = "random", seed = 1 }
        Y  = { shape = ["d3", "m"], data = "random", seed = 2 }
        W1 = { shape = ["d1", "d0"], init = "random", scale = "1/2" }
        W2 = { shape = ["d2", "d1"], init = "random", scale = "1/2" }
        W3 = { shape = ["d3", "d2"], init = "random", scale = "1/2" }

        [parameters]
        eta = "1/100"

        [dynamics]
        gradient-descent = "1/2 norm2(W3 W2 W1 X - Y)"
        step_size = "eta"
        steps = 4

        [[property]]
        monotone = "1/2 norm2(W3 W2 W1 X - Y)"
        direction = "non-increasing"

        [numerics]
        precision = 128

        [grid]
        d0 = [3]
        d1 = [3]
        d2 = [3]
        d3 = [2]
        m = [4]
        seed = [0]

        [search]
        draws = 40
        seed = 5

        [search.ranges]
        d1 = [1, 4]
        d2 = [1, 4]
        m = [1, 5]
        seed = [0, 100]
        eta = { min = "1/100", max = "3", denominator = 100 }
        """

    @Test("A search over a conjecture draws sizes, seeds and the step size, finds and shrinks a FAIL, and its replay file (in the conjecture format) gives the same FAIL and margin")
    func searchOverConjecture() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-search-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("search.toml")
        try Self.searchText.write(to: file, atomically: true, encoding: .utf8)
        let claim = try ClaimFileParser().parse(file: file.path)
        #expect(claim.search?.ranges.count == 5 && claim.instances.count == 1)
        var options = CheckOptions(jobs: 2)
        options.counterexampleFolder = folder.appendingPathComponent("cx").path
        let outcome = await ClaimEngine().check([claim], options: options).claims[0]
        let search = try #require(outcome.search)
        #expect(outcome.verdict == .fail && outcome.metExpectation)
        let failing = try #require(search.failingDraw)
        let minimal = try #require(search.minimal)
        #expect(failing.verdict == .fail && minimal.verdict == .fail && !search.shrinkSteps.isEmpty)
        // The draws really bind new instances: the failing draw's sizes are the drawn ones.
        #expect(failing.instance.parameters.integer("m") != nil && failing.instance.parameters.rational("eta") != nil)

        let replayPath = try #require(search.replayFile)
        let replay = try ClaimFileParser().parse(file: replayPath)
        #expect(replay.search == nil && replay.instances.count == 1 && replay.expectation == .fail)
        let replayed = await ClaimEngine().check([replay]).claims[0]
        #expect(replayed.verdict == .fail)
        #expect(replayed.instances.first?.margin == minimal.margin)
        #expect(replayed.instances.first?.location == minimal.location)
        for name in ["d1", "d2", "m", "seed", "eta"] {
            #expect(replayed.instances.first?.instance.parameters.values[name] == minimal.instance.parameters.values[name], "\(name)")
        }
    }
}
