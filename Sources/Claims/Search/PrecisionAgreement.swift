/// How far along a run the working precision p and the reference precision p + g agree, from the series a kind
/// records (each point carries |value at p − value at p + g| as its error estimate).
///
/// A point agrees when the two values match to `digits` significant digits. On a chaotic trajectory the largest
/// violation can lie where the trajectory is no longer resolved; this statement says where that begins.
public enum PrecisionAgreement {
    /// Significant digits two values must share to agree.
    public static let digits = 10

    /// "p and p + g bits agree to 10 digits at every recorded point …", or "values of NAME beyond X disagree
    /// between p and p + g bits …"; `nil` when the instance records no series or ran exactly.
    public static func statement(for outcome: InstanceOutcome, guardBits: Int) -> String? {
        guard let p = outcome.precisionBits else { return outcome.series.isEmpty ? nil : "exact arithmetic: no rounding" }
        let recorded = outcome.series.filter { $0.error != nil && !$0.x.isEmpty }
        guard !recorded.isEmpty else { return nil }
        let tolerance = pow10(-digits)
        var earliest: (series: Series, index: Int)?
        for series in recorded {
            guard let errors = series.error else { continue }
            if let i = series.y.indices.first(where: { errors[$0] > tolerance * abs(series.y[$0]) && errors[$0] > 0 }) {
                if earliest.map({ series.x[i] < $0.series.x[$0.index] }) ?? true { earliest = (series, i) }
            }
        }
        let pair = "\(p) and \(p + guardBits) bits"
        guard let (series, i) = earliest else {
            let names = recorded.map(\.name).joined(separator: ", ")
            let last = recorded.map { $0.x.last! }.max()!
            return "\(pair) agree to \(digits) digits at every recorded point of \(names) (through \(recorded[0].xLabel) = \(number(last)))"
        }
        let before = i > 0 ? "beyond \(series.xLabel) = \(number(series.x[i - 1]))" : "from the start"
        return "values of \(series.name) \(before) disagree between \(pair) (first at \(series.xLabel) = \(number(series.x[i])))"
    }

    private static func pow10(_ n: Int) -> Double { (0..<abs(n)).reduce(1.0) { x, _ in n < 0 ? x / 10 : x * 10 } }

    private static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
