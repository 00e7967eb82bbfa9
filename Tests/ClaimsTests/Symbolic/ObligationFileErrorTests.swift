import Testing
import Claims
@testable import Symbolic

@Suite("Obligation files: malformed files are errors with line and key")
struct ObligationFileErrorTests {
    static let valid = """
        id = "t"
        title = "T"
        statement = "S"
        source = "nowhere"
        expect = "proved"

        [symbols]
        W1 = { shape = ["d1", "d0"] }
        W2 = { shape = ["d2", "d1"] }
        E = { shape = ["d2", "d0"] }

        [definitions]
        G1 = "W2' E"
        G2 = "E W1'"

        [flow]
        W1 = "-G1"
        W2 = "-G2"

        [[identity]]
        name = "j = 1"
        claim = "d/dt(W2' W2 - W1 W1') = 0"
        """

    func error(_ text: String) -> ObligationFileError? {
        do {
            _ = try ObligationFile.parse(text: text, file: "t.toml")
            return nil
        } catch {
            return error
        }
    }

    @Test("The valid file loads and proves")
    func valid() throws {
        let o = try ObligationFile.parse(text: Self.valid)
        #expect(o.id == "t" && o.claims.count == 1 && o.expectation == .proved)
        #expect(o.context.alphabet.symbols.map(\.name) == ["W1", "W2", "E"])
        #expect(o.check().metExpectation)
    }

    @Test("Errors name the line and key", arguments: [
        // (replace, with, line, key, message prefix)
        ("claim = \"d/dt(W2' W2 - W1 W1') = 0\"", "claim = \"d/dt(W2' W2 - W1 W1' = 0\"", 22, "identity[0].claim",
         "column 22: expected ')' but found '='"),
        ("claim = \"d/dt(W2' W2 - W1 W1') = 0\"", "claim = \"d/dt(W3' W3) = 0\"", 22, "identity[0].claim",
         "'W₃' is not a declared symbol or definition (column 6)"),
        ("claim = \"d/dt(W2' W2 - W1 W1') = 0\"", "claim = \"W1 W2 = 0\"", 22, "identity[0].claim",
         "shapes do not fit in a product: d1×d0 and d2×d1 (column 1)"),
        ("G2 = \"E W1'\"", "G2 = \"W1' E\"", 14, "definitions.G2", "shapes do not fit in a product"),
        ("G2 = \"E W1'\"", "G2 = \"G1 + G2\"", 14, "definitions.G2", "definitions refer to each other in a cycle: G2 → G2"),
        ("expect = \"proved\"", "expect = \"true\"", 5, "expect", "must be \"proved\" or \"refuted\""),
        ("expect = \"proved\"", "expect = \"proved\"\ncolour = 3", 6, "colour", "unknown key 'colour'"),
        ("W1 = { shape = [\"d1\", \"d0\"] }", "W1 = { shape = [\"d1\"] }", 8, "symbols.W1.shape", "must be [rows, columns]"),
        ("W1 = { shape = [\"d1\", \"d0\"] }", "W1 = { kind = \"vector\" }", 8, "symbols.W1.kind", "unknown kind \"vector\""),
        ("W1 = \"-G1\"", "W3 = \"-G1\"", 17, "flow.W3", "'W₃' is not a declared symbol or definition"),
        ("W1 = \"-G1\"", "W1 = \"-G2\"", 17, "flow.W1", "the rate of W₁ has shape d2×d1, but W₁ is d1×d0"),
        ("id = \"t\"\n", "", nil, nil, "missing key 'id'"),
    ] as [(String, String, Int?, String?, String)])
    func errors(replace: String, with: String, line: Int?, key: String?, message: String) throws {
        let text = Self.valid.replacingOccurrences(of: replace, with: with)
        #expect(text != Self.valid)
        let e = try #require(error(text))
        #expect(e.file == "t.toml")
        #expect(e.line == line, "\(e)")
        #expect(e.key == key, "\(e)")
        #expect(e.message.hasPrefix(message), "\(e)")
        if let line, let key { #expect(e.description.hasPrefix("t.toml:\(line): \(key): ")) }
    }

    @Test("A TOML syntax error reports TOMLKit's line")
    func syntaxError() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "[definitions]", with: "[definitions")))
        #expect(e.line == 12)
        #expect(e.message.hasPrefix("TOML syntax error"))
    }

    @Test("Missing identities and a missing file")
    func missing() throws {
        let head = Self.valid.components(separatedBy: "[[identity]]")[0]
        let e = try #require(error(head))
        #expect(e.key == "identity" && e.message.hasPrefix("missing [[identity]]"))
        #expect(throws: ObligationFileError.self) { try ObligationFile.read(file: "/nonexistent/x.toml") }
    }
}
