/// Claim files with one problem each, shared by the Claims tests (message, line, key) and the command-line tests
/// (exit status 2 and the message on standard error).
public struct BadClaimFile: Sendable, CustomStringConvertible {
    /// What is wrong, as the test's name.
    public var name: String
    /// The claim file's text (written as `claim.toml`).
    public var toml: String
    /// Other files beside it, by relative path.
    public var dataFiles: [String: String]
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
                     fragment: "between 2 and 16777216 bits"),
        BadClaimFile(name: "precision above the supported range", toml: valid + "\n\n[numerics]\nprecision = 33554432\n",
                     dataFiles: [:], key: "numerics.precision", lineMarker: "precision = 33554432",
                     fragment: "between 2 and 16777216 bits"),
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
    ]
}
