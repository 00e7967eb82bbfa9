import MultiPrecision
import Symbolic

/// A declared symbol: constant data or a variable that evolves, with its shape.
public struct ConjectureSymbol: Hashable, Sendable {
    /// Whether the symbol is constant or evolves.
    public enum Role: String, Hashable, Sendable {
        /// Constant data (`data = …`).
        case data
        /// A variable (`init = …`): it evolves under the dynamics.
        case variable
    }

    /// The name as written (canonicalized by the parser's rules: `W₁` is `W1`).
    public var name: String
    /// The shape: rows × columns by dimension names or sizes; a column vector is n × 1, a scalar 1 × 1.
    public var shape: Shape
    /// Data or variable.
    public var role: Role
    /// The key it is declared under, for messages (`symbols.W1`).
    public var key: String

    /// A symbol.
    public init(name: String, shape: Shape, role: Role, key: String? = nil) {
        self.name = name
        self.shape = shape
        self.role = role
        self.key = key ?? "symbols.\(name)"
    }

    /// A matrix symbol `rows × columns`.
    public static func matrix(_ name: String, _ rows: Dimension, _ columns: Dimension, role: Role) -> ConjectureSymbol {
        ConjectureSymbol(name: name, shape: Shape(rows, columns), role: role)
    }

    /// A column vector symbol of length `length`.
    public static func vector(_ name: String, _ length: Dimension, role: Role) -> ConjectureSymbol {
        ConjectureSymbol(name: name, shape: Shape(length, .fixed(1)), role: role)
    }

    /// A scalar symbol.
    public static func scalar(_ name: String, role: Role) -> ConjectureSymbol {
        ConjectureSymbol(name: name, shape: ConjectureGraph.scalar, role: role)
    }
}

/// A named abbreviation (`[definitions]`): `loss = "1/2 norm2(W3 W2 W1 - Phi)"`.
public struct ConjectureDefinition: Hashable, Sendable {
    /// The name.
    public var name: String
    /// The expression text.
    public var text: String
    /// The key, for messages (`definitions.loss`).
    public var key: String

    /// A definition.
    public init(name: String, text: String, key: String? = nil) {
        self.name = name
        self.text = text
        self.key = key ?? "definitions.\(name)"
    }
}

/// The dynamics of a conjecture: one of the four forms of `[dynamics]`.
public enum ConjectureDynamics: Hashable, Sendable {
    /// Ẋ = −∂L/∂X (+ extra terms) for every variable X in `over` (all variables when `nil`); the others stay put.
    case gradientFlow(loss: String, over: [String]?, extra: [String: String])
    /// X⁺ = X − η_k ∂L/∂X for every variable in `over` (all when `nil`), η_k = `stepSize` (parameters and `k`).
    case gradientDescent(loss: String, over: [String]?, stepSize: String)
    /// Ẋ = rate for every variable (name, rate text).
    case flow([String: String])
    /// X⁺ = update for every variable, all at once from the current iterate (`prev(X)` reads x_{k−1}).
    case map([String: String])

    /// Whether the dynamics is continuous (a flow) rather than discrete (a map).
    public var isContinuous: Bool {
        switch self {
        case .gradientFlow, .flow: return true
        case .gradientDescent, .map: return false
        }
    }
}
