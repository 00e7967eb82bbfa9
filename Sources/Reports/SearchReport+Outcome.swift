import Claims
import MultiPrecision

extension SearchReport {
    /// The report of a claim's search or threshold; `nil` for an ordinary claim.
    public init?(outcome: ClaimOutcome) {
        guard outcome.search != nil || outcome.threshold != nil else { return nil }
        self.init()
        if let search = outcome.search {
            seed = search.seed
            draws = search.draws
            drawBudget = search.drawBudget
            secondsBudget = search.secondsBudget
            rejected = search.rejected
            if let failing = search.failingDraw {
                failingDraw = failing.instance.index
                failingParameters = Self.parameters(failing)
                shrinkSteps = search.shrinkSteps.map {
                    "\($0.change) (margin \(SignificantDigits.round($0.margin, digits: 6)) ± \($0.error))"
                }
                shrinkEvaluations = search.shrinkEvaluations
            }
            if let minimal = search.minimal {
                minimalInstance = Self.parameters(minimal)
                minimalMargin = Self.check(minimal)
            }
            replayFile = search.replayFile
            agreement = search.agreement
            firstViolation = search.firstViolation
        }
        if let threshold = outcome.threshold {
            bracket = BracketReport(
                parameter: threshold.parameter, pass: threshold.passEnd.value.description,
                fail: threshold.failEnd.value.description, passDecimal: Self.decimal(threshold.passEnd.value),
                failDecimal: Self.decimal(threshold.failEnd.value), width: Self.power(threshold.width),
                targetWidth: Self.power(threshold.targetWidth), passCheck: Self.check(threshold.passEnd.outcome),
                failCheck: Self.check(threshold.failEnd.outcome), verified: threshold.isVerified,
                points: threshold.points.count,
                undecided: threshold.undecided.map { "\(threshold.parameter) = \($0.value): \(Self.check($0.outcome))" })
            replayFile = threshold.replayFile
        }
    }

    static func parameters(_ outcome: InstanceOutcome) -> [String: String] {
        var out: [String: String] = [:]
        for entry in outcome.instance.parameters.reportEntries { out[entry.name] = entry.value }
        return out
    }

    /// `FAIL, margin -0.25 ± 1e-70 at step 3`.
    static func check(_ outcome: InstanceOutcome) -> String {
        var text = outcome.verdict.rawValue
        if let margin = outcome.margin {
            text += ", margin \(margin.exact.flatMap { $0.count <= 40 ? $0 : nil } ?? SignificantDigits.round(margin.value, digits: 12)) ± \(margin.error)"
        }
        if let location = outcome.location { text += " at \(location)" }
        if let message = outcome.message { text += " (\(message))" }
        return text
    }

    /// 30 significant digits.
    static func decimal(_ r: Rational) -> String {
        ExactDecimal.text(r).flatMap { $0.count <= 40 ? $0 : nil }
            ?? BigFloat(r, precision: 128).formatted(significantDigits: 30)
    }

    /// `2^-20` for a power of two, the exact value otherwise.
    static func power(_ r: Rational) -> String {
        let n = r.numerator, d = r.denominator
        if n == BigInt(1), d.bitSize > 1, d == BigInt(1) << (d.bitSize - 1) { return "2^-\(d.bitSize - 1)" }
        return r.description
    }
}
