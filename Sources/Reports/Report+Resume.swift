import Claims

extension Report {
    /// The instances of this (interrupted) report that a run of `claims` with `options` can take over instead of
    /// running them again, by claim id: `attest check --resume REPORT.json`.
    ///
    /// An instance is taken over when its claim (same id and kind) is among `claims` and the instance at the same
    /// index has the same parameters and seed, and for rounded kinds the same starting precision. Claims of the
    /// report that are not among `claims` are ignored, and so are claims with `[search]` or `[threshold]` (they run
    /// again from the start: their draws and bisection points are deterministic).
    ///
    /// - Throws: `ResumeMismatch` when the report comes from another Attest or library version, or when a claim or
    ///   instance differs from the claim files (then resuming would mix two different runs).
    public func completedOutcomes(for claims: [ClaimSpec], options: CheckOptions,
                                  tool current: ToolInfo) throws(ResumeMismatch) -> [String: [InstanceOutcome]] {
        guard tool == current else {
            throw ResumeMismatch("it was written by attest \(tool.version) (GMP \(tool.gmp), MPFR \(tool.mpfr)), "
                                 + "not by this attest \(current.version) (GMP \(current.gmp), MPFR \(current.mpfr))")
        }
        let byID = Dictionary(claims.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var completed: [String: [InstanceOutcome]] = [:]
        for claimReport in self.claims {
            guard let claim = byID[claimReport.id] else { continue }
            if claim.search != nil || claim.threshold != nil { continue }      // a search or bisection runs again whole
            guard claim.kind == claimReport.kind else {
                throw ResumeMismatch("claim \(claim.id) is of kind \(claimReport.kind) in the report but \(claim.kind) in \(claim.file)")
            }
            let startPrecision = options.numerics(for: claim).precision
            completed[claim.id] = try claimReport.instances.map { (report) throws(ResumeMismatch) -> InstanceOutcome in
                let place = "claim \(claim.id), instance \(report.index)"
                guard let instance = claim.instances.first(where: { $0.index == report.index }) else {
                    throw ResumeMismatch("\(place) is not in \(claim.file), which has \(claim.instances.count) instances")
                }
                let outcome = InstanceOutcome(report: report, instance: instance)
                guard InstanceReport(outcome: outcome).parameters == report.parameters, instance.seed == report.seed else {
                    throw ResumeMismatch("\(place) has other parameters in \(claim.file) than in the report")
                }
                if let first = report.attempts.first?.precisionBits, first != startPrecision {
                    throw ResumeMismatch("\(place) started at \(first) bits in the report, but this run starts at "
                                         + "\(startPrecision) bits (use the same --precision)")
                }
                return outcome
            }
        }
        return completed
    }
}
