import Claims

/// Renders a report for the terminal: one block per claim, then a summary table.
///
/// The text holds no times, so it is byte-identical for any `--jobs`. `quiet` prints the summary table only;
/// `verbose` adds every instance with its measurements and precision attempts.
///
/// ```
/// PASS           dln-gd-balancedness-step  (3 instances, exact)
///                One GD step changes W_{j+1}ᵀW_{j+1} − W_jW_jᵀ by exactly η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)
///                checked: D_j(t+1) − D_j(t) = η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ) exactly, for every step t < 3 and every j
///                claim (the file's statement): …
/// ```
public struct TextReportWriter: Sendable {
    /// How much to print.
    public enum Detail: Sendable {
        /// The summary table only.
        case quiet
        /// Each claim's verdict, counterexamples, escalations and problems, then the summary.
        case normal
        /// Also every instance with its measurements.
        case verbose
    }

    /// How much to print.
    public var detail: Detail

    /// Creates the writer.
    public init(detail: Detail = .normal) {
        self.detail = detail
    }

    /// The text, ending with a newline.
    public func render(_ report: Report) -> String {
        var out: [String] = []
        if detail != .quiet {
            for claim in report.claims {
                out += claimBlock(claim)
                out.append("")
            }
        }
        out += summaryTable(report)
        return out.joined(separator: "\n") + "\n"
    }

    private func claimBlock(_ claim: ClaimReport) -> [String] {
        let arithmetic = claim.instances.allSatisfy { $0.precisionBits == nil } ? "exact"
            : claim.instances.contains { $0.integratorStatistics?["rigor: arithmetic"] != nil } ? "Arb balls" : "MPFR"
        let count = claim.instances.isEmpty && claim.search?.bracket != nil ? "threshold bisection"
            : "\(claim.instances.count) instance\(claim.instances.count == 1 ? "" : "s"), \(arithmetic)"
        var lines = ["\(pad(claim.displayVerdict, 15))\(claim.id)  (\(count)"
                     + (claim.expected == .fail ? ", expected FAIL" : "") + ")"]
        let indent = String(repeating: " ", count: 15)
        lines.append(indent + claim.title)
        lines += claim.checkedLines.map { indent + $0 }
        lines.append(indent + claim.claimLine)
        if let missing = claim.missingWork { lines.append(indent + "interrupted: " + missing) }
        if let counterexample = claim.counterexample {
            lines.append(indent + "counterexample: " + counterexample)
        }
        for line in claim.search?.lines ?? [] { lines.append(indent + line) }
        for instance in claim.instances {
            let show = detail == .verbose || instance.attempts.count > 1
                || (instance.verdict != .pass && instance.verdict != .fail) || (instance.verdict == .fail && claim.expected == .pass)
            guard show else { continue }
            lines.append(indent + "#\(instance.index) \(claim.displayVerdict(of: instance))  \(instance.parameterText)")
            if instance.attempts.count > 1 || detail == .verbose {
                let steps = instance.attempts.map { a in
                    "\(a.precisionBits.map { "\($0) bits" } ?? "exact") \(a.verdict.rawValue) (margin \(SignificantDigits.round(a.margin, digits: 6)) ± \(a.error))"
                }
                lines.append(indent + "   attempts: " + steps.joined(separator: " → "))
            }
            if let message = instance.message { lines.append(indent + "   " + message) }
            if detail == .verbose {
                if let location = instance.location { lines.append(indent + "   at " + location) }
                for m in instance.measurements {
                    lines.append(indent + "   \(m.name) = \(m.displayWithError(digits: 20))")
                }
            }
        }
        // The counterexample's evidence (a refuted identity's matrices), once per claim, under its verdict.
        if let evidence = claim.instances.first(where: { $0.verdict.isViolation && $0.evidence != nil })?.evidence {
            lines += evidence.split(separator: "\n", omittingEmptySubsequences: false).map { indent + "   " + $0 }
        }
        return lines
    }

    private func summaryTable(_ report: Report) -> [String] {
        let header = ["claim", "kind", "expected", "verdict", "instances", "met"]
        var rows = report.claims.map { claim -> [String] in
            let counts = Verdict.allCases.compactMap { v -> String? in
                let n = claim.instances.filter { $0.verdict == v }.count
                return n == 0 ? nil : "\(n) \(v.rawValue)"
            }
            return [claim.id, claim.kind, claim.expected.rawValue, claim.displayVerdict,
                    counts.isEmpty ? (claim.search?.bracket.map { "bracket, \($0.points) points" } ?? "none ran")
                        : counts.joined(separator: ", "), claim.metExpectation ? "yes" : "NO"]
        }
        rows.insert(header, at: 0)
        let widths = header.indices.map { c in rows.map { $0[c].count }.max()! }
        var lines = ["Summary"]
        for (r, row) in rows.enumerated() {
            lines.append(row.indices.map { pad(row[$0], widths[$0]) }.joined(separator: "  ").trimmingTrailingSpaces)
            if r == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        let s = report.summary
        lines.append("")
        lines.append("\(s.claims) claim\(s.claims == 1 ? "" : "s"), \(s.instances) instance\(s.instances == 1 ? "" : "s"): "
                     + "\(s.met) met \(s.met == 1 ? "its" : "their") expectation, \(s.notMet) did not."
                     + (report.incompleteness.map { " " + $0 } ?? ""))
        lines += report.resume?.lines ?? []
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

extension String {
    /// The string without trailing spaces.
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
