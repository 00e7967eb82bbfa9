import Claims

extension ClaimReport {
    /// The verdict as every human-readable format shows it: the aggregated verdict of a claim that ran to the end;
    /// for an interrupted claim `NOT RUN` (no instance finished) or `PARTLY RUN` (some did), never INCONCLUSIVE,
    /// except that a FAIL found before the interruption stands (one counterexample refutes the claim).
    public var displayVerdict: String {
        guard !complete, !verdict.isViolation else { return verdict.rawValue }
        return instances.isEmpty ? "NOT RUN" : "PARTLY RUN"
    }

    /// `FAIL (expected)` (or `DISPROVED (expected)`, refuted rigorously) for a known-false claim refuted as it should
    /// be; otherwise `displayVerdict`.
    public var displayVerdictWithExpectation: String {
        verdict.isViolation && expected == .fail && complete ? "\(verdict.rawValue) (expected)" : displayVerdict
    }

    /// An instance's verdict as shown on its own line: `FAIL (expected)` for a failing instance of a known-false
    /// claim (one such instance refutes the claim, as expected), else the verdict.
    public func displayVerdict(of instance: InstanceReport) -> String {
        instance.verdict == .fail && expected == .fail ? "FAIL (expected)" : instance.verdict.rawValue
    }

    /// The lines `checked: …` that say what the kind computed, in its own words (one per distinct description);
    /// a kind that states nothing gets one line saying so.
    /// An instance whose error estimate failed the cross-check at a third precision adds a line
    /// `checked: instance 2: error estimate unreliable (…)`, so that every report format says so.
    public var checkedLines: [String] {
        let unreliable = instances.flatMap { instance in
            (instance.message ?? "").components(separatedBy: "; ")
                .filter { $0.hasPrefix("error estimate unreliable") }
                .map { "checked: instance \(instance.index): " + $0 }
        }
        guard let checked, !checked.isEmpty else { return ["checked: (the kind \(kind) does not state what it checks)"] + unreliable }
        if checked.count <= 3 { return checked.map { "checked: " + $0 } + unreliable }
        return checked.prefix(2).map { "checked: " + $0 } + ["checked: … and \(checked.count - 2) more (one per instance)"]
            + unreliable
    }

    /// The claim file's statement, labelled as the claim's (Attest does not read it).
    public var claimLine: String { "claim (the file's statement): " + statement }
}

extension Measurement {
    /// The value for people: an exact value in its readable form (`1`, `1/128`, `1e-30`), a rounded one to
    /// `digits` significant digits.
    public func displayValue(digits: Int) -> String {
        exact.map(ReadableNumber.text(exact:)) ?? SignificantDigits.round(value, digits: digits)
    }

    /// `value ± error`, or the exact value alone (an exact value has no error).
    public func displayWithError(digits: Int) -> String {
        exact != nil ? displayValue(digits: digits) + " (exact)" : displayValue(digits: digits) + " ± " + error
    }
}

extension InstanceReport {
    /// The margin for people: exact margins in readable form, rounded ones to `digits` digits; `—` after an ERROR.
    public func displayMargin(digits: Int) -> String {
        if let exact = marginExact { return ReadableNumber.text(exact: exact) }
        return margin.map { SignificantDigits.round($0, digits: digits) } ?? "—"
    }
}
