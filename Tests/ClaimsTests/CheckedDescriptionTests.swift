@testable import Claims
import Foundation
import MultiPrecision
import Testing

/// `ClaimKind.checked`: every built-in kind says what it checks, in its own words, derived from the instance.
@Suite("What each kind checks")
struct CheckedDescriptionTests {
    static let proofs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("proofs").path

    /// Every claim in proofs/ gets at least one description from its kind, and every registered kind appears there
    /// or is covered by a claim of another folder; no kind falls back to the empty default.
    @Test("Every registered kind describes every instance of the committed claims")
    func everyKindDescribes() throws {
        let files = try ClaimLoader.claimFiles(in: [Self.proofs])
        let claims = try ClaimLoader().load(files: files)
        var kindsSeen = Set<String>()
        for claim in claims {
            kindsSeen.insert(claim.kind)
            let kind = try #require(ClaimKindRegistry.standard.kind(named: claim.kind))
            for instance in claim.instances {
                let text = try #require(kind.checked(instance.parameters), "\(claim.kind) gives no description")
                #expect(text.count > 20 && !text.hasPrefix("checked"), "\(claim.id): \(text)")
            }
            #expect(!claim.checked.isEmpty, "\(claim.id)")
        }
        let missing = Set(ClaimKindRegistry.standard.names).subtracting(kindsSeen).sorted()
        #expect(missing.isEmpty, "kinds without a committed claim: \(missing)")
    }

    /// The description follows the parameters that change what is checked.
    @Test("Descriptions follow the instance's parameters")
    func derivedFromParameters() throws {
        let step = DLNBalancednessStepKind()
        func parameters(_ values: [String: ParameterValue]) -> InstanceParameters {
            InstanceParameters(values: values, order: values.keys.sorted())
        }
        let exact = try #require(step.checked(parameters(["claimed_change": .choice("eta-squared-term"), "steps": .integer(3)])))
        let zero = try #require(step.checked(parameters(["claimed_change": .choice("zero"), "steps": .integer(3)])))
        #expect(exact == "D_j(t+1) − D_j(t) = η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) exactly, for every step t < 3 and every j")
        #expect(zero == "D_j(t+1) − D_j(t) = 0 exactly, for every step t < 3 and every j")
        let drift = DLNBalancednessDriftKind()
        let bound = try #require(drift.checked(parameters(["bound_factor": .rational(try Rational(parsing: "1/2")), "steps": .integer(5)])))
        #expect(bound.hasPrefix("‖D_j(k) − D_j(0)‖_F ≤ 0.5·Σ_{t<k}"))
        let rate = try #require(DLNGDConvergenceRateKind().checked(parameters(["steps": .integer(40)])))
        #expect(rate.hasPrefix("ℓ(t+1) ≤ (1 − η σ_min(W(t))^{2(N−1)/N}) ℓ(t)") && rate.contains("every step t < 40"))
    }

    /// The ClaimSpec keeps one line per distinct description, in instance order.
    @Test("A claim keeps the distinct descriptions of its instances")
    func distinctPerClaim() throws {
        let text = """
            id = "x"
            title = "t"
            kind = "dln-gd-balancedness-step"
            source = "s"
            statement = "s"
            [model]
            widths = [2, 2, 2]
            samples = 2
            [dynamics]
            step_size = "1/128"
            steps = 2
            [grid]
            seed = [1, 2, 3]
            """
        let claim = try ClaimFileParser().parse(text: text, file: "x.toml", baseDirectory: "/")
        #expect(claim.checked == ["D_j(t+1) − D_j(t) = η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) exactly, for every step t < 2 and every j"])
        // Parameters print as written: 1/128, not 0.0078125.
        #expect(claim.instances[0].parameters.reportEntries.first { $0.name == "step_size" }?.value == "1/128")
    }
}

/// `ReadableNumber`: exact numbers in the shortest of their decimal, fraction and scientific forms.
@Suite("Readable exact numbers")
struct ReadableNumberTests {
    @Test("Shortest exact form, and it reads back to the same rational", arguments: [
        ("1/128", "1/128"), ("1e-30", "1e-30"), ("1/100", "0.01"), ("3", "3"), ("-1", "-1"), ("1/3", "1/3"),
        ("1/4", "0.25"), ("1/16", "1/16"), ("3/2", "1.5"), ("1/2", "0.5"), ("12000000000000000", "12e15"),
        ("-3e-12", "-3e-12"), ("0", "0"),
    ])
    func readable(input: String, expected: String) throws {
        let r = try Rational(parsing: input)
        #expect(ReadableNumber.text(r) == expected)
        #expect(try Rational(parsing: ReadableNumber.text(r)) == r)
    }

    @Test("An exact count is an integer")
    func integerCount() {
        #expect(ReadableNumber.text(exact: "1") == "1")
        #expect(ReadableNumber.text(exact: "7/1") == "7")
    }
}
