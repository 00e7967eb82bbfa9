import Claims
import Foundation
import MultiPrecision
import Reports
import Testing

/// `ReportComparison` on the stored report of `proofs/` (proofs/baseline/), mutated: a value moved beyond the two
/// error estimates together must be a difference, one moved within them must not, and so must a changed verdict.
@Suite("Report comparison against the stored report of proofs/")
struct ReportComparisonTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let storedPath = root.appendingPathComponent("proofs/baseline/proofs-cf384e1.json.gz").path

    static func stored() throws -> Report { try StoredReport.load(storedPath) }

    /// The first measurement, in report order, with a rounded value and a non-zero error: (claim, instance, index).
    static func roundedMeasurement(in report: Report) -> (claim: Int, instance: Int, measurement: Int)? {
        for (c, claim) in report.claims.enumerated() {
            for (i, instance) in claim.instances.enumerated() {
                for (m, measurement) in instance.measurements.enumerated() where measurement.exact == nil {
                    if let e = Rational(measurement.error), e > 0, Rational(measurement.value) != nil { return (c, i, m) }
                }
            }
        }
        return nil
    }

    /// `report` with that measurement's value set to value + k·error (exactly, as a terminating decimal).
    static func moving(_ report: Report, _ place: (claim: Int, instance: Int, measurement: Int), by k: Rational) -> Report {
        var mutated = report
        let m = report.claims[place.claim].instances[place.instance].measurements[place.measurement]
        let moved = Rational(m.value)! + k * Rational(m.error)!
        mutated.claims[place.claim].instances[place.instance].measurements[place.measurement].value = ExactDecimal.text(moved)!
        return mutated
    }

    @Test("The stored report agrees with itself, and the comparison covers every claim, instance and quantity")
    func selfAgreement() throws {
        let report = try Self.stored()
        let comparison = ReportComparison(baseline: report, current: report)
        #expect(comparison.agrees, "\(comparison)")
        #expect(comparison.counts.claims == report.claims.count)
        #expect(comparison.counts.instances == report.claims.reduce(0) { $0 + $1.instances.count })
        let quantities = report.claims.flatMap(\.instances).reduce(0) { $0 + $1.measurements.count + ($1.margin == nil ? 0 : 1) }
        #expect(comparison.counts.quantities == quantities)
        #expect(report.claims.count >= 100)
    }

    @Test("A measured value moved by 3 error estimates (more than the two errors together) is a difference")
    func beyondError() throws {
        let report = try Self.stored()
        let place = try #require(Self.roundedMeasurement(in: report))
        let comparison = ReportComparison(baseline: report, current: Self.moving(report, place, by: 3))
        #expect(comparison.differences.count == 1)
        let difference = try #require(comparison.differences.first)
        #expect(difference.claim == report.claims[place.claim].id)
        #expect(difference.instance == report.claims[place.claim].instances[place.instance].index)
        #expect(difference.message.contains(report.claims[place.claim].instances[place.instance].measurements[place.measurement].name))
        // Just beyond: 2 errors, the printed digits' resolution (half a unit in the last digit of the stored value and
        // of the stored estimate), and one part in 10^6 of an error more; just inside: one part in 10^6 less.
        let m = report.claims[place.claim].instances[place.instance].measurements[place.measurement]
        let error = try #require(Rational(m.error))
        // (The moved value is written exactly, with digits far below 10⁻⁶ of an error: its half unit is negligible.)
        let resolution = ReportComparison.halfUnitInLastPlace(m.value) + ReportComparison.halfUnitInLastPlace(m.error)
        #expect(resolution > 0 && resolution < error)
        let beyond = Rational(2) + resolution / error + Rational(numerator: BigInt(1), denominator: BigInt(1_000_000))
        let edge = ReportComparison(baseline: report, current: Self.moving(report, place, by: beyond))
        #expect(edge.differences.count == 1)
        let inside = Rational(2) + resolution / error - Rational(numerator: BigInt(1), denominator: BigInt(1_000_000))
        #expect(ReportComparison(baseline: report, current: Self.moving(report, place, by: inside)).agrees)
    }

    @Test("A measured value moved by 1 and by exactly 2 error estimates (within the two errors together) agrees")
    func withinError() throws {
        let report = try Self.stored()
        let place = try #require(Self.roundedMeasurement(in: report))
        for k in [Rational(1), Rational(2), Rational(-2)] {
            let comparison = ReportComparison(baseline: report, current: Self.moving(report, place, by: k))
            #expect(comparison.agrees, "moved by \(k) errors: \(comparison)")
        }
    }

    @Test("An exact quantity (error 0) that changes at all is a difference")
    func exactChange() throws {
        let report = try Self.stored()
        var found: (Int, Int, Int)?
        search: for (c, claim) in report.claims.enumerated() {
            for (i, instance) in claim.instances.enumerated() {
                for (m, measurement) in instance.measurements.enumerated() where measurement.error == "0" && measurement.exact != nil {
                    found = (c, i, m); break search
                }
            }
        }
        let (c, i, m) = try #require(found)
        var mutated = report
        let exact = Rational(report.claims[c].instances[i].measurements[m].exact!)!
        mutated.claims[c].instances[i].measurements[m].exact = (exact + Rational(numerator: BigInt(1), denominator: BigInt(1 << 40))).description
        let comparison = ReportComparison(baseline: report, current: mutated)
        #expect(comparison.differences.count == 1)
    }

    @Test("A parameter written 1/20 where the stored report has 0.05 is the same; 1/20 against 0.06 is a difference")
    func parametersByValue() throws {
        let report = try Self.stored()
        let c = try #require(report.claims.firstIndex { $0.instances.first?.parameters["step_size"] == "0.05" })
        var mutated = report
        mutated.claims[c].instances[0].parameters["step_size"] = "1/20"
        #expect(ReportComparison(baseline: report, current: mutated).differences.isEmpty)
        mutated.claims[c].instances[0].parameters["step_size"] = "5e-2"
        #expect(ReportComparison(baseline: report, current: mutated).differences.isEmpty)
        mutated.claims[c].instances[0].parameters["step_size"] = "3/50"
        let differences = ReportComparison(baseline: report, current: mutated).differences
        #expect(differences.count == 1 && differences.first?.message.contains("parameter step_size = 3/50, stored 0.05") == true)
    }

    @Test("A changed instance verdict (PASS to INCONCLUSIVE) is a difference; so is a changed claim verdict")
    func changedVerdict() throws {
        let report = try Self.stored()
        let c = try #require(report.claims.firstIndex { $0.verdict == .pass && !$0.instances.isEmpty })
        var mutated = report
        mutated.claims[c].instances[0].verdict = .inconclusive
        let comparison = ReportComparison(baseline: report, current: mutated)
        #expect(comparison.differences.count == 1)
        #expect(comparison.differences.first?.message.contains("verdict INCONCLUSIVE, stored PASS") == true)
        mutated.claims[c].verdict = .inconclusive
        #expect(ReportComparison(baseline: report, current: mutated).differences.count == 2)
    }

    @Test("A missing claim, instance or quantity is a difference; a new one is only a note; a rename maps the name")
    func missingAndNew() throws {
        let report = try Self.stored()
        let place = try #require(Self.roundedMeasurement(in: report))
        var mutated = report
        let name = report.claims[place.claim].instances[place.instance].measurements[place.measurement].name
        mutated.claims[place.claim].instances[place.instance].measurements[place.measurement].name = "renamed"
        let missing = ReportComparison(baseline: report, current: mutated)
        #expect(missing.differences.map(\.message) == ["the quantity '\(name)' is missing from the new report"])
        #expect(missing.notes.contains { $0.contains("a new quantity 'renamed'") })
        // A rename applies to every instance: renamed everywhere, the reports agree.
        var renamed = report
        for c in renamed.claims.indices {
            for i in renamed.claims[c].instances.indices {
                for m in renamed.claims[c].instances[i].measurements.indices
                where renamed.claims[c].instances[i].measurements[m].name == name {
                    renamed.claims[c].instances[i].measurements[m].name = "renamed"
                }
            }
        }
        #expect(ReportComparison(baseline: report, current: renamed, renamedQuantities: [name: "renamed"]).agrees)
        #expect(!ReportComparison(baseline: report, current: renamed).agrees)

        var fewer = report
        fewer.claims.remove(at: 0)
        #expect(ReportComparison(baseline: report, current: fewer).differences.count == 1)
        #expect(ReportComparison(baseline: fewer, current: report).agrees)
        #expect(ReportComparison(baseline: fewer, current: report).notes.count == 1)
    }

    @Test("The printed digits' resolution: half a unit in the last digit of a decimal")
    func halfUnit() {
        #expect(ReportComparison.halfUnitInLastPlace("1.25e-7") == Rational(numerator: BigInt(5), denominator: BigInt(10_000_000_000)))
        #expect(ReportComparison.halfUnitInLastPlace("-0.1952") == Rational(numerator: BigInt(5), denominator: BigInt(100_000)))
        #expect(ReportComparison.halfUnitInLastPlace("12") == 0)
        #expect(ReportComparison.halfUnitInLastPlace("0") == 0 && ReportComparison.halfUnitInLastPlace("0.000") == 0)
        #expect(ReportComparison.halfUnitInLastPlace("3.2E+4") == Rational(500))
        #expect(ReportComparison.halfUnitInLastPlace("nan") == 0)
    }

    @Test("Times, machine and precision attempts are not compared")
    func ignoredFields() throws {
        let report = try Self.stored()
        var mutated = report
        mutated.time = "2030-01-01T00:00:00Z"
        mutated.machine.processors += 7
        for c in mutated.claims.indices {
            for i in mutated.claims[c].instances.indices {
                mutated.claims[c].instances[i].seconds *= 3
                mutated.claims[c].instances[i].attempts = []
            }
        }
        #expect(ReportComparison(baseline: report, current: mutated).agrees)
    }
}
