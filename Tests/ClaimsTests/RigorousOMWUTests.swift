import AttestTestSupport
import Claims
import Dynamics
import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// Rigorous mode on OMWU and MWU (P2a): the enclosures of KL_t contain mpmath's values at 150 digits
/// (References/make_omwu_references.py), a deliberately shrunk radius makes them miss, and the engine reports
/// PROVED, DISPROVED (expected) and, for an exact kind, PROVED.
@Suite("Rigorous mode: OMWU and MWU in balls")
struct RigorousOMWUTests {
    static let references = try! AttestTestSupport.referenceValues(at: AttestTestSupport.referencePath("omwu-p2a.txt"))

    static func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }

    static let game = try! ZeroSumGame(payoff: Matrix(rows: 3, columns: 3, elements: [
        r(-25, 24), r(-7, 24), r(89, 24), r(23, 24), r(-31, 24), r(-7, 24), r(-7, 24), r(23, 24), r(-25, 24)]))

    /// The reference as a ball: the 130-digit decimal, with radius 10^-129 times its magnitude.
    static func reference(_ name: String) -> Ball {
        let value = Rational(references[name]!)!
        let radius = BigFloat(value * Rational(numerator: 1, denominator: BigInt(10).power(129)), precision: 64, rounding: .up)
        return Ball(midpoint: BigFloat(value, precision: 1024), radius: radius, precision: 1024)
    }

    /// KL_t enclosures at the listed steps, 256 bits; `shrink` is the mutation hook's exponent.
    static func divergences(optimistic: Bool, steps: Int, at marks: Set<Int>, shrink: Int = 0) -> [Int: Ball] {
        let map = MultiplicativeWeightsBallMap(game: game, optimistic: optimistic, stepSize: r(1, 20), precisions: [256, 64])
        var iteration = LohnerIteration(map: map, start: map.uniformStart(precision: 256), precision: 256)
        iteration._radiusExponentForTesting = shrink
        var out: [Int: Ball] = [0: map.divergence(iteration.enclosure, precision: 256)]
        for t in 1...steps {
            let advanced = iteration.advance()
            #expect(advanced)
            if marks.contains(t) { out[t] = map.divergence(iteration.enclosure, precision: 256) }
        }
        return out
    }

    @Test("OMWU on P2a: KL_0, KL_1, KL_2 and KL_300 enclosures contain the mpmath values, each ≥ 200 bits accurate")
    func omwuEnclosures() {
        let kl = Self.divergences(optimistic: true, steps: 300, at: [1, 2, 300])
        for t in [0, 1, 2, 300] {
            #expect(kl[t]!.overlaps(Self.reference("omwu KL_\(t)")), "KL_\(t) = \(kl[t]!)")
            #expect(kl[t]!.relativeAccuracyBits >= 200, "KL_\(t): \(kl[t]!.relativeAccuracyBits) bits")
        }
        // The first step increases KL (a plain MWU step), the second decreases it: both certainly.
        #expect((kl[1]! - kl[0]!).isPositive == .certainlyTrue)
        #expect((kl[2]! - kl[1]!).isNegative == .certainlyTrue)
    }

    @Test("MWU on P2a: KL_1 and KL_2 enclosed; KL_2 − KL_1 certainly positive")
    func mwuEnclosures() {
        let kl = Self.divergences(optimistic: false, steps: 2, at: [1, 2])
        #expect(kl[1]!.overlaps(Self.reference("mwu KL_1")) && kl[2]!.overlaps(Self.reference("mwu KL_2")))
        #expect((kl[2]! - kl[1]!).isPositive == .certainlyTrue)
    }

    @Test("mutation: radii shrunk by 2^-64 after every step make the KL_300 enclosure miss the mpmath value")
    func shrunkRadiiAreCaught() {
        let kl = Self.divergences(optimistic: true, steps: 300, at: [300], shrink: -64)
        #expect(!kl[300]!.overlaps(Self.reference("omwu KL_300")), "the unsound run still contains the reference: \(kl[300]!)")
    }

    static func claim(_ id: String, method: String, steps: Int, expect: String = "pass", rigorous: Bool = true) throws -> ClaimSpec {
        let text = """
            id = "\(id)"
            title = "t"
            kind = "omwu-kl"
            expect = "\(expect)"
            source = "s"
            statement = "s"
            hypotheses = []
            [model]
            payoff = [["-25/24", "-7/24", "89/24"], ["23/24", "-31/24", "-7/24"], ["-7/24", "23/24", "-25/24"]]
            [dynamics]
            method = "\(method)"
            step_size = "1/20"
            steps = \(steps)
            [numerics]
            rigorous = \(rigorous)
            """
        return try ClaimFileParser(registry: .standard).parse(text: text, file: "\(id).toml", baseDirectory: ".")
    }

    @Test("the engine: OMWU PROVED, MWU DISPROVED (expected) at step 2, both with the parts that are rigorous stated")
    func engineVerdicts() async throws {
        let claims = [try Self.claim("omwu", method: "omwu", steps: 200), try Self.claim("mwu", method: "mwu", steps: 200, expect: "fail")]
        let result = await ClaimEngine().check(claims, options: CheckOptions(jobs: 2))
        let omwu = result.claims[0], mwu = result.claims[1]
        #expect(omwu.verdict == .proved && omwu.metExpectation)
        #expect(mwu.verdict == .disproved && mwu.metExpectation)
        #expect(mwu.instances[0].location == "step 2")
        #expect(omwu.instances[0].statistics["rigor: truncation error"] == "none (a map: no truncation)")
        #expect(omwu.instances[0].statistics["rigor: input data"]?.hasPrefix("exact rationals") == true)
    }

    @Test("--rigorous on a claim file without `rigorous`: the option turns it on; same enclosures under --jobs 1 and 2")
    func optionAndDeterminism() async throws {
        let claim = try Self.claim("omwu", method: "omwu", steps: 50, rigorous: false)
        var options = CheckOptions(jobs: 1)
        #expect(await ClaimEngine().check([claim], options: options).claims[0].verdict == .pass)
        options.rigorous = true
        let one = await ClaimEngine().check([claim, claim], options: options)
        options.jobs = 2
        let two = await ClaimEngine().check([claim, claim], options: options)
        #expect(one.claims[0].verdict == .proved)
        #expect(one.claims[0].instances[0].measurements == two.claims[1].instances[0].measurements)
        #expect(one.claims[0].instances[0].margin == two.claims[0].instances[0].margin)
    }
}
