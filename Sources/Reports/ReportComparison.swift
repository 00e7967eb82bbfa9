import Claims
import MultiPrecision

/// A run's report set against a stored one, such as the report of `proofs/` from before a refactoring: the same
/// claims, instances and verdicts, and every measured value equal within the two runs' error estimates.
///
/// Claims are matched by id, instances by index (their parameters must read the same), quantities by name, series by
/// name and abscissae. For a value `a ± e_a` in the stored report and `b ± e_b` in the new one, the rule is
///
///     |a − b| ≤ e_a + e_b + r,
///
/// read exactly from the decimal strings (an exact quantity has error 0 and must be equal). This is what two honest
/// error estimates allow: if each run's value is within its estimate of the true value, the two values are within
/// the sum, up to r, what the printed text cannot resolve: half a unit in the last digit of each rounded value and
/// of the stored estimate (older reports printed estimates to nearest). A series point, drawn as a `Double`, is allowed one more unit in the last place of the larger value for
/// the two roundings to `Double`. The margin is compared as a quantity (with its `margin_error`).
///
/// A difference is any of: a stored claim or instance missing, a different claim or instance verdict, different
/// parameter text, a stored quantity or series missing, or a value outside the rule. Left out on purpose: times,
/// machine, tool versions, digests and resume keys, precision attempts and the working precision reached (escalation
/// may stop elsewhere while the values agree), integrator statistics, places and messages (text). New claims,
/// instances, parameters, quantities and series are listed as notes, not differences.
///
/// A quantity listed in `corrections` (a stored value outside its own estimate, settled by an independent reference,
/// see `BaselineCorrection`) is compared with its reference instead: agreement lists it as corrected, disagreement is
/// a difference, and so is a correction that matches no quantity of a compared instance.
public struct ReportComparison: Sendable {
    /// One disagreement between the stored report and the new one.
    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        /// The claim id.
        public var claim: String
        /// The instance index, when the difference is inside one.
        public var instance: Int?
        /// What differs.
        public var message: String

