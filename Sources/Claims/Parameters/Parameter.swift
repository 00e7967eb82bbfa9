import LinearAlgebra
import MultiPrecision

/// A typed parameter of a claim kind, declared once: its key, section, type and range, default and help text,
/// and the typed value an instance gives it.
///
/// ```swift
/// static let samples = Parameter<Int>("samples", .check, 1...1000, default: 64, help: "the number of output times")
/// …
/// let n = parameters[Self.samples]        // an Int: the file's value, or the declared default
/// ```
///
/// The engine validates claim files against `spec` and fills in the default, so reading a declared parameter never
/// fails. A parameter without a default is required: the engine refuses a file that leaves it out. Parameters that
/// may be left out without a default are `OptionalParameter`s.
public struct Parameter<Value: ParameterReadable>: DeclaredParameter {
    /// The schema that the engine validates claim files against.
    public let spec: ParameterSpec
    /// The declared default, or `nil` for a required parameter.
    public let defaultValue: Value?

    /// A parameter of type `type`; required when `defaultValue` is `nil`.
    public init(_ key: String, _ section: ParameterSection, type: ParameterType, default defaultValue: Value? = nil,
                variable: Bool = true, help: String) {
        var declared = defaultValue?.parameterValue
        if case .choice = type, case let .text(option)? = declared { declared = .choice(option) }
        spec = ParameterSpec(key, section: section, type: type, default: declared, required: defaultValue == nil,
                             variable: variable, help: help)
        self.defaultValue = defaultValue
    }

    /// The same parameter with another default and help text: a shared declaration whose default each kind
    /// states (the engine fills it in, so `parameters[shared]` reads the kind's default).
    public func withDefault(_ value: Value, help: String) -> Parameter {
        Parameter(spec.name, spec.section, type: spec.type, default: value, variable: spec.isVariable, help: help)
    }

    /// The instance's value: the file's, or the default (the engine has checked its type and range).
    func value(in parameters: InstanceParameters) -> Value {
        if let given = parameters.values[spec.name], let value = Value(parameterValue: given) { return value }
        guard let defaultValue else {
            preconditionFailure("required parameter \(spec.name) is missing: the engine validates required keys")
        }
        return defaultValue
    }
}

/// A typed parameter that a claim file may leave out, with no default (its absence means something to the kind:
/// no ε bound, adaptive rather than fixed steps).
public struct OptionalParameter<Value: ParameterReadable>: DeclaredParameter {
    /// The schema that the engine validates claim files against.
    public let spec: ParameterSpec

    /// An optional parameter of type `type`.
    public init(_ key: String, _ section: ParameterSection, type: ParameterType, variable: Bool = true, help: String) {
        spec = ParameterSpec(key, section: section, type: type, variable: variable, help: help)
    }

    /// The instance's value, or `nil` when the file does not give it.
    func value(in parameters: InstanceParameters) -> Value? {
        parameters.values[spec.name].flatMap(Value.init(parameterValue:))
    }
}

/// A declared parameter of either kind, for a kind's list of `parameters`.
public protocol DeclaredParameter: Sendable {
    /// The schema that the engine validates claim files against.
    var spec: ParameterSpec { get }
}

extension Array where Element == any DeclaredParameter {
    /// The schemas, in order.
    public var specs: [ParameterSpec] { map(\.spec) }
}

extension InstanceParameters {
    /// The typed value of a declared parameter.
    public subscript<Value>(_ parameter: Parameter<Value>) -> Value { parameter.value(in: self) }

    /// The typed value of an optional parameter, or `nil` when the file leaves it out.
    public subscript<Value>(_ parameter: OptionalParameter<Value>) -> Value? { parameter.value(in: self) }

    /// Whether the file gives the parameter (or it has a default).
    public func has(_ parameter: some DeclaredParameter) -> Bool { values[parameter.spec.name] != nil }

    /// The parameter as written in reports (`1/128`, `[3, 4, 2]`), or `absent` when the file leaves it out.
    public func written(_ parameter: some DeclaredParameter, absent: String) -> String {
        values[parameter.spec.name].map(\.reportText) ?? absent
    }
}

/// A Swift type that a parameter value converts to.
public protocol ParameterReadable: Sendable {
    /// The typed value of a validated parameter, or `nil` for another case.
    init?(parameterValue: ParameterValue)
    /// The value as a parameter value (for declared defaults).
    var parameterValue: ParameterValue { get }
}

