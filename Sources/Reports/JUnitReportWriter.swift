import Claims

/// Renders a report as JUnit XML for CI: one `<testsuite>` per claim, one `<testcase>` per instance.
///
/// A test case fails when its instance keeps the claim from meeting its expectation: for an ordinary claim, a FAIL
/// (`<failure>` carrying the counterexample: parameters, seed, precision, place and margin) or an INCONCLUSIVE
/// (`<failure type="INCONCLUSIVE">`); an ERROR is an `<error>`; NOT APPLICABLE is `<skipped>`. For a known-false
/// claim (`expect = "fail"`), the refuting instance passes and carries its counterexample in `<system-out>`; if no
/// instance fails, every test case fails with "expected a counterexample". A claim that an interrupted run did not
/// finish gets one more test case, "instances not run", with an `<error type="INCOMPLETE">` saying how many of its
/// instances did not run, so that a CI system reads a partial report as red.
///
/// The XML validates against Jenkins' `junit-10.xsd`: `<testsuites>` carries `name`, `tests`, `failures`, `errors`
/// and `time` only (the skipped count is on each `<testsuite>`); `time` is a plain decimal.
public struct JUnitReportWriter: Sendable {
    /// Creates the writer.
    public init() {}

    /// The XML text.
    public func render(_ report: Report) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0, time: 0.0)
        for claim in report.claims {
            var cases: [String] = []
            var counts = (failures: 0, errors: 0, skipped: 0, time: 0.0)
            for instance in claim.instances {
                counts.time += instance.seconds
                let name = "#\(instance.index) \(instance.parameterText)"
                var body: [String] = []
                let detail = reproduction(claim, instance)
                switch (claim.expected, instance.verdict) {
                case (_, .error):
                    counts.errors += 1
                    body.append("<error message=\"\(escape(instance.message ?? "error"))\" type=\"ERROR\">\(escape(detail))</error>")
                case (_, .notApplicable):
                    counts.skipped += 1
                    body.append("<skipped message=\"the instance does not satisfy the hypotheses\"/>")
                case (.pass, .fail), (.pass, .disproved):
                    counts.failures += 1
                    body.append("<failure message=\"counterexample: \(escape(instance.location ?? "margin < 0"))\" type=\"\(instance.verdict.rawValue)\">\(escape(detail))</failure>")
                case (.pass, .inconclusive):
                    counts.failures += 1
                    body.append("<failure message=\"inconclusive: the margin is within its error estimate\" type=\"INCONCLUSIVE\">\(escape(detail))</failure>")
                case (.fail, _) where !claim.verdict.isViolation:
                    counts.failures += 1
                    body.append("<failure message=\"expected a counterexample (expect = fail), but no instance failed\" type=\"\(instance.verdict.rawValue)\">\(escape(detail))</failure>")
                case (.fail, .fail), (.fail, .disproved):
                    body.append("<system-out>expected FAIL, \(instance.verdict == .disproved ? "certified " : "")counterexample: \(escape(detail))</system-out>")
                default:
                    break
                }
                let open = "    <testcase classname=\"attest.\(escape(claim.id))\" name=\"\(escape(name))\" time=\"\(seconds(instance.seconds))\""
                cases.append(body.isEmpty ? open + "/>" : open + ">\n      " + body.joined(separator: "\n      ") + "\n    </testcase>")
            }
            if claim.instances.isEmpty, let search = claim.search {     // a threshold bracket: one test case
                let open = "    <testcase classname=\"attest.\(escape(claim.id))\" name=\"threshold\" time=\"0.000\""
                let text = search.lines.joined(separator: "; ")
                cases.append(claim.metExpectation ? open + ">\n      <system-out>\(escape(text))</system-out>\n    </testcase>"
                             : open + ">\n      <failure message=\"the bracket is not verified\" type=\"\(claim.verdict.rawValue)\">"
                                + "\(escape(text))</failure>\n    </testcase>")
                if !claim.metExpectation { counts.failures += 1 }
            }
            // The work an interrupted run did not do is an error test case, so that CI reads the report as red.
            if let missing = claim.missingWork {
                counts.errors += 1
                cases.append("    <testcase classname=\"attest.\(escape(claim.id))\" name=\"instances not run\" time=\"0.000\">\n"
                              + "      <error message=\"\(escape("the run was interrupted: " + missing))\" type=\"INCOMPLETE\">"
                              + "\(escape("claim \(claim.id) (\(claim.file)): \(missing); continue with attest check --resume"))</error>\n"
                              + "    </testcase>")
            }
            let tests = cases.count
            totals.tests += tests
            totals.failures += counts.failures
            totals.errors += counts.errors
            totals.skipped += counts.skipped
            totals.time += counts.time
            var suite = "  <testsuite name=\"\(escape(claim.id))\" tests=\"\(tests)\" failures=\"\(counts.failures)\" "
                + "errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" time=\"\(seconds(counts.time))\">\n"
            suite += "    <properties>\n"
            let checked = claim.checkedLines.map { String($0.dropFirst("checked: ".count)) }.joined(separator: " | ")
            for (key, value) in [("title", claim.title), ("kind", claim.kind), ("source", claim.source),
                                 ("checked", checked), ("claim statement", claim.statement),
                                 ("expected", claim.expected.rawValue), ("verdict", claim.displayVerdict),
                                 ("complete", String(claim.complete))] {
                suite += "      <property name=\"\(key)\" value=\"\(escape(value))\"/>\n"
            }
            for line in claim.search?.lines ?? [] { suite += "      <property name=\"search\" value=\"\(escape(line))\"/>\n" }
            suite += "    </properties>\n"
            suite += cases.joined(separator: "\n") + (cases.isEmpty ? "" : "\n")
            suite += "  </testsuite>"
            suites.append(suite)
        }
        if !report.complete && report.claims.allSatisfy({ $0.missingWork == nil }) {
            // Interrupted, yet every listed claim finished: the missing work is still an error.
            totals.tests += 1
            totals.errors += 1
            suites.append("  <testsuite name=\"attest\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0.000\">\n"
                          + "    <testcase classname=\"attest\" name=\"run not complete\" time=\"0.000\">\n"
                          + "      <error message=\"the run was interrupted\" type=\"INCOMPLETE\">the report is partial</error>\n"
                          + "    </testcase>\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"attest\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" "
            + "time=\"\(seconds(totals.time))\">\n"
            + suites.joined(separator: "\n") + (suites.isEmpty ? "" : "\n")
            + "</testsuites>\n"
    }

    /// Everything needed to reproduce an instance, on one line.
    private func reproduction(_ claim: ClaimReport, _ instance: InstanceReport) -> String {
        var parts = ["claim \(claim.id) (\(claim.file))", "instance #\(instance.index)", instance.parameterText]
        parts += claim.checkedLines
        parts.append("precision \(instance.precisionBits.map { "\($0) bits" } ?? "exact")")
        if let location = instance.location { parts.append("at \(location)") }
        if let margin = instance.margin { parts.append("margin \(margin) ± \(instance.marginError ?? "0")") }
        for m in instance.measurements { parts.append("\(m.name) = \(m.value) ± \(m.error)") }
        if let message = instance.message { parts.append(message) }
        return parts.joined(separator: "; ") + (instance.evidence.map { "\n" + $0 } ?? "")
    }

    private func seconds(_ s: Double) -> String { String(format: "%.3f", s) }

    /// Escapes text for XML attributes and content.
    private func escape(_ text: String) -> String { XMLText.escape(text) }
}
