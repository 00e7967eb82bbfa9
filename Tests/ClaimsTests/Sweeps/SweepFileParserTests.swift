import AttestTestSupport
import Claims
import Foundation
import Testing

/// A claim file (exact GD balancedness step) and sweep files around it, in a fresh folder.
struct SweepFolder {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-sweeps-\(UUID())")

    static let claim = SweepFixtures.gdStepClaim

    init() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("claims"),
                                                withIntermediateDirectories: true)
        try Self.claim.write(to: folder.appendingPathComponent("claims/gd-step.toml"), atomically: true, encoding: .utf8)
    }

    /// Writes a sweep file and returns its path.
    func sweep(_ text: String, name: String = "sweep.toml") throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    static let valid = """
        [sweep]
        claim = "claims/gd-step.toml"
        caption = "Drift after two GD steps"
        label = "tab:drift"
        quantities = ["max_j |D_j(k) − D_j(0)|", "margin"]
        quantity_labels = ["drift", "margin"]
        rows = ["step_size"]
        reduce_over = "seed"

        [set]
        "dynamics.steps" = 3

        [grid]
        step_size = ["1/100", "1/10"]
        seed = [1, 2, 3]
        """
}

@Suite("Sweep files: parsing, derived claims, errors with file, line and key")
struct SweepFileParserTests {
    @Test("A sweep replaces grid keys, applies [set], and keeps the claim file's other keys")
    func derivedClaims() throws {
        let folder = try SweepFolder()
        defer { try? FileManager.default.removeItem(at: folder.folder) }
        let parser = SweepFileParser()
        let spec = try parser.parse(file: folder.sweep(SweepFolder.valid))
        #expect(spec.quantities == ["max_j |D_j(k) − D_j(0)|", "margin"] && spec.rows == ["step_size"])
        #expect(spec.quantityLabels == ["drift", "margin"])
        #expect(spec.reduceOver == "seed" && spec.precisions.isEmpty && spec.significantDigits == 3)
        let claims = try parser.claims(of: spec)
        #expect(claims.count == 1 && claims[0].id == "gd-step" && claims[0].instances.count == 6)
        let first = claims[0].instances[0].parameters
        #expect(first.integer("steps") == 3 && first.integer("samples") == 3)
        #expect(Set(claims[0].instances.map { $0.parameters.integer("seed")! }) == [1, 2, 3])
    }

    @Test("A precision grid gives one claim per precision, ids suffixed with -<bits>bits")
    func precisions() throws {
        let folder = try SweepFolder()
        defer { try? FileManager.default.removeItem(at: folder.folder) }
        let text = SweepFolder.valid.replacingOccurrences(of: "seed = [1, 2, 3]", with: "seed = [1]\nprecision = [64, 3000]")
        let parser = SweepFileParser()
        let claims = try parser.claims(of: parser.parse(file: folder.sweep(text)))
        #expect(claims.map(\.id) == ["gd-step-64bits", "gd-step-3000bits"])
        #expect(claims.map(\.numerics.precision) == [64, 3000] && claims.map(\.numerics.maxPrecision) == [64, 3000])
    }

    @Test("Problems name the sweep file, the line and the key", arguments: [
        ("[sweep]\nclaim = \"claims/gd-step.toml\"\ncaption = \"c\"\nquantities = [\"m\"]\ncolour = 1\n[grid]\nseed = [1]\n",
         "sweep.toml:5: key 'sweep.colour'"),
        ("[sweep]\nclaim = \"claims/gd-step.toml\"\nquantities = [\"m\"]\n[grid]\nseed = [1]\n", "sweep.caption"),
        ("[sweep]\nclaim = \"claims/gd-step.toml\"\ncaption = \"c\"\nquantities = [\"m\"]\n[grid]\nseed = []\n",
         "sweep.toml:6: key 'grid.seed'"),
        ("[sweep]\nclaim = \"claims/gd-step.toml\"\ncaption = \"c\"\nquantities = [\"m\"]\n[grid]\nprecision = [1]\n",
         "sweep.toml:6: key 'grid.precision'"),
        ("[sweep]\nclaim = \"claims/none.toml\"\ncaption = \"c\"\nquantities = [\"m\"]\n[grid]\nseed = [1]\n",
         "sweep.toml:2: key 'sweep.claim'"),
        ("[sweep]\nclaim = \"claims/gd-step.toml\"\ncaption = \"c\"\nquantities = [\"m\"]\n[set]\n\"horizon\" = 2\n[grid]\nseed = [1]\n",
         "sweep.toml:5: key 'set'"),
        ("[sweep\nclaim = 1\n", "sweep.toml:1"),
    ])
    func problems(text: String, expected: String) throws {
        let folder = try SweepFolder()
        defer { try? FileManager.default.removeItem(at: folder.folder) }
        let path = try folder.sweep(text)
        #expect(throws: ClaimFileErrors.self) { try SweepFileParser().parse(file: path) }
        do { _ = try SweepFileParser().parse(file: path) } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test("A grid value the claim kind rejects is reported against the sweep file, at the line that gives it")
    func invalidDerivedClaim() throws {
        let folder = try SweepFolder()
        defer { try? FileManager.default.removeItem(at: folder.folder) }
        let text = SweepFolder.valid.replacingOccurrences(of: "step_size = [\"1/100\", \"1/10\"]",
                                                          with: "step_size = [\"-1\"]")
        let parser = SweepFileParser()
        let path = try folder.sweep(text)
        let spec = try parser.parse(file: path)
        // The value comes from the sweep's [grid]: the problem names the sweep file and the line that gives it.
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("step_size") }) + 1
        do {
            _ = try parser.claims(of: spec)
            Issue.record("a negative step size was accepted")
        } catch {
            #expect(error.description.hasPrefix("\(path):\(line): key 'grid.step_size"))
        }
    }
}
