@testable import Claims
import MultiPrecision
import Testing

/// The shared property library against hand-computed exact margins and places; every property has a known-false
/// instance whose margin is negative.
@Suite("Properties: margins and places of the shared property library")
struct PropertiesTests {
    private func r(_ text: String) -> Rational { try! Rational(parsing: text) }
    private func steps(_ values: [String]) -> [Observation<Rational>] {
        values.enumerated().map { Observation(place: .step($0.offset), scalar: r($0.element)) }
    }
    private func times(_ values: [String], horizon: Rational = 1) -> [Observation<Rational>] {
        let n = values.count - 1
        return values.enumerated().map {
            Observation(place: .time(horizon * Rational(numerator: BigInt($0.offset), denominator: BigInt(n))), scalar: r($0.element))
        }
    }
    private func scalars(_ values: [String]) -> [ObservedValue<Rational>] { values.map { ObservedValue(r($0)) } }

    @Test("invariant: a constant sequence has margin 0; a drift of 1/2 has margin −1/2 at its sample")
    func invariant() throws {
        let property = InvariantProperty(label: "P", observable: "e", tolerance: .relative(precision: 256))
        let held = try property.evaluate(times(["3", "3", "3"]))
        #expect(held.margin == .exact(0))
        let broken = try property.evaluate(times(["3", "3", "7/2"]))
        #expect(broken.margin == .exact(r("-1/2")))
        #expect(broken.place == "t = 1")
        #expect(broken.checked.contains("e at t = 0, 0.5, 1 equals its value at t = 0"))
        #expect(broken.quantities[0].value == .exact(r("1/2")))
    }

    @Test("invariant with a law: e_k = law_k holds, a wrong law fails by the gap")
    func invariantLaw() throws {
        let property = InvariantProperty(label: "P", observable: "e", law: "exp(-t) initial(e)", tolerance: .absolute(0))
        #expect(try property.evaluate(steps(["4", "2", "1"]), laws: scalars(["4", "2", "1"])).margin == .exact(0))
        let broken = try property.evaluate(steps(["4", "2", "1"]), laws: scalars(["4", "2", "1/2"]))
        #expect(broken.margin == .exact(r("-1/2")))
        #expect(broken.place == "k = 2")
    }

    @Test("invariant of a matrix: the entry of the largest deviation")
    func invariantMatrix() throws {
        let a = ObservedValue<Rational>(rows: 2, columns: 2, entries: [1, 2, 3, 4].map { Rational($0) })
        let b = ObservedValue<Rational>(rows: 2, columns: 2, entries: [1, 2, Rational(5), 4].map { $0 })
        let property = InvariantProperty(label: "D", observable: "D", tolerance: .absolute(r("1/10")))
        let outcome = try property.evaluate([Observation(place: .step(0), value: a), Observation(place: .step(1), value: b)])
        #expect(outcome.margin == .exact(r("1/10") - 2))
        #expect(outcome.place == "k = 1, entry (2, 1)")
    }

    @Test("invariant in rounded arithmetic: the default tolerance 2^(−p/2)(1 + |e(0)|) decides")
    func invariantRounded() throws {
        try withPrecision(128) {
            let one = BigFloat(1)
            let drifted = one + BigFloat(1).scaled(byPowerOfTwo: -60)
            let property = InvariantProperty(label: "P", observable: "e", tolerance: .relative(precision: 128))
            let samples = [Observation(place: .time(0), scalar: one), Observation(place: .time(1), scalar: drifted)]
            let outcome = try property.evaluate(samples)
            // tolerance 2^−64·(1 + 1) = 2^−63; deviation 2^−60: margin −7·2^−63.
            #expect(outcome.margin == .rounded(BigFloat(-7).scaled(byPowerOfTwo: -63)))
            let tiny = one + BigFloat(1).scaled(byPowerOfTwo: -100)
            let held = try property.evaluate([samples[0], Observation(place: .time(1), scalar: tiny)])
            #expect(held.margin == .rounded(BigFloat(1).scaled(byPowerOfTwo: -63) - BigFloat(1).scaled(byPowerOfTwo: -100)))
        }
    }

    @Test("monotone: the smallest step, ties, strictness and from_step")
    func monotone() throws {
        let nonIncreasing = MonotoneProperty(label: "L", observable: "loss", direction: .nonIncreasing)
        #expect(try nonIncreasing.evaluate(steps(["5", "4", "4", "1"])).margin == .exact(0))
        let broken = try nonIncreasing.evaluate(steps(["5", "4", "9/2"]))
        #expect(broken.margin == .exact(r("-1/2")))
        #expect(broken.place == "between k = 1 and k = 2")
        let strict = MonotoneProperty(label: "L", observable: "loss", direction: .decreasing)
        let tie = try strict.evaluate(steps(["5", "4", "4", "1"]))
        #expect(tie.margin == .exact(-1))
        #expect(tie.place?.contains("between k = 1 and k = 2") == true)
        #expect(try strict.evaluate(steps(["5", "4", "3", "1"])).margin == .exact(1))
        let later = MonotoneProperty(label: "G", observable: "gap", direction: .nonIncreasing, from: .step(1))
        #expect(try later.evaluate(steps(["5", "6", "4", "3"])).margin == .exact(1))
        #expect(try nonIncreasing.evaluate(steps(["5", "6", "4", "3"])).margin == .exact(-1))
        let rising = MonotoneProperty(label: "R", observable: "x", direction: .nonDecreasing, tolerance: r("1/4"))
        #expect(try rising.evaluate(steps(["0", "1", "3/4"])).margin == .exact(0))
    }

