import LinearAlgebra
import MultiPrecision

/// The validated parameters of one instance, by name, with typed accessors for claim kinds.
///
/// The engine fills in defaults, so a kind can read every parameter that it declares with a default. Accessors
/// trap on a name the kind did not declare or a type it did not declare (a programmer error, never user input).
public struct InstanceParameters: Sendable, Equatable {
    /// The values by name.
    public private(set) var values: [String: ParameterValue]
    /// The names in claim-file order, for reports.
    public private(set) var order: [String]
    /// Numbers as the claim file wrote them (`"1/4"`, `"0.25"`, `"1e-30"`), by name, for reports; the computation
    /// uses `values`. Parameters not written in the file (defaults, searched values) have none.
    public private(set) var writtenText: [String: String]

    /// What a document kind read from its file for this instance, as a typed value (see `DocumentClaimKind`);
    /// `nil` for kinds whose parameters come from the tables.
    public private(set) var payload: KindPayload?

    /// Creates a parameter set; `order` lists the names in the order reports show them.
    public init(values: [String: ParameterValue], order: [String], payload: KindPayload? = nil,
                writtenText: [String: String] = [:]) {
        self.values = values
        self.order = order
        self.payload = payload
        self.writtenText = writtenText
    }

    /// The payload as a `T`, or `nil` when there is none of that type.
    public func payload<T: Sendable>(as type: T.Type) -> T? { payload?.value as? T }

    /// Whether the parameter was given or has a default.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// The parameter `name` as a `T`, or `nil` when absent; traps on a value of another type (a kind reading a
    /// name it declared with another type: a programmer error, never user input).
    private func typed<T: ParameterReadable>(_ name: String) -> T? {
        guard let value = values[name] else { return nil }
        guard let typed = T(parameterValue: value) else { preconditionFailure("parameter \(name) is not a \(T.self)") }
        return typed
    }

    /// The integer parameter `name`, or `nil` when absent.
    public func integer(_ name: String) -> Int? { typed(name) }

    /// The exact-number parameter `name`, or `nil` when absent.
    public func rational(_ name: String) -> Rational? { typed(name) }

    /// The integer-list parameter `name`, or `nil` when absent.
    public func integerList(_ name: String) -> [Int]? { typed(name) }

    /// The choice parameter `name`, or `nil` when absent.
    public func choice(_ name: String) -> String? { typed(name) }

    /// The matrix parameter `name`, or `nil` when absent.
    public func matrix(_ name: String) -> MatrixSource? { typed(name) }

    /// The matrix-list parameter `name`, or `nil` when absent.
    public func matrixList(_ name: String) -> [MatrixSource]? { (typed(name) as MatrixSourceList?)?.sources }

    /// The text parameter `name`, or `nil` when absent.
    public func text(_ name: String) -> String? { typed(name) }

    /// `(name, text)` pairs in order, for reports: each value as the claim file wrote it, else its short exact
    /// `reportText`; names starting with `_` are internal to a kind and left out.
    public var reportEntries: [(name: String, value: String)] {
        order.filter { !$0.hasPrefix("_") }.compactMap { name in
            values[name].map { (name, writtenText[name] ?? $0.reportText) }
        }
    }
}

/// A problem that a claim kind finds in an instance's parameters beyond type and range (dimensions that do not
/// fit together, for instance). The engine locates it in the claim file by `key`.
public struct ParameterProblem: Error, Sendable, Equatable {
    /// The parameter at fault (its plain name, such as `X` or `widths`).
    public var key: String
    /// What is wrong.
    public var problem: ClaimFileError.Problem

    /// Creates a problem report.
    public init(key: String, _ problem: ClaimFileError.Problem) {
        self.key = key
        self.problem = problem
    }
}

/// A typed value that a document kind attaches to an instance when it reads its file (the parsed conjecture and
/// the instance's bindings, for instance), so that `evaluate` needs no second reading of the text.
///
/// Two payloads are equal when their `identity` texts are (the kind chooses it: the file and the instance).
public struct KindPayload: Sendable, Equatable {
    /// The value.
    public let value: any Sendable
    /// What identifies it, for equality of instances (a resumed run matches instances by their parameters).
    public let identity: String

    /// Wraps `value`.
    public init(_ value: any Sendable, identity: String) {
        self.value = value
        self.identity = identity
    }

    /// Equal identities.
    public static func == (a: KindPayload, b: KindPayload) -> Bool { a.identity == b.identity }
}
