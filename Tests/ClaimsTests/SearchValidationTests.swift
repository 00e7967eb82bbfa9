import Claims
import MultiPrecision
import Testing

@Suite("[search] and [threshold] are validated with file, line and key before anything runs")
struct SearchValidationTests {
    /// The single problem of `body` (after 7 lines of metadata), as (line, key, message).
    func problem(_ body: String, kind: String = "toy-rational-bound") throws -> (Int?, String?, String) {
        do {
            _ = try ClaimFileParser(registry: SearchToyKinds.registry).parse(text: SearchToyKinds.file(kind, body),
                                                                             file: "toy.toml", baseDirectory: ".")
            Issue.record("no error for \(body)")
            return (nil, nil, "")
        } catch {
            let first = try #require(error.errors.first)
            return (first.line, first.key, first.description)
        }
    }

    @Test("Unknown parameters, reversed ranges, missing budgets and keys, wrong types")
    func searchProblems() throws {
        var (line, key, message) = try problem("[search]\ndraws = 3\n[search.ranges]\nxx = [0, 1]\n")
        #expect(line == 11 && key == "search.ranges.xx" && message.contains("did you mean"))
        (line, key, message) = try problem("[search]\ndraws = 3\n[search.ranges]\nx = [\"1\", \"1/2\"]\n")
        #expect(line == 11 && key == "search.ranges.x" && message.contains("lower end"))
        (line, key, _) = try problem("[search]\nseed = 1\n[search.ranges]\nx = [0, 1]\n")
        #expect(line == 8 && key == "search")
        (line, key, _) = try problem("[search]\ndraws = 0\n[search.ranges]\nx = [0, 1]\n")
        #expect(line == 9 && key == "search.draws")
        (line, key, _) = try problem("[search]\ndraws = 2\ndrawz = 3\n[search.ranges]\nx = [0, 1]\n")
        #expect(line == 10 && key == "search.drawz")
        (line, key, _) = try problem("[search]\ndraws = 2\n[search.ranges]\nx = { min = \"0\" }\n")
        #expect(line == 11 && key == "search.ranges.x.max")
        (line, key, message) = try problem("[search]\ndraws = 2\n[search.ranges]\nx = [0.5, 1]\n")
        #expect(line == 11 && key == "search.ranges.x[0]" && message.contains("0.5"))
        (line, key, _) = try problem("[model]\nx = \"1/3\"\n[search]\ndraws = 2\n[search.ranges]\nx = [0, 1]\n[grid]\nsteps = [1, 2]\n")
        #expect(line == 14 && key == "grid")
        (line, key, _) = try problem("[search]\ndraws = 2\n[search.ranges]\nA = { rows = \"nope\", columns = 2, entries = [0, 1] }\n",
                                     kind: "toy-zero-matrix")
        #expect(line == 11 && key == "search.ranges.A.rows")
        (line, key, _) = try problem("[search]\ndraws = 2\n[search.ranges]\nn = [0, 2000]\n", kind: "toy-integer-bound")
        #expect(line == 11 && key == "search.ranges.n[1]")
    }

    @Test("The threshold parameter must be an exact number; its ends must differ; its width must be positive")
    func thresholdProblems() throws {
        var (line, key, message) = try problem("[threshold]\nparameter = \"steps\"\npass = 1\nfail = 2\n")
        #expect(line == 9 && key == "threshold.parameter" && message.contains("not an exact number"))
        (line, key, _) = try problem("[threshold]\nparameter = \"x\"\npass = \"1/2\"\nfail = \"1/2\"\n")
        #expect(line == 11 && key == "threshold.fail")
        (line, key, _) = try problem("[threshold]\nparameter = \"x\"\npass = 0\nfail = 1\nwidth = \"0\"\n")
        #expect(line == 12 && key == "threshold.width")
        (line, key, message) = try problem("[threshold]\nparameter = \"y\"\npass = 0\nfail = 1\n")
        #expect(line == 9 && key == "threshold.parameter" && message.contains("\"x\""))
        (line, key, _) = try problem("[threshold]\nparameter = \"x\"\npass = 0\n")
        #expect(key == "threshold.fail")
        (line, key, _) = try problem("[threshold]\nparameter = \"x\"\npass = 0\nfail = 1\n[search]\ndraws = 1\n[search.ranges]\nx = [0, 1]\n")
        #expect(key == "threshold")
    }

    @Test("A required parameter left out of the sections takes the low end of its range or the threshold's pass end")
    func baseValues() throws {
        let claim = try SearchToyKinds.claim(SearchToyKinds.file("toy-rational-bound",
                                                                 "[threshold]\nparameter = \"x\"\npass = \"1/4\"\nfail = 1\n"))
        #expect(claim.instances.count == 1 && claim.instances[0].parameters.rational("x") == Rational(numerator: 1, denominator: 4))
        #expect(claim.threshold?.width == ThresholdSpec.defaultWidth)
    }
}
