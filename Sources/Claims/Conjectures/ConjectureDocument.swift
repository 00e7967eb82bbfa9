import LinearAlgebra
import MultiPrecision

/// A conjecture claim file as read and validated by `ConjectureFileReader`: declarations, dynamics, properties and
/// instances, every expression kept with the key and line it came from, so that later errors can name them.
struct ConjectureDocument: Sendable {
    /// The claim file, for messages.
    var file: String
    /// The symbols in file order.
    var symbols: [SymbolDeclaration]
    /// `[parameters]`: fixed scalar parameters, in file order.
    var parameters: [(name: String, value: Rational)]
    /// `[definitions]`, in file order.
    var definitions: [(name: String, text: SourceText)]
    /// `[dynamics]`.
    var dynamics: DynamicsDeclaration
    /// `[[property]]`, in file order.
    var properties: [PropertyDeclaration]
    /// The claim's declared precision (the default tolerance rule uses it).
    var precision: Int

    /// The variables (symbols with `init`), in file order.
    var variables: [SymbolDeclaration] { symbols.filter(\.isVariable) }
}

/// An expression or relation text in the file, with where it was written.
struct SourceText: Sendable, Equatable {
    /// The text.
    var text: String
    /// The dotted key (`dynamics.gradient-flow`, `property[0].invariant`).
    var key: String
    /// The 1-based line.
    var line: Int?
    /// Where the text starts in the written value, in characters (the right-hand side of a relation starts after
    /// the operator): added to the core's columns.
    var columnOffset: Int = 0
}

/// One dimension of a shape: a number or a name bound by each instance.
enum DimensionEntry: Sendable, Equatable, CustomStringConvertible {
    case fixed(Int)
    case named(String)

    var description: String {
        switch self {
        case let .fixed(n): return "\(n)"
        case let .named(name): return name
        }
    }
}

/// A `[symbols]` entry.
struct SymbolDeclaration: Sendable {
    /// Where its values come from.
    enum Source: Sendable {
        /// Inline exact values or a data file's, already read.
        case exact(Matrix<Rational>, origin: String)
        /// Entries scale·k/8, k uniform in {−8, …, 8}, from the seed.
        case random
        /// Standard normal entries, rounded to rationals with 2⁻⁴⁰ resolution, times scale.
        case gaussian
        /// Every entry 1/n (n entries).
        case uniform
        case zeros
        case ones
        case identity
        /// An expression of other symbols and parameters, evaluated exactly before the run.
        case expression(SourceText)
    }

    /// The name.
    var name: String
    /// The key `symbols.NAME`, for messages.
    var key: String
    /// The declared shape: `nil` (inferred from inline data or an expression), `[]` (scalar), `[n]` (column
    /// vector), `[r, c]`.
    var shape: [DimensionEntry]?
    /// Whether it evolves (`init`) or is constant (`data`).
    var isVariable: Bool
    /// Where its value comes from.
    var source: Source
    /// The scale: a number or a parameter's name (default 1).
    var scale: ScaleEntry
    /// The seed (default: the instance's seed, else 0), combined with the symbol's position.
    var seed: Int?
    /// The symbol's position among all symbols (for distinct draws).
    var position: Int
    /// `draw = …`: data redrawn at every step of a map (its `source` is then a placeholder).
    var draw: DrawDeclaration? = nil
}

/// `draw = "minibatch" | "gaussian" | "rademacher"` (with `sampling` for minibatches): see `ConjectureDraw`.
enum DrawDeclaration: Sendable, Equatable {
    case minibatch(MinibatchSampling)
    case gaussian
    case rademacher
}

/// A `scale` entry.
enum ScaleEntry: Sendable, Equatable {
    case number(Rational)
    case parameter(String)
}

/// `[dynamics]`.
struct DynamicsDeclaration: Sendable {
    /// The four forms.
    enum Form: Sendable {
        /// Ẋ = −∂L/∂X (+ extra terms) for the variables `over` (all when `nil`).
        case gradientFlow(loss: SourceText, over: [String]?, extra: [(variable: String, text: SourceText)])
        /// X⁺ = X − η ∂L/∂X (+ extra terms).
        case gradientDescent(loss: SourceText, stepSize: SourceText, over: [String]?, extra: [(variable: String, text: SourceText)])
        /// Ẋ = rate for every variable.
        case flow([(variable: String, text: SourceText)])
        /// X⁺ = update for every variable.
        case map([(variable: String, text: SourceText)])
    }

    var form: Form
    /// T for flows.
    var horizon: Rational?
    /// n: samples at T/n, 2T/n, …, T plus t = 0.
    var outputTimes: Int
    /// The number of steps of a map or gradient descent.
    var steps: Int?
    /// Run in exact rational arithmetic (maps and gradient descent only).
    var exact: Bool
    /// A relation of scalars that stops the run at the first sample where it holds.
    var stopWhen: SourceText?
    /// `taylor` (default), `gauss-legendre` or `rk78`.
    var integrator: String

    /// Whether the dynamics is continuous in time.
    var isFlow: Bool {
        switch form {
        case .gradientFlow, .flow: return true
        case .gradientDescent, .map: return false
        }
    }

    /// The key of the dynamics' main entry, for messages.
    var key: String {
        switch form {
        case let .gradientFlow(loss, _, _), let .gradientDescent(loss, _, _, _): return loss.key
        case let .flow(rates): return rates.first?.text.key ?? "dynamics"
        case let .map(updates): return updates.first?.text.key ?? "dynamics"
        }
    }
}

/// A `[[property]]` table.
struct PropertyDeclaration: Sendable {
    /// What the property states.
    enum Statement: Sendable {
        case invariant(SourceText, law: SourceText?)
        case monotone(SourceText, direction: MonotoneDirection, from: SamplePlace?)
        case bound(lhs: SourceText, relation: Relation, rhs: SourceText, atEnd: Bool)
        case limit(SourceText, value: SourceText?, within: Rational, rate: SourceText?)
        case equal(SourceText, SourceText)
        case at(lhs: SourceText, relation: Relation, rhs: SourceText, place: SamplePlace)
        case trend(SourceText, over: String, values: [Rational], direction: MonotoneDirection)
    }

    /// The 0-based index among the properties.
    var index: Int
    /// `name`, or `property N` (1-based).
    var label: String
    /// What it states.
    var statement: Statement
    /// `tolerance`, when stated.
    var tolerance: Rational?
    /// The key `property[i]`.
    var key: String { "property[\(index)]" }

    /// Every expression the property evaluates along the run, in order.
    var expressions: [SourceText] {
        switch statement {
        case let .invariant(e, law): return [e] + (law.map { [$0] } ?? [])
        case let .monotone(e, _, _): return [e]
        case let .bound(lhs, _, rhs, _), let .at(lhs, _, rhs, _): return [lhs, rhs]
        case let .limit(e, value, _, rate): return [e] + (value.map { [$0] } ?? []) + (rate.map { [$0] } ?? [])
        case let .equal(a, b): return [a, b]
        case let .trend(e, _, _, _): return [e]
        }
    }
}

/// One instance's bindings: dimensions, parameters and seed.
struct InstanceBinding: Sendable, Equatable {
    var dimensions: [String: Int]
    var parameters: [String: Rational]
    var seed: Int?
}