    @Test("monotone along a flow: the sign of d/dt e counts too")
    func monotoneDerivative() throws {
        let property = MonotoneProperty(label: "L", observable: "loss", direction: .nonIncreasing)
        let samples = times(["2", "1", "1/2"])
        #expect(try property.evaluate(samples, derivatives: times(["-1", "-1/2", "0"])).margin == .exact(0))
        let broken = try property.evaluate(samples, derivatives: times(["-1", "1/4", "-1"]))
        #expect(broken.margin == .exact(r("-1/4")))
        #expect(broken.place == "d/dt at t = 0.5")
    }

    @Test("bound: along, at the end, strict")
    func bound() throws {
        let lhs = steps(["1", "2", "3"])
        let along = BoundProperty(label: "B", lhs: "x", relation: .lessOrEqual, rhs: "3")
        let outcome = try along.evaluate(lhs, scalars(["3", "3", "3"]))
        #expect(outcome.margin == .exact(0))
        #expect(outcome.place == "k = 2")
        let strict = BoundProperty(label: "B", lhs: "x", relation: .less, rhs: "3")
        #expect(try strict.evaluate(lhs, scalars(["3", "3", "3"])).margin == .exact(-1))
        let end = BoundProperty(label: "B", lhs: "x", relation: .lessOrEqual, rhs: "y", scope: .atEnd)
        #expect(try end.evaluate(lhs, scalars(["0", "0", "5"])).margin == .exact(2))
        let broken = try along.evaluate(lhs, scalars(["0", "0", "5"]))
        #expect(broken.margin == .exact(-2))
        #expect(broken.place == "k = 1")
        let above = BoundProperty(label: "B", lhs: "x", relation: .greaterOrEqual, rhs: "1", scope: .at(.step(1)))
        #expect(try above.evaluate(lhs, scalars(["1", "1", "1"])).margin == .exact(1))
    }

    @Test("limit: the distance at the end, and a rate along the run")
    func limit() throws {
        let samples = steps(["1", "1/2", "1/4"])
        let zero = scalars(["0", "0", "0"])
        #expect(try LimitProperty(label: "L", observable: "x", value: "0", within: r("1/4")).evaluate(samples, targets: zero).margin == .exact(0))
        #expect(try LimitProperty(label: "L", observable: "x", value: "0", within: r("1/8")).evaluate(samples, targets: zero).margin == .exact(r("-1/8")))
        let rated = LimitProperty(label: "L", observable: "x", value: "0", within: 1, rate: "r")
        let broken = try rated.evaluate(samples, targets: zero, rates: scalars(["1", "1/4", "1/4"]))
        #expect(broken.margin == .exact(r("-1/4")))
        #expect(broken.place == "rate at k = 1")
    }

    @Test("equal: a = b, and a gap of 1/2")
    func equal() throws {
        let property = EqualProperty(label: "E", lhs: "a", rhs: "b", tolerance: .relative(precision: 256))
        #expect(try property.evaluate(steps(["1", "2"]), scalars(["1", "2"])).margin == .exact(0))
        let broken = try property.evaluate(steps(["1", "2"]), scalars(["1", "5/2"]))
        #expect(broken.margin == .exact(r("-1/2")))
        #expect(broken.place == "k = 1")
    }

    @Test("trend: end values across the listed parameter values")
    func trend() throws {
        let property = TrendProperty(label: "T", observable: "norm1(x)", parameter: "alpha", direction: .decreasing)
        let held = try property.evaluate([(r("1"), ObservedValue(r("3"))), (r("1/2"), ObservedValue(r("2"))), (r("1/4"), ObservedValue(r("3/2")))])
        #expect(held.margin == .exact(r("1/2")))
        let broken = try property.evaluate([(r("1"), ObservedValue(r("3"))), (r("1/2"), ObservedValue(r("2"))), (r("1/4"), ObservedValue(r("5/2")))])
        #expect(broken.margin == .exact(r("-1/2")))
        #expect(broken.place == "between alpha = 0.5 and alpha = 0.25")
    }

    @Test("relations split at their operator, outside parentheses")
    func relations() throws {
        let split = try #require(Relation.split("loss(x) <= 1e-20"))
        #expect(split.lhs == "loss(x)" && split.rhs == "1e-20" && split.relation == .lessOrEqual && split.rhsOffset == 11)
        #expect(Relation.split("a ≥ b")?.relation == .greaterOrEqual)
        #expect(Relation.split("a < b < c") == nil)
        #expect(Relation.split("a + b") == nil)
    }
}
