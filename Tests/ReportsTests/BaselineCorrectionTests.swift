import Foundation
import MultiPrecision
import Reports
import Testing

/// `BaselineCorrection` in `ReportComparison`: a listed quantity is compared with its independent reference, passes
/// only when the new value agrees with it, and the committed proofs/baseline/corrections.json lists only stored values
/// that lie outside their own estimates.
@Suite("Baseline corrections: stored values settled by an independent reference")
struct BaselineCorrectionTests {
    static let root = ReportComparisonTests.root

    /// The first rounded measurement of the stored report, moved by 3 error estimates (a difference without a
    /// correction), and a correction of it with reference `reference`.
    static func moved() throws -> (stored: Report, moved: Report, claim: String, index: Int, name: String, value: String,
                                   storedValue: String) {
        let report = try ReportComparisonTests.stored()
        let place = try #require(ReportComparisonTests.roundedMeasurement(in: report))
        let mutated = ReportComparisonTests.moving(report, place, by: 3)
        let claim = report.claims[place.claim], instance = claim.instances[place.instance]
        let measurement = instance.measurements[place.measurement]
        let value = mutated.claims[place.claim].instances[place.instance].measurements[place.measurement].value
        return (report, mutated, claim.id, instance.index, measurement.name, value, measurement.value)
    }

    @Test("The rule |b − r| ≤ 2·e_b + e_r: 1 ± 0.1 agrees with 1.2 ± 0 and 1.25 ± 0.05, not with 1.2001 ± 0")
    func rule() {
        func c(_ r: String, _ er: String) -> BaselineCorrection {
            BaselineCorrection(claim: "c", instance: 0, quantity: "q", reference: r, referenceError: er, script: "s", reason: "r")
        }
        #expect(c("1.2", "0").accepts(value: "1", error: "0.1") == true)
        #expect(c("1.25", "0.05").accepts(value: "1", error: "1e-1") == true)
        #expect(c("1.2001", "0").accepts(value: "1", error: "0.1") == false)
        #expect(c("0.8", "0").accepts(value: "1", error: "0.1") == true)
        #expect(c("1", "0").accepts(value: "nan", error: "0.1") == nil)
    }

    @Test("A corrected quantity passes when the new value equals its reference, and fails against a wrong reference")
    func correctedOnlyWhenMatching() throws {
        let (stored, moved, claim, index, name, value, storedValue) = try Self.moved()
        #expect(ReportComparison(baseline: stored, current: moved).differences.count == 1)
        func correction(_ reference: String) -> BaselineCorrection {
            BaselineCorrection(claim: claim, instance: index, quantity: name, reference: reference, referenceError: "0",
                               script: "test", reason: "test")
        }
        let right = ReportComparison(baseline: stored, current: moved, corrections: [correction(value)])
        #expect(right.agrees, "\(right)")
        #expect(right.corrected.count == 1)
        #expect(right.description.contains("1 corrected"))
        // The stored value as the reference: the moved value is 3 estimates away, outside 2·e_b + 0.
        let wrong = ReportComparison(baseline: stored, current: moved, corrections: [correction(storedValue)])
        #expect(wrong.differences.count == 1)
        #expect(wrong.differences.first?.message.contains("disagrees with its corrected reference") == true)
        #expect(wrong.corrected.isEmpty)
        // A correction excuses only its own quantity: the unmoved report still agrees, another move still differs.
        #expect(ReportComparison(baseline: stored, current: stored, corrections: [correction(storedValue)]).agrees)
    }

    @Test("A correction that matches no quantity of a compared instance is a difference")
    func staleCorrection() throws {
        let (stored, _, claim, index, _, _, _) = try Self.moved()
        let stale = BaselineCorrection(claim: claim, instance: index, quantity: "no such quantity", reference: "0",
                                       referenceError: "0", script: "test", reason: "test")
        let comparison = ReportComparison(baseline: stored, current: stored, corrections: [stale])
        #expect(comparison.differences.map(\.message) == ["the correction of 'no such quantity' matches no quantity of the instance"])
    }

    @Test("proofs/baseline/corrections.json: each stored value lies outside its stored estimate of the reference; scripts exist")
    func committedCorrections() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("proofs/baseline/corrections.json"))
        let corrections = try JSONDecoder().decode([BaselineCorrection].self, from: data)
        #expect(!corrections.isEmpty)
        let report = try ReportComparisonTests.stored()
        // A correction names the quantity as it is called now; the stored report may use its old name.
        let renames = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: Self.root
            .appendingPathComponent("proofs/baseline/renamed-quantities.json")))
        for c in corrections {
            let instance = try #require(report.claims.first { $0.id == c.claim }?.instances.first { $0.index == c.instance })
            let (value, error): (String?, String?) = c.quantity == "margin" ? (instance.margin, instance.marginError)
                : (instance.measurements.first { ($0.name == c.quantity || renames[$0.name] == c.quantity) }?.value,
                   instance.measurements.first { ($0.name == c.quantity || renames[$0.name] == c.quantity) }?.error)
            let a = try #require(value.flatMap { Rational($0) }), ea = try #require(error.flatMap { Rational($0) })
            let r = try #require(Rational(c.reference)), er = try #require(Rational(c.referenceError))
            #expect((a - r).magnitude > ea + er, "\(c.claim) #\(c.instance) '\(c.quantity)'")
            let script = try #require(c.script.split(separator: " ").first { $0.hasPrefix("scripts/") })
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(String(script)).path))
        }
    }
}
