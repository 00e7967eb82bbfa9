import Foundation

/// Claim files with one problem each, shared by the Claims tests (message, line, key) and the command-line tests
/// (exit status 2 and the message on standard error).
public struct BadClaimFile: Sendable, CustomStringConvertible {
    /// What is wrong, as the test's name.
    public var name: String
    /// The claim file's text (written as `claim.toml`).
    public var toml: String
    /// Other files beside it, by relative path (data files, or other claim files such as a duplicate id's first use).
    public var dataFiles: [String: String]
    /// Files of the given size in bytes beside it (sparse, all zero bytes), by relative path.
    public var largeFiles: [String: Int] = [:]
    /// The key the error must name (`nil`: none).
    public var key: String?
    /// A substring of the line the error must point at (`nil`: no line).
    public var lineMarker: String?
    /// A fragment the message must contain.
    public var fragment: String

    /// The 1-based line of `lineMarker` in `toml`.
    public var expectedLine: Int? {
        guard let marker = lineMarker else { return nil }
        let lines = toml.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.contains(marker) }.map { $0 + 1 }
    }

    /// The name.
    public var description: String { name }

    /// Writes the claim file as `claim.toml` with its data and large files into a new temporary folder.
    ///
    /// - Returns: the folder; remove it when done.
    public func writeFolder() throws -> URL {
        let fileManager = FileManager.default
        let folder = fileManager.temporaryDirectory.appendingPathComponent("attest-bad-claim-\(UUID())")
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        func prepare(_ name: String) throws -> URL {
            let url = folder.appendingPathComponent(name)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            return url
        }
        for (name, text) in dataFiles { try text.write(to: try prepare(name), atomically: true, encoding: .utf8) }
        for (name, bytes) in largeFiles {
            let url = try prepare(name)
            guard fileManager.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: UInt64(bytes))
            try handle.close()
        }
        try toml.write(to: folder.appendingPathComponent("claim.toml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// A valid gradient-flow claim (rounded kind with a horizon) to start from.
    public static let validFlow = """
        id = "bad-flow-claim"
        title = "A flow claim with one problem"
        kind = "dln-gf-balancedness"
        source = "tests"
        statement = "s"

        [model]
        widths = [2, 2]
        seed = 1

        [dynamics]
        horizon = "1/2"
        """

    /// A valid game claim (OMWU on weighted rock–paper–scissors) to start from.
    public static let validGame = """
        id = "bad-game-claim"
        title = "A game claim with one problem"
        kind = "omwu-kl"
        source = "tests"
        statement = "s"

        [model]
        payoff = [[0, 1, -2], [-1, 0, 3], [2, -3, 0]]

        [dynamics]
        step_size = "1/10"
        steps = 10
        """

    /// A valid claim (exact kind) to start from.
    public static let valid = """
        id = "bad-claim"
        title = "A claim with one problem"
        kind = "dln-gd-balancedness-step"
        source = "tests"
        statement = "s"

        [model]
        widths = [2, 3, 2]
        seed = 1

        [dynamics]
        step_size = "1/10"
        steps = 1
        """

    static func replacing(_ old: String, with new: String) -> String {
        precondition(valid.contains(old), "BadClaimFile: \(old) is not in the template")
        return valid.replacingOccurrences(of: old, with: new)
    }

    /// One file per kind of problem.
    public static let all: [BadClaimFile] = [
        BadClaimFile(name: "TOML syntax error", toml: replacing("seed = 1", with: "seed = = 1"), dataFiles: [:],
                     key: nil, lineMarker: "seed = = 1", fragment: "TOML syntax error"),
        BadClaimFile(name: "unknown top-level key with suggestion", toml: replacing("title =", with: "titel ="),
                     dataFiles: [:], key: "titel", lineMarker: "titel", fragment: "did you mean 'title'?"),
        BadClaimFile(name: "unknown parameter with suggestion", toml: replacing("seed = 1", with: "seed = 1\nsampels = 4"),
                     dataFiles: [:], key: "model.sampels", lineMarker: "sampels", fragment: "did you mean 'samples'?"),
        BadClaimFile(name: "missing top-level key", toml: replacing("source = \"tests\"\n", with: ""), dataFiles: [:],
                     key: "source", lineMarker: nil, fragment: "missing key"),
        BadClaimFile(name: "missing required parameter", toml: replacing("step_size = \"1/10\"\n", with: ""),
                     dataFiles: [:], key: "dynamics.step_size", lineMarker: "[dynamics]", fragment: "missing key"),
        BadClaimFile(name: "wrong type", toml: replacing("steps = 1", with: "steps = \"three\""), dataFiles: [:],
                     key: "dynamics.steps", lineMarker: "steps = \"three\"", fragment: "expected an integer, found a string"),
        BadClaimFile(name: "out-of-range value", toml: replacing("steps = 1", with: "steps = 0"), dataFiles: [:],
                     key: "dynamics.steps", lineMarker: "steps = 0", fragment: "out of range"),
        BadClaimFile(name: "precision below the supported range", toml: valid + "\n\n[numerics]\nprecision = 1\n",
                     dataFiles: [:], key: "numerics.precision", lineMarker: "precision = 1",
                     fragment: "between 32 and 16777216 bits"),
        BadClaimFile(name: "precision above the supported range", toml: valid + "\n\n[numerics]\nprecision = 33554432\n",
                     dataFiles: [:], key: "numerics.precision", lineMarker: "precision = 33554432",
                     fragment: "between 32 and 16777216 bits"),
        BadClaimFile(name: "escalation cap below the precision",
                     toml: valid + "\n\n[numerics]\nprecision = 256\nmax_precision = 128\n", dataFiles: [:],
                     key: "numerics.max_precision", lineMarker: "max_precision", fragment: "at least the precision"),
        BadClaimFile(name: "TOML float where an exact number is needed",
                     toml: replacing("step_size = \"1/10\"", with: "step_size = 0.1"), dataFiles: [:],
                     key: "dynamics.step_size", lineMarker: "step_size = 0.1", fragment: "write it as a string, \"0.1\""),
        BadClaimFile(name: "number that is not exact", toml: replacing("step_size = \"1/10\"", with: "step_size = \"1/0\""),
                     dataFiles: [:], key: "dynamics.step_size", lineMarker: "step_size", fragment: "not an exact number"),
        BadClaimFile(name: "NaN entry in an inline matrix",
                     toml: replacing("seed = 1", with: "seed = 1\nX = [[\"1\", \"0\"],\n     [nan, \"1\"]]"), dataFiles: [:],
                     key: "model.X[1][0]", lineMarker: "[nan", fragment: "NaN is not allowed"),
        BadClaimFile(name: "mismatched dimensions", toml: replacing("seed = 1", with: "seed = 1\nX = [[\"1\", \"0\", \"2\"]]"),
                     dataFiles: [:], key: "model.X", lineMarker: "X = ", fragment: "mismatched dimensions: X (inline) is 1×3"),
        BadClaimFile(name: "missing data file", toml: replacing("seed = 1", with: "seed = 1\nX = \"data/none.csv\""),
                     dataFiles: [:], key: "model.X", lineMarker: "X = ", fragment: "data file data/none.csv: no such file"),
        BadClaimFile(name: "non-numeric CSV entry", toml: replacing("seed = 1", with: "seed = 1\nX = \"x.csv\""),
                     dataFiles: ["x.csv": "1, 2\n3, abc\n"], key: "model.X", lineMarker: "X = ",
                     fragment: "row 2, column 2: \"abc\" is not an exact number"),
        BadClaimFile(name: "NaN and infinity in a CSV file", toml: replacing("seed = 1", with: "seed = 1\nX = \"x.csv\""),
                     dataFiles: ["x.csv": "1, inf\nnan, 2\n"], key: "model.X", lineMarker: "X = ",
                     fragment: "infinities are not allowed"),
        BadClaimFile(name: "ragged CSV rows", toml: replacing("seed = 1", with: "seed = 1\nX = \"x.csv\""),
                     dataFiles: ["x.csv": "1, 2\n3\n"], key: "model.X", lineMarker: "X = ", fragment: "row 2 has 1 entries"),
        BadClaimFile(name: "malformed JSON data file", toml: replacing("seed = 1", with: "seed = 1\nX = \"x.json\""),
                     dataFiles: ["x.json": "[[1, 2], [3, 4]"], key: "model.X", lineMarker: "X = ", fragment: "malformed JSON"),
        BadClaimFile(name: "unsupported data file format", toml: replacing("seed = 1", with: "seed = 1\nX = \"x.txt\""),
                     dataFiles: ["x.txt": "1 2\n"], key: "model.X", lineMarker: "X = ", fragment: "unsupported format '.txt'"),
        BadClaimFile(name: "empty grid axis", toml: valid + "\n\n[grid]\nseed = []\n", dataFiles: [:], key: "grid.seed",
                     lineMarker: "seed = []", fragment: "the grid is empty"),
        BadClaimFile(name: "unknown kind with suggestion",
                     toml: replacing("kind = \"dln-gd-balancedness-step\"", with: "kind = \"dln-gd-balancednes-step\""),
                     dataFiles: [:], key: "kind", lineMarker: "kind =", fragment: "did you mean \"dln-gd-balancedness-step\"?"),
        BadClaimFile(name: "bad expectation", toml: replacing("source =", with: "expect = \"maybe\"\nsource ="), dataFiles: [:],
                     key: "expect", lineMarker: "expect =", fragment: "it must be \"pass\", \"fail\" or \"inconclusive\""),
        BadClaimFile(name: "parameter in the wrong section", toml: replacing("seed = 1", with: "seed = 1\nsteps = 2"),
                     dataFiles: [:], key: "model.steps", lineMarker: "steps = 2", fragment: "belongs in [dynamics]"),
        BadClaimFile(name: "grid and instance list together",
                     toml: valid + "\n\n[grid]\nseed = [1, 2]\n\n[[instance]]\nseed = 3\n", dataFiles: [:], key: "instance",
                     lineMarker: "[[instance]]", fragment: "not both"),
        BadClaimFile(name: "unknown key in an instance", toml: valid + "\n\n[[instance]]\nsede = 3\n", dataFiles: [:],
                     key: "instance[0].sede", lineMarker: "sede", fragment: "did you mean 'seed'?"),
        BadClaimFile(name: "weights that do not fit the widths",
                     toml: replacing("seed = 1", with: "seed = 1\nweights = [[[\"1\", \"0\"]], [[\"1\"]]]"), dataFiles: [:],
                     key: "model.weights", lineMarker: "weights", fragment: "W_1 (inline) is 1×2, but widths give 3×2"),
        BadClaimFile(name: "triple bracket header (toml++ asserted on it; found by make fuzz)",
                     toml: valid + "\n\n[[[instance]]\nseed = 2\n", dataFiles: [:], key: nil, lineMarker: "[[[instance]]",
                     fragment: "TOML syntax error"),
        BadClaimFile(name: "header without a key before a comment (toml++ asserted on it)",
                     toml: valid + "\n\n[ # numerics\nprecision = 128\n", dataFiles: [:], key: nil, lineMarker: "[ # numerics",
                     fragment: "saw '#'"),
        BadClaimFile(name: "NUL character (toml++ would stop reading there; found by make fuzz)",
                     toml: replacing("title = \"A claim", with: "title = \"A\u{0}claim"), dataFiles: [:], key: nil,
                     lineMarker: "title =", fragment: "the control character U+0000 is not allowed in TOML"),
        BadClaimFile(name: "array element starting with '}' (toml++ asserted on it)",
                     toml: replacing("widths = [2, 3, 2]", with: "widths = [2, 3,}"), dataFiles: [:], key: nil,
                     lineMarker: "widths", fragment: "expected a value or ']' in the array, saw '}'"),
        BadClaimFile(name: "non-ASCII blank outside strings (toml++ asserted on some)",
                     toml: replacing("widths = [2, 3, 2]", with: "widths = [2,\u{2028}3, 2]"), dataFiles: [:], key: nil,
                     lineMarker: "widths", fragment: "U+2028 is only allowed inside strings and comments"),
        BadClaimFile(name: "zero width", toml: replacing("widths = [2, 3, 2]", with: "widths = [2, 0, 2]"), dataFiles: [:],
                     key: "model.widths[1]", lineMarker: "widths", fragment: "out of range"),
        BadClaimFile(name: "negative width", toml: replacing("widths = [2, 3, 2]", with: "widths = [2, -3, 2]"),
                     dataFiles: [:], key: "model.widths[1]", lineMarker: "widths", fragment: "out of range"),
        BadClaimFile(name: "negative step count", toml: replacing("steps = 1", with: "steps = -5"), dataFiles: [:],
                     key: "dynamics.steps", lineMarker: "steps = -5", fragment: "out of range"),
        BadClaimFile(name: "precision 0", toml: valid + "\n\n[numerics]\nprecision = 0\n", dataFiles: [:],
                     key: "numerics.precision", lineMarker: "precision = 0", fragment: "between 32 and 16777216 bits"),
        BadClaimFile(name: "precision 10^9", toml: valid + "\n\n[numerics]\nprecision = 1000000000\n", dataFiles: [:],
                     key: "numerics.precision", lineMarker: "precision = 1000000000", fragment: "between 32 and 16777216 bits"),
        BadClaimFile(name: "negative step size", toml: replacing("step_size = \"1/10\"", with: "step_size = \"-1/10\""),
                     dataFiles: [:], key: "dynamics.step_size", lineMarker: "step_size", fragment: "out of range"),
        BadClaimFile(name: "zero step size", toml: replacing("step_size = \"1/10\"", with: "step_size = 0"),
                     dataFiles: [:], key: "dynamics.step_size", lineMarker: "step_size", fragment: "out of range"),
        BadClaimFile(name: "negative horizon",
                     toml: validFlow.replacingOccurrences(of: "horizon = \"1/2\"", with: "horizon = \"-1/2\""),
                     dataFiles: [:], key: "dynamics.horizon", lineMarker: "horizon", fragment: "out of range"),
        BadClaimFile(name: "empty instance list", toml: replacing("statement = \"s\"\n", with: "statement = \"s\"\ninstance = []\n"),
                     dataFiles: [:], key: "instance",
                     lineMarker: "instance = []", fragment: "the instance list is empty"),
        BadClaimFile(name: "game whose indifference system is singular (dominated strategies)",
                     toml: validGame.replacingOccurrences(of: "[[0, 1, -2], [-1, 0, 3], [2, -3, 0]]", with: "[[1, 2], [3, 4]]"),
                     dataFiles: [:], key: "model.payoff", lineMarker: "payoff", fragment: "not proven unique"),
        BadClaimFile(name: "game with a pure saddle point, no interior equilibrium",
                     toml: validGame.replacingOccurrences(of: "[[0, 1, -2], [-1, 0, 3], [2, -3, 0]]", with: "[[2, 0], [0, -1]]"),
                     dataFiles: [:], key: "model.payoff", lineMarker: "payoff", fragment: "fully mixed"),
        BadClaimFile(name: "game with a continuum of equilibria",
                     toml: validGame.replacingOccurrences(of: "[[0, 1, -2], [-1, 0, 3], [2, -3, 0]]", with: "[[1, 1], [1, 1]]"),
                     dataFiles: [:], key: "model.payoff", lineMarker: "payoff", fragment: "unique"),
        BadClaimFile(name: "unreadable data file (a folder)", toml: replacing("seed = 1", with: "seed = 1\nX = \"x.csv\""),
                     dataFiles: ["x.csv/inside.csv": "1\n"], key: "model.X", lineMarker: "X = ", fragment: "it is a folder"),
        BadClaimFile(name: "data file larger than the limit", toml: replacing("seed = 1", with: "seed = 1\nX = \"big.csv\""),
                     dataFiles: [:], largeFiles: ["big.csv": (16 << 20) + 1], key: "model.X", lineMarker: "X = ",
                     fragment: "larger than the limit of 16777216 bytes"),
        BadClaimFile(name: "duplicate id", toml: valid, dataFiles: ["a-first.toml": valid], key: "id", lineMarker: "id = ",
                     fragment: "duplicate claim id \"bad-claim\""),
    ]
}
