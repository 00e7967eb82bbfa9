import AttestTestSupport
@testable import Claims
import Foundation
import LinearAlgebra
import MultiPrecision
import Testing

@Suite("Exact data files and instance expansion")
struct DataAndExpansionTests {
    @Test("CSV and JSON entries are read exactly, never through Double")
    func exactData() throws {
        let csv = try writeClaimFolder("", dataFiles: ["m.csv": "# comment\n0.1, 1/3\n\"-2.5e-30\", 7\n"])
        let folder = (csv as NSString).deletingLastPathComponent
        let m = try MatrixDataFile.read(path: folder + "/m.csv")
        #expect(m[0, 0] == Rational(numerator: 1, denominator: 10))
        #expect(m[0, 1] == Rational(numerator: 1, denominator: 3))
        #expect(m[1, 0] == -Rational(numerator: 25, denominator: BigInt(10).power(31)))
        try "[[0.1, \"1/3\"], [1e-30, -7]]".write(toFile: folder + "/m.json", atomically: true, encoding: .utf8)
        let j = try MatrixDataFile.read(path: folder + "/m.json")
        #expect(j[0, 0] == Rational(numerator: 1, denominator: 10))
        #expect(j[1, 0] == Rational(numerator: 1, denominator: BigInt(10).power(30)))
        #expect(j.shape == MatrixShape(rows: 2, columns: 2))
    }

    @Test("A grid expands in file order, the last axis fastest")
    func gridOrder() throws {
        let text = BadClaimFile.valid + "\n\n[grid]\nstep_size = [\"1/10\", \"1/5\"]\nseed = [7, 8, 9]\n"
        let claim = try ClaimFileParser().parse(text: text, file: "t.toml", baseDirectory: ".")
        #expect(claim.instances.count == 6)
        #expect(claim.instances.map(\.index) == Array(0..<6))
        #expect(claim.instances.map { $0.parameters.integer("seed")! } == [7, 8, 9, 7, 8, 9])
        #expect(claim.instances.map { $0.parameters.rational("step_size")!.description } == ["1/10", "1/10", "1/10", "1/5", "1/5", "1/5"])
    }

    @Test("Explicit instances override the sections")
    func explicitInstances() throws {
        let text = BadClaimFile.valid + "\n\n[[instance]]\nseed = 4\n\n[[instance]]\nwidths = [3, 1, 2]\n"
        let claim = try ClaimFileParser().parse(text: text, file: "t.toml", baseDirectory: ".")
        #expect(claim.instances.count == 2)
        #expect(claim.instances[0].seed == 4 && claim.instances[0].parameters.integerList("widths") == [2, 3, 2])
        #expect(claim.instances[1].seed == 1 && claim.instances[1].parameters.integerList("widths") == [3, 1, 2])
    }

    @Test("Key lines: tables, arrays of tables, inline tables and matrix rows")
    func keyLines() throws {
        let text = """
            id = "x"   # comment with = sign
            statement = \"\"\"
            multi = line
            \"\"\"
            [model]
            X = [["1", "2"],
                 ["3", "4"]]
            t = { a = 1, b = "q" }
            [[instance]]
            seed = 1
            [[instance]]
            seed = 2
            """
        let lines = TOMLKeyLines(scanning: text).lines
        #expect(lines["id"] == 1 && lines["statement"] == 2 && lines["multi"] == nil)
        #expect(lines["model"] == 5 && lines["model.X"] == 6 && lines["model.X[1]"] == 7 && lines["model.X[1][0]"] == 7)
        #expect(lines["model.t.b"] == 8)
        #expect(lines["instance[0].seed"] == 10 && lines["instance[1].seed"] == 12)
    }

    @Test("Did-you-mean suggestions: close names only")
    func suggestions() {
        #expect(KeySuggestion.closest(to: "widht", among: ["widths", "width", "depth"]) == "width")
        #expect(KeySuggestion.closest(to: "stepsize", among: ["step_size", "steps"]) == "step_size")
        #expect(KeySuggestion.closest(to: "zzzzzz", among: ["seed", "steps"]) == nil)
    }

    @Test("Claim id patterns")
    func patterns() {
        #expect(ClaimIDPattern("dln-*").matches("dln-gd-balancedness-step"))
        #expect(!ClaimIDPattern("dln-*-drift").matches("dln-gd-balancedness-step"))
        #expect(ClaimIDPattern("*step").matches("dln-gd-balancedness-step"))
    }
}

