import Claims

extension Report {
    /// What a run of `claims` with `options` can take over from this (interrupted) report: `attest check --resume`.
    public struct ResumePlan: Sendable {
        /// The outcomes taken over, by claim id.
        public var completed: [String: [InstanceOutcome]]
        /// What was taken over and what will run again, and why (for the new report).
        public var summary: ResumeSummary
    }

    /// The instances of this report that a run of `claims` with `options` by `tool` can take over.
    ///
    /// A result is taken over only when everything that can change it is identical: the report's digest matches
    /// its content (a hand-edited report is not trusted at all), the claim (same id and kind) is among `claims`
    /// with the same `ResumeKey` (content hashes of the claim file and its data files, the exact parameter values,
    /// precision, maximum precision, guard bits, tolerance, time limit, and the versions of Attest, GMP and MPFR),
    /// and the instance at the same index has the same parameters and seed. Every other instance of the report
    /// runs again, and `summary` says which and why. Claims of the report that are not among `claims` are ignored.
    public func resumePlan(for claims: [ClaimSpec], options: CheckOptions, tool current: ToolInfo) -> ResumePlan {
        let byID = Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let selected = self.claims.filter { byID[$0.id] != nil && !$0.instances.isEmpty }
        let trust = digestCheck
        guard trust == nil else {
            let notes = selected.map { ResumeNote(claim: $0.id, instances: $0.instances.map(\.index), reason: "the report is not trusted") }
            return ResumePlan(completed: [:], summary: ResumeSummary(reused: 0, rerun: notes, untrusted: trust))
        }
        var completed: [String: [InstanceOutcome]] = [:]
        var notes: [ResumeNote] = []
        var reused = 0
        for claimReport in selected {
            let claim = byID[claimReport.id]!
            let all = claimReport.instances.map(\.index)
            if claim.search != nil || claim.threshold != nil {      // a search or bisection runs again whole
                notes.append(ResumeNote(claim: claim.id, instances: all,
                                        reason: "it has a [search] or [threshold], which runs again from the start"))
                continue
            }
            guard claim.kind == claimReport.kind else {
                notes.append(ResumeNote(claim: claim.id, instances: all,
                                        reason: "it is of kind \(claimReport.kind) in the report but \(claim.kind) in \(claim.file)"))
                continue
            }
            guard let key = claimReport.resumeKey else {
                notes.append(ResumeNote(claim: claim.id, instances: all,
                                        reason: "the report records no resume key (settings and content hashes) for it"))
                continue
            }
            let differences = key.differences(from: ResumeKey(claim: claim, options: options, tool: current))
            guard differences.isEmpty else {
                notes.append(ResumeNote(claim: claim.id, instances: all, reason: differences.joined(separator: "; ")))
                continue
            }
            var outcomes: [InstanceOutcome] = [], mismatched: [Int] = []
            for report in claimReport.instances {
                guard let instance = claim.instances.first(where: { $0.index == report.index }) else {
                    mismatched.append(report.index)
                    continue
                }
                let outcome = InstanceOutcome(report: report, instance: instance)
                guard InstanceReport(outcome: outcome).parameters == report.parameters, instance.seed == report.seed else {
                    mismatched.append(report.index)
                    continue
                }
                outcomes.append(outcome)
            }
            if !mismatched.isEmpty {
                notes.append(ResumeNote(claim: claim.id, instances: mismatched,
                                        reason: "the instance is missing from \(claim.file) or has other parameters there"))
            }
            reused += outcomes.count
            completed[claim.id] = outcomes
        }
        return ResumePlan(completed: completed, summary: ResumeSummary(reused: reused, rerun: notes))
    }

    /// `nil` when the report's digest matches its content; otherwise why it does not.
    public var digestCheck: String? {
        guard let digest else { return "it has no digest (written by an older attest, or edited)" }
        guard JSONReportWriter.digest(of: self) == digest else {
            return "its digest does not match its content (it was edited after it was written)"
        }
        return nil
    }
}
