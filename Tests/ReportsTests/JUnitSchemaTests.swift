import Claims
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reports
import Testing

/// The JUnit XML validates against Jenkins' junit-10.xsd (References/junit-10.xsd, origin in
/// References/junit-10.README.md): with `xmllint --schema` where xmllint is installed, and by the schema's
/// constraints on the elements Attest writes, checked structurally in Swift, everywhere.
@Suite("JUnit XML against junit-10.xsd")
struct JUnitSchemaTests {
    static let references = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("References")
    static let xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The reports to validate: the writer fixture, the same report interrupted, and an empty report.
    static var reports: [Report] {
        var partial = ReportFixtures.report
        partial.complete = false
        partial.claims[2].complete = false
        partial.claims[2].totalInstances = 7
        var empty = ReportFixtures.report
        empty.claims = []
        return [ReportFixtures.report, partial, empty]
    }

    /// The attributes junit-10.xsd allows on each element Attest writes, and those it requires.
    static let allowed: [String: Set<String>] = [
        "testsuites": ["name", "time", "tests", "failures", "errors"],
        "testsuite": ["name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname", "id",
                      "package", "file", "log", "url"],
        "testcase": ["name", "time", "classname", "group"],
        "failure": ["type", "message"], "error": ["type", "message"], "skipped": ["type", "message"],
        "properties": [], "property": ["name", "value"], "system-out": [], "system-err": [],
    ]
    static let required: [String: Set<String>] = [
        "testsuite": ["name", "tests", "failures", "errors"], "testcase": ["name"], "property": ["name", "value"],
    ]
    /// The children junit-10.xsd allows.
    static let children: [String: Set<String>] = [
        "testsuites": ["testsuite"], "testsuite": ["testsuite", "properties", "testcase", "system-out", "system-err"],
        "testcase": ["skipped", "error", "failure", "system-out", "system-err"], "properties": ["property"],
    ]

    @Test("The constraints of junit-10.xsd hold on every element written")
    func structure() throws {
        let timePattern = try NSRegularExpression(pattern: "^(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]*)?$")
        for report in Self.reports {
            let document = try XMLDocument(xmlString: JUnitReportWriter().render(report))
            let root = try #require(document.rootElement())
            #expect(root.name == "testsuites")
            #expect(root.attribute(forName: "skipped") == nil, "junit-10.xsd has no skipped on <testsuites>")
            func visit(_ element: XMLElement) {
                let name = element.name ?? ""
                let attributes = Set((element.attributes ?? []).compactMap(\.name))
                #expect(Self.allowed[name] != nil, "element <\(name)> is not in junit-10.xsd")
                #expect(attributes.isSubset(of: Self.allowed[name] ?? []), "<\(name)> \(attributes.subtracting(Self.allowed[name] ?? []))")
                #expect((Self.required[name] ?? []).isSubset(of: attributes), "<\(name)> lacks \(Self.required[name] ?? [])")
                if name == "testsuites" || name == "testsuite", let time = element.attribute(forName: "time")?.stringValue {
                    #expect(timePattern.firstMatch(in: time, range: NSRange(time.startIndex..., in: time)) != nil, "time \(time)")
                }
                for child in element.children ?? [] {
                    guard let child = child as? XMLElement else { continue }
                    #expect(Self.children[name]?.contains(child.name ?? "") == true, "<\(child.name ?? "")> inside <\(name)>")
                    visit(child)
                }
            }
            visit(root)
        }
    }

    @Test("xmllint validates the XML against junit-10.xsd", .enabled(if: xmllint != nil, "xmllint is not installed"))
    func xmllintValidates() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-junit-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (i, report) in Self.reports.enumerated() {
            let file = folder.appendingPathComponent("r\(i).xml")
            try JUnitReportWriter().render(report).write(to: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.xmllint!)
            process.arguments = ["--noout", "--schema", Self.references.appendingPathComponent("junit-10.xsd").path, file.path]
            let err = Pipe()
            process.standardError = err
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(message)")
        }
        // The old writer's `skipped` on <testsuites> is rejected: the schema check is not vacuous.
        let bad = folder.appendingPathComponent("bad.xml")
        try "<?xml version=\"1.0\"?>\n<testsuites skipped=\"1\"></testsuites>\n".write(to: bad, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.xmllint!)
        process.arguments = ["--noout", "--schema", Self.references.appendingPathComponent("junit-10.xsd").path, bad.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
    }
}
