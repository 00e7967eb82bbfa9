import Claims

/// The charts of one claim in a report: one chart per series name, overlaying that series from each instance
/// (at most `maximumCurves` instances, the first ones by index). When the chart shows fewer curves than the claim
/// has instances, for whatever reason, its title says so: `7 of 8 instances shown`.
public enum ClaimCharts {
    /// How many instances one chart overlays at most.
    public static let maximumCurves = 7

    /// The charts of `claim`, in the order its series names first appear.
    public static func charts(of claim: ClaimReport) -> [(name: String, chart: Chart)] {
        var names: [String] = []
        for instance in claim.instances {
            for series in instance.series ?? [] where !names.contains(series.name) { names.append(series.name) }
        }
        return names.compactMap { name in
            var curves: [Chart.Curve] = []
            var template: Series?
            for instance in claim.instances where curves.count < maximumCurves {
                guard let series = instance.series?.first(where: { $0.name == name }) else { continue }
                template = template ?? series
                curves.append(Chart.Curve(label: label(instance), x: series.x, y: series.y, error: series.error))
            }
            guard let template else { return nil }
            // Every instance of the claim counts: one cut by the limit, one that recorded no series (an ERROR) and
            // one that did not run (an interrupted check) are all missing from the chart.
            let total = max(claim.totalInstances ?? 0, claim.instances.count)
            let shown = total > curves.count ? " (\(curves.count) of \(total) instances shown)" : ""
            let chart = Chart(title: "\(claim.id): \(template.name)\(shown)", xLabel: template.xLabel,
                              yLabel: template.yLabel, logarithmic: template.logarithmic, curves: curves)
            return (name, chart)
        }
    }

    /// The legend label of an instance: its index, verdict and precision.
    static func label(_ instance: InstanceReport) -> String {
        let bits = instance.precisionBits.map { "\($0) bits" } ?? "exact"
        return "#\(instance.index) \(instance.verdict.rawValue), \(bits)"
    }
}
