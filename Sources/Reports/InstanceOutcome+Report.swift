import Claims

extension InstanceOutcome {
    /// The outcome recorded in a report, for `instance` (the claim file's instance at the same index).
    public init(report: InstanceReport, instance: InstanceSpec) {
        self.init(instance: instance, verdict: report.verdict, precisionBits: report.precisionBits,
                  margin: report.margin.map { Measurement(name: "margin", value: $0, error: report.marginError ?? "0",
                                                          exact: report.marginExact) },
                  measurements: report.measurements, attempts: report.attempts, location: report.location,
                  message: report.message, statistics: report.integratorStatistics ?? [:], seconds: report.seconds,
                  series: report.series ?? [])
        evidence = report.evidence
    }
}