extension ParameterReadable {
    /// The value the case carries, when it is a `Self` (a `String` is read from a choice or a text).
    public init?(parameterValue: ParameterValue) {
        guard let value = parameterValue.payload as? Self else { return nil }
        self = value
    }
}

extension Int: ParameterReadable {
    public var parameterValue: ParameterValue { .integer(self) }
}

extension Rational: ParameterReadable {
    public var parameterValue: ParameterValue { .rational(self) }
}

extension Array: ParameterReadable where Element == Int {
    public var parameterValue: ParameterValue { .integerList(self) }
}

extension String: ParameterReadable {
    public var parameterValue: ParameterValue { .text(self) }
}

extension MatrixSource: ParameterReadable {
    public var parameterValue: ParameterValue { .matrix(self) }

    /// The exact matrix, or `nil` for one drawn at random.
    public var exactMatrix: Matrix<Rational>? {
        guard case let .exact(matrix, _) = self else { return nil }
        return matrix
    }
}

/// A list of matrices (initial weights), each inline, from a file, or random.
public struct MatrixSourceList: ParameterReadable, Equatable {
    /// The matrices, in order.
    public var sources: [MatrixSource]

    public init?(parameterValue: ParameterValue) {
        guard case let .matrixList(list) = parameterValue else { return nil }
        sources = list
    }
    public var parameterValue: ParameterValue { .matrixList(sources) }
}

/// A closed set of named options (`claim = "decreasing"`), read as a Swift enum.
public protocol ParameterChoice: ParameterReadable, RawRepresentable, CaseIterable where RawValue == String {}

extension ParameterChoice {
    public init?(parameterValue: ParameterValue) {
        guard case let .choice(s) = parameterValue else { return nil }
        self.init(rawValue: s)
    }
    public var parameterValue: ParameterValue { .choice(rawValue) }
}

extension Parameter where Value == Int {
    /// An integer in `range`.
    public init(_ key: String, _ section: ParameterSection, _ range: ClosedRange<Int>, default defaultValue: Int? = nil,
                variable: Bool = true, help: String) {
        self.init(key, section, type: .integer(range), default: defaultValue, variable: variable, help: help)
    }
}

extension Parameter where Value == Rational {
    /// An exact number, ≥ `minimum` (> with `exclusive`) when one is given.
    public init(_ key: String, _ section: ParameterSection, minimum: Rational? = nil, exclusive: Bool = false,
                default defaultValue: Rational? = nil, variable: Bool = true, help: String) {
        self.init(key, section, type: .rational(minimum: minimum, exclusive: exclusive), default: defaultValue,
                  variable: variable, help: help)
    }

    /// A positive exact number (a step size, a horizon, a scale).
    public static func positive(_ key: String, _ section: ParameterSection, default defaultValue: Rational? = nil,
                                variable: Bool = true, help: String) -> Parameter {
        Parameter(key, section, minimum: 0, exclusive: true, default: defaultValue, variable: variable, help: help)
    }
}

extension Parameter where Value: ParameterChoice {
    /// One of the cases of `Value`, by raw value.
    public init(_ key: String, _ section: ParameterSection, default defaultValue: Value, variable: Bool = true,
                help: String) {
        self.init(key, section, type: .choice(Value.allCases.map(\.rawValue)), default: defaultValue,
                  variable: variable, help: help)
    }
}

extension OptionalParameter where Value == Int {
    /// An integer in `range`.
    public init(_ key: String, _ section: ParameterSection, _ range: ClosedRange<Int>, variable: Bool = true, help: String) {
        self.init(key, section, type: .integer(range), variable: variable, help: help)
    }
}

extension OptionalParameter where Value == Rational {
    /// An exact number, ≥ `minimum` (> with `exclusive`) when one is given.
    public init(_ key: String, _ section: ParameterSection, minimum: Rational? = nil, exclusive: Bool = false,
                variable: Bool = true, help: String) {
        self.init(key, section, type: .rational(minimum: minimum, exclusive: exclusive), variable: variable, help: help)
    }
}

extension ParameterSpec {
    /// The schemas of `parameters`, in order: a kind's `parameters` list.
    public static func list(_ parameters: any DeclaredParameter...) -> [ParameterSpec] { parameters.map(\.spec) }
}
