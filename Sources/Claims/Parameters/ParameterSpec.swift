import MultiPrecision

/// The schema of one parameter of a claim kind: its name, the claim-file section it lives in, its type and range,
/// whether it is required, and what it means.
///
/// The engine validates every claim file against the `parameters` of its kind, so that a kind never sees a value of
/// the wrong type or out of range, and every problem is reported with file, line and key before anything runs.
public struct ParameterSpec: Sendable {
    /// The key, as written in the claim file (`widths`, `step_size`, `X`).
    public var name: String
    /// The section (TOML table) that holds it: `model`, `dynamics` or `check`.
    public var section: ParameterSection
    /// The type and range of its values.
    public var type: ParameterType
    /// The value used when the key is absent; `nil` means the key is optional without a default, or required.
    public var defaultValue: ParameterValue?
    /// Whether the claim file must give it (in its section, in `[grid]` or in every `[[instance]]`).
    public var isRequired: Bool
    /// Whether `[grid]` and `[[instance]]` may vary it.
    public var isVariable: Bool
    /// One line for `docs/claim-files.md` and `attest explain`.
    public var help: String

    /// Creates a parameter description.
    public init(_ name: String, section: ParameterSection, type: ParameterType, default defaultValue: ParameterValue? = nil,
                required isRequired: Bool = false, variable isVariable: Bool = true, help: String) {
        self.name = name
        self.section = section
        self.type = type
        self.defaultValue = defaultValue
        self.isRequired = isRequired
        self.isVariable = isVariable
        self.help = help
    }
}

/// The sections of a claim file that hold parameters.
public enum ParameterSection: String, Sendable, CaseIterable {
    /// `[model]`: sizes, loss, data, initialization, seed.
    case model
    /// `[dynamics]`: flow or map, integrator, step size, number of steps or horizon.
    case dynamics
    /// `[check]`: constants of the claimed statement (bounds, factors, variants).
    case check
}

/// The type and allowed range of a parameter's values.
public enum ParameterType: Sendable {
    /// A TOML integer in the range.
    case integer(ClosedRange<Int>)
    /// An exact number: a TOML integer or a string such as "1/3", "-0.25", "1e-30"; optionally bounded below.
    case rational(minimum: Rational?, exclusive: Bool)
    /// An array of integers, each in `element`, with a length in `count`.
    case integerList(element: ClosedRange<Int>, count: ClosedRange<Int>)
    /// One of a fixed set of strings.
    case choice([String])
    /// A matrix: an inline array of rows, a path to a `.csv` or `.json` file, or `"random"` (seeded).
    case matrix
    /// An array of matrices (each inline or a file path).
    case matrixList
    /// Free text (an expression, a name).
    case text

    /// What a value must look like, for messages: "an integer", "an exact number (…)", …
    public var expectation: String {
        switch self {
        case .integer: return "an integer"
        case .rational: return "an exact number (an integer or a string such as \"1/3\", \"-0.25\", \"1e-30\")"
        case .integerList: return "an array of integers"
        case let .choice(options): return "one of " + options.map { "\"\($0)\"" }.joined(separator: ", ")
        case .matrix: return "a matrix (an array of rows, a \"file.csv\" or \"file.json\" path, or \"random\")"
        case .matrixList: return "an array of matrices (each an array of rows or a file path)"
        case .text: return "a string"
        }
    }
}
