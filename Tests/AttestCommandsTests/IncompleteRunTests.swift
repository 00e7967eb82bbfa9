import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing
@testable import AttestCommands

/// Issue 21, "partial reports that look complete", end to end: a run stopped by --timeout-total writes JUnit, CSV
/// and Markdown reports that say so where CI and readers look.
@Suite("An interrupted run's JUnit, CSV and Markdown reports are visibly incomplete", .serialized)
struct IncompleteRunTests {
    @Test("--timeout-total: JUnit has an INCOMPLETE error for the claim that never ran (not tests=\"0\"); CSV a NOT RUN row, complete = false")
    func partialReports() async throws {
        let slow = CLIClaims.text(id: "slow", kind: "dln-gd-balancedness-drift",
                                  "[model]\nwidths = [2, 3, 2]\n[dynamics]\nstep_size = \"1/10\"\nsteps = 100000\n"
                                  + "[numerics]\nprecision = 4096\n[grid]\nseed = [1, 2]\n")
        // The slow claim alone (minutes per instance), so that what the 1 s limit leaves does not depend on the load.
        let folder = try ClaimFolder(["b.toml": slow])
        defer { folder.cleanUp() }
        let (xml, csv, md) = (folder.file("r.xml"), folder.file("r.csv"), folder.file("r.md"))
        #expect(await Attest.run(arguments: ["check", "-q", "--timeout-total", "1", "--report", xml, "--report", csv,
                                             "--report", md, folder.path]) == 1)
        let junit = try String(contentsOfFile: xml, encoding: .utf8)
        #expect(junit.contains("<testcase classname=\"attest.slow\" name=\"instances not run\""))
        #expect(junit.contains("type=\"INCOMPLETE\"") && junit.contains("none of its 2 instances ran"))
        #expect(junit.contains("<testsuites name=\"attest\" tests=\"1\" failures=\"0\" errors=\"1\""))
        let rows = parseCSVRows(try String(contentsOfFile: csv, encoding: .utf8))
        let header = try #require(rows.first)
        let complete = try #require(header.firstIndex(of: "complete")), verdict = try #require(header.firstIndex(of: "verdict"))
        #expect(rows.count == 2 && rows.dropFirst().allSatisfy { $0[complete] == "false" })
        #expect(rows.last?[0] == "slow" && rows.last?[verdict] == "NOT RUN")
        #expect(try String(contentsOfFile: md, encoding: .utf8).contains("**INCOMPLETE: the run was interrupted; 1 claim did not finish (slow: none of its 2 instances ran)."))
    }

    /// RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks.
    func parseCSVRows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(cell); cell = "" }
            else if c == "\r\n" || c == "\n" { row.append(cell); rows.append(row); row = []; cell = "" }
            else { cell.append(c) }
        }
        return rows
    }
}