        /// `claim #instance: message`.
        public var description: String {
            claim + (instance.map { " #\($0)" } ?? "") + ": " + message
        }
    }

    /// How much was compared.
    public struct Counts: Sendable, Equatable {
        /// Claims present in both reports.
        public var claims = 0
        /// Instances present in both.
        public var instances = 0
        /// Quantities (margins and measurements) compared by value.
        public var quantities = 0
        /// Series points compared.
        public var seriesPoints = 0
    }

    /// The disagreements; empty when the new report agrees with the stored one.
    public private(set) var differences: [Difference] = []
    /// What the new report has that the stored one has not (not differences).
    public private(set) var notes: [String] = []
    /// How much was compared.
    public private(set) var counts = Counts()
    /// The corrected quantities: `claim #instance: 'name' = new value, reference r (script)`.
    public private(set) var corrected: [String] = []
    private var corrections: [String: BaselineCorrection] = [:]

    /// Whether the new report agrees with the stored one.
    public var agrees: Bool { differences.isEmpty }

    /// Compares `current` with `baseline`. `renamedQuantities` maps a stored quantity name to the name the new report
    /// gives the same quantity (a rename that keeps the value).
    /// `corrections` lists the stored values settled by an independent reference (see `BaselineCorrection`).
    public init(baseline: Report, current: Report, renamedQuantities: [String: String] = [:],
                corrections: [BaselineCorrection] = []) {
        self.corrections = Dictionary(corrections.map { (Self.key($0.claim, $0.instance, $0.quantity), $0) },
                                      uniquingKeysWith: { first, _ in first })
        let currentClaims = Dictionary(current.claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let baselineIDs = Set(baseline.claims.map(\.id))
        for stored in baseline.claims {
            guard let claim = currentClaims[stored.id] else {
                differences.append(Difference(claim: stored.id, message: "the claim is missing from the new report"))
                continue
            }
            counts.claims += 1
            compare(claim: stored, with: claim, renamed: renamedQuantities)
        }
        for claim in current.claims where !baselineIDs.contains(claim.id) {
            notes.append("\(claim.id): a new claim, not in the stored report")
        }
        for correction in corrections where compared.contains(Self.key(correction.claim, correction.instance, ""))
            && !used.contains(Self.key(correction.claim, correction.instance, correction.quantity)) {
            difference(correction.claim, correction.instance,
                       "the correction of '\(correction.quantity)' matches no quantity of the instance")
        }
    }

    private var compared = Set<String>(), used = Set<String>()

    private static func key(_ claim: String, _ instance: Int, _ quantity: String) -> String {
        "\(claim)\u{1F}\(instance)\u{1F}\(quantity)"
    }

    private mutating func difference(_ claim: String, _ instance: Int? = nil, _ message: String) {
        differences.append(Difference(claim: claim, instance: instance, message: message))
    }

    private mutating func compare(claim stored: ClaimReport, with claim: ClaimReport, renamed: [String: String]) {
        let id = stored.id
        if stored.expected != claim.expected {
            difference(id, nil, "expected \(claim.expected.rawValue), stored \(stored.expected.rawValue)")
        }
        if stored.verdict != claim.verdict {
            difference(id, nil, "claim verdict \(claim.verdict.rawValue), stored \(stored.verdict.rawValue)")
        }
        let instances = Dictionary(claim.instances.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
        for old in stored.instances {
            guard let new = instances[old.index] else {
                difference(id, old.index, "the instance is missing from the new report")
                continue
            }
            counts.instances += 1
            compare(instance: old, with: new, claim: id, renamed: renamed)
        }
        let storedIndices = Set(stored.instances.map(\.index))
        let added = claim.instances.map(\.index).filter { !storedIndices.contains($0) }
        if !added.isEmpty {
            notes.append("\(id): \(added.count) new instance\(added.count == 1 ? "" : "s"), not in the stored report")
        }
    }

    /// Two parameter texts name the same value: equal texts, or two numbers equal as exact rationals (a report
    /// prints a parameter as its file wrote it, `1/20`, where older reports printed the shortest form, `0.05`).
    static func sameParameter(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let x = Rational(a), let y = Rational(b) else { return false }
        return x == y
    }

    private mutating func compare(instance old: InstanceReport, with new: InstanceReport, claim: String,
                                  renamed: [String: String]) {
        let index = old.index
        compared.insert(Self.key(claim, index, ""))
        for (name, value) in old.parameters.sorted(by: { $0.key < $1.key }) {
            if let newValue = new.parameters[name], !Self.sameParameter(newValue, value) {
                difference(claim, index, "parameter \(name) = \(newValue), stored \(value)")
            }
        }
        let newParameters = new.parameters.keys.filter { old.parameters[$0] == nil }.sorted()
        if !newParameters.isEmpty {
            notes.append("\(claim) #\(index): new parameters \(newParameters.joined(separator: ", "))")
        }
        if old.verdict != new.verdict {
            difference(claim, index, "verdict \(new.verdict.rawValue), stored \(old.verdict.rawValue)")
        }
        switch (old.margin, new.margin) {
        case let (a?, b?):
            compareValue("margin", stored: (a, old.marginError ?? "0", old.marginExact),
                         new: (b, new.marginError ?? "0", new.marginExact), claim: claim, index: index)
        case (_?, nil): difference(claim, index, "the margin is missing from the new report")
        case (nil, _?): notes.append("\(claim) #\(index): a margin where the stored report has none")
        case (nil, nil): break
        }
        let measured = Dictionary(new.measurements.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var matched = Set<String>()
        for m in old.measurements {
            let name = renamed[m.name] ?? m.name
            guard let n = measured[name] else {
                difference(claim, index, "the quantity '\(name)' is missing from the new report")
                continue
            }
            matched.insert(name)
            compareValue(name, stored: (m.value, m.error, m.exact), new: (n.value, n.error, n.exact),
                         claim: claim, index: index)
        }
        for m in new.measurements where !matched.contains(m.name) {
            notes.append("\(claim) #\(index): a new quantity '\(m.name)'")
        }
        let series = Dictionary((new.series ?? []).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for s in old.series ?? [] {
            guard let n = series[s.name] else {
                difference(claim, index, "the series '\(s.name)' is missing from the new report")
                continue
            }
            compare(series: s, with: n, claim: claim, index: index)
        }
    }

    /// Compares `a ± e_a` with `b ± e_b` by the rule |a − b| ≤ e_a + e_b + r, exactly, where r is the resolution of the
    /// printed digits (`halfUnitInLastPlace` of both values and of the stored estimate).
    private mutating func compareValue(_ name: String, stored: (value: String, error: String, exact: String?),
                                       new: (value: String, error: String, exact: String?), claim: String, index: Int) {
        counts.quantities += 1
        if let correction = corrections[Self.key(claim, index, name)] {
            used.insert(Self.key(claim, index, name))
            if correction.accepts(value: new.exact ?? new.value, error: new.error) == true {
                corrected.append("\(claim) #\(index): '\(name)' = \(new.value) ± \(new.error), reference "
                                 + "\(correction.reference) ± \(correction.referenceError) (\(correction.script)); stored "
                                 + "\(stored.value) ± \(stored.error)" + Self.distance(stored.exact ?? stored.value, correction))
            } else {
                difference(claim, index, "'\(name)' = \(new.value) ± \(new.error) disagrees with its corrected reference "
                           + "\(correction.reference) ± \(correction.referenceError) (\(correction.script))")
            }
            return
        }
        // The exact fraction, when both have one, is the value itself; the decimal may be rounded to 80 digits.
        let a = Self.number(stored.exact ?? stored.value), b = Self.number(new.exact ?? new.value)
        let ea = Self.number(stored.error), eb = Self.number(new.error)
        guard let a, let b, let ea, let eb else {
            // Text that is not a finite number (nan, inf): only the same text agrees.
            if stored.value != new.value || (Self.number(stored.error) == nil) != (Self.number(new.error) == nil) {
                difference(claim, index, "'\(name)' = \(new.value) ± \(new.error), stored \(stored.value) ± \(stored.error)")
            }
            return
        }
        let gap = (a - b).magnitude
        // What the printed text cannot resolve: half a unit in the last printed digit of each decimal value (none for
        // an exact fraction), and of the stored estimate (reports made before estimates were rounded up printed them
        // to nearest; the new one is rounded up, so it already bounds its estimate).
        let resolution = (stored.exact == nil ? Self.halfUnitInLastPlace(stored.value) : 0)
            + (new.exact == nil ? Self.halfUnitInLastPlace(new.value) : 0)
            + (ea.isZero ? 0 : Self.halfUnitInLastPlace(stored.error))
        let allowance = ea.magnitude + eb.magnitude + resolution
        if gap > allowance {
            difference(claim, index, "'\(name)' = \(new.value) ± \(new.error), stored \(stored.value) ± \(stored.error): "
                       + "they differ by \(Self.short(gap)), more than the errors together and the printed digits' "
                       + "resolution, \(Self.short(allowance))")
        }
    }

    private mutating func compare(series old: Series, with new: Series, claim: String, index: Int) {
        guard old.x == new.x else {
            difference(claim, index, "the series '\(old.name)' is sampled at other abscissae (\(new.x.count) points, "
                       + "stored \(old.x.count))")
            return
        }
        for i in old.y.indices {
            counts.seriesPoints += 1
            let a = old.y[i], b = new.y[i]
            let allowance = (old.error?[i] ?? 0) + (new.error?[i] ?? 0) + max(a.magnitude, b.magnitude).ulp
            if (a - b).magnitude > allowance {
                difference(claim, index, "series '\(old.name)' at \(old.x[i]): \(b), stored \(a), differ by "
                           + "\((a - b).magnitude), more than the errors together and one ulp, \(allowance)")
                return
            }
        }
    }

    /// `, X from the reference` for a stored value, or nothing when it is not a number.
    static func distance(_ stored: String, _ correction: BaselineCorrection) -> String {
        guard let a = number(stored), let r = number(correction.reference) else { return "" }
        return ", \(short((a - r).magnitude)) from the reference"
    }

    /// A decimal or fraction read exactly, or `nil` for text that is not a finite number.
    static func number(_ text: String) -> Rational? { Rational(text) }

    /// Half a unit in the last digit of a rounded decimal, ½·10^(e − f) for a mantissa with f digits after its
    /// point and exponent e ("1.25e-7" → 5e-10, "0.1952" → 5e-5); 0 for a zero, for an integer written without point
    /// or exponent ("12": printed in full), and for text that is not a decimal.
    public static func halfUnitInLastPlace(_ text: String) -> Rational {
        let lowered = text.lowercased()
        guard lowered.contains(".") || lowered.contains("e"), let value = Rational(text), !value.isZero else { return 0 }
        let parts = lowered.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        let mantissa = parts[0]
        guard !mantissa.isEmpty, mantissa.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }),
              mantissa.contains(where: \.isNumber) else { return 0 }
        let exponent = parts.count == 2 ? Int(parts[1]) : 0
        guard let exponent else { return 0 }
        let fractionDigits = mantissa.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        let power = exponent - fractionDigits
        let ten = Rational(10)
        var unit = Rational(1)
        for _ in 0..<Swift.abs(power) { unit = power >= 0 ? unit * ten : unit / ten }
        return unit / Rational(2)
    }

    /// A short decimal of an exact difference, for messages.
    static func short(_ value: Rational) -> String {
        BigFloat(value, precision: 64).formatted(significantDigits: 3)
    }
}

extension ReportComparison: CustomStringConvertible {
    /// A summary line, then one line per difference.
    public var description: String {
        let head = "compared \(counts.claims) claims, \(counts.instances) instances, \(counts.quantities) quantities "
            + "and \(counts.seriesPoints) series points: "
            + (agrees ? "all agree within their error estimates"
                      : "\(differences.count) difference\(differences.count == 1 ? "" : "s")")
            + (corrected.isEmpty ? "" : "; \(corrected.count) corrected (stored value outside its estimate; new value "
               + "agrees with the independent reference)")
        return ([head] + differences.map { "  " + $0.description } + corrected.map { "  corrected: " + $0 })
            .joined(separator: "\n")
    }
}
