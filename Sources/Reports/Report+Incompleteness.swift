extension ClaimReport {
    /// For a claim that did not finish, what is missing in words: `2 of 5 instances did not run`, `no instance ran`.
    public var missingWork: String? {
        guard !complete else { return nil }
        if let total = totalInstances {
            let missing = max(total - instances.count, 0)
            return instances.isEmpty ? "none of its \(total) instances ran"
                : "\(missing) of its \(total) instances did not run"
        }
        return instances.isEmpty ? "no instance ran" : "not every instance ran"
    }
}

extension Report {
    /// For an interrupted run, one sentence that says so and what is missing; `nil` for a complete run. Every
    /// format states it where its reader sees it (docs/report-schema.md).
    public var incompleteness: String? {
        guard !complete else { return nil }
        let unfinished = claims.filter { !$0.complete }
        var text = "INCOMPLETE: the run was interrupted"
        if !unfinished.isEmpty {
            text += "; \(unfinished.count) claim\(unfinished.count == 1 ? "" : "s") did not finish ("
                + unfinished.map { "\($0.id): \($0.missingWork ?? "")" }.joined(separator: "; ") + ")"
        }
        return text + ". This report does not count as a full run."
    }
}
