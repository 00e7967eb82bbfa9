import Foundation
import Testing

/// docs/conjecture-tutorial.md runs exactly as printed: every ```toml block is saved under the name the text gives
/// it ("Save this as `NAME`:"), every ```console block's `$ attest …` command is run by the `attest` executable in
/// that folder, and its standard output must equal the printed lines (trailing spaces aside), with exit status 0
/// when every claim met its expectation and 1 otherwise.
@Suite("docs/conjecture-tutorial.md runs as printed", .serialized)
struct ConjectureTutorialTests {
    /// A claim file of the tutorial.
    struct SavedFile { var name: String; var text: String }
    /// A command of the tutorial and its printed output.
    struct Command { var arguments: [String]; var output: [String] }

    /// The tutorial, found from this source file (Tests/AttestCommandsTests/ → repository root).
    static func tutorial() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/conjecture-tutorial.md"), encoding: .utf8)
    }

    /// The saved files and the commands, in the order they appear.
    static func parse(_ markdown: String) -> (files: [SavedFile], commands: [Command]) {
        let lines = markdown.components(separatedBy: "\n")
        var files: [SavedFile] = [], commands: [Command] = []
        var lastName: String?
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if let range = line.range(of: "Save this as `") {
                let rest = line[range.upperBound...]
                lastName = rest.firstIndex(of: "`").map { String(rest[..<$0]) }
            }
            if line.hasPrefix("```toml") || line.hasPrefix("```console") {
                let isTOML = line.hasPrefix("```toml")
                var body: [String] = []
                i += 1
                while i < lines.count, !lines[i].hasPrefix("```") { body.append(lines[i]); i += 1 }
                if isTOML, let name = lastName {
                    files.append(SavedFile(name: name, text: body.joined(separator: "\n") + "\n"))
                    lastName = nil
                } else if !isTOML, let first = body.first, first.hasPrefix("$ attest ") {
                    let arguments = first.dropFirst("$ attest ".count).split(separator: " ").map(String.init)
                    commands.append(Command(arguments: arguments, output: Array(body.dropFirst())))
                }
            }
            i += 1
        }
        return (files, commands)
    }

    /// Lines without trailing spaces and without trailing empty lines.
    static func normalized(_ lines: [String]) -> [String] {
        var out = lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }

    @Test("The tutorial has its six claim files and seven commands")
    func structure() throws {
        let (files, commands) = Self.parse(try Self.tutorial())
        #expect(files.map(\.name) == ["my-first-conjecture.toml", "tanh-conjecture.toml", "tanh-breaks-balancedness.toml",
                                       "critical-step.toml", "gd-loss-search.toml", "sgd-step-law.toml"])
        #expect(commands.map { $0.arguments.joined(separator: " ") } == [
            "check my-first-conjecture.toml", "check --verbose my-first-conjecture.toml", "check tanh-conjecture.toml",
            "check tanh-breaks-balancedness.toml", "check critical-step.toml", "check gd-loss-search.toml",
            "check sgd-step-law.toml",
        ])
        // The first claim file is the promised "about ten lines": 12 non-blank lines.
        #expect(files[0].text.split(separator: "\n").count == 12)
    }

    @Test("Every command prints exactly the output shown, with the exit status its summary implies")
    func runsAsPrinted() throws {
        let binary = try #require(AttestTests.attestBinary(), "the attest executable was not found beside the tests")
        let (files, commands) = Self.parse(try Self.tutorial())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("attest-tutorial-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for file in files {
            try file.text.write(to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
        }
        for command in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = command.arguments
            process.currentDirectoryURL = folder
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let printed = Self.normalized(String(decoding: data, as: UTF8.self).components(separatedBy: "\n"))
            let expected = Self.normalized(command.output)
            #expect(printed == expected, "attest \(command.arguments.joined(separator: " "))")
            let allMet = expected.last?.hasSuffix(" 0 did not.") == true
            #expect(process.terminationStatus == (allMet ? 0 : 1), "exit status of attest \(command.arguments.joined(separator: " "))")
        }
    }
}
