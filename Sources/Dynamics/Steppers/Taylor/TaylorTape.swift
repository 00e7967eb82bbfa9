import MultiPrecision

/// One operation of a traced vector field, on the indices of earlier tape nodes.
///
/// The tape is in static single assignment form: node `i` reads only nodes `< i`, so the creation order is a
/// topological order and the Taylor recurrences can run over it front to back.
enum TaylorOperation: Hashable, Sendable {
    /// An exact rational constant.
    case constant(Rational)
    /// The independent variable t (its series is t₀ + 1·(t − t₀)).
    case time
    /// Component `i` of the state.
    case state(Int)
    /// a + b.
    case add(Int, Int)
    /// a − b.
    case subtract(Int, Int)
    /// −a.
    case negate(Int)
    /// a · b (also a², when both are the same node).
    case multiply(Int, Int)
    /// a / b.
    case divide(Int, Int)
    /// c · a for a rational constant c.
    case scale(Int, Rational)
    /// a + c for a rational constant c.
    case shift(Int, Rational)
    /// eᵃ.
    case exp(Int)
    /// ln a.
    case log(Int)
    /// √a.
    case sqrt(Int)
    /// a^α for a rational, non-integer α (integer powers are expanded into products when traced).
    case power(Int, Rational)

    /// The nodes this operation reads.
    var operands: [Int] {
        switch self {
        case .constant, .time, .state: []
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b), .divide(let a, let b): [a, b]
        case .negate(let a), .scale(let a, _), .shift(let a, _), .exp(let a), .log(let a), .sqrt(let a),
             .power(let a, _): [a]
        }
    }
}

/// The tape of a traced vector field: its nodes, and the node that holds each component of the derivative.
struct TaylorTape: Sendable {
    /// The nodes, in creation (topological) order.
    var nodes: [TaylorOperation]
    /// For each state component i, the node holding fᵢ.
    var outputs: [Int]
    /// The state dimension.
    var dimension: Int

    /// Traces `field` once with tracer arithmetic and records its tape.
    ///
    /// Common subexpressions are shared (each distinct operation on the same operands is one node), rational
    /// constants are folded exactly, and products, sums and quotients with rational constants become `scale` and
    /// `shift` nodes.
    static func trace<Field: VectorField>(_ field: Field) -> TaylorTape {
        let recorder = TaylorTapeRecorder()
        let dimension = field.dimension
        let state = (0..<dimension).map { TaylorTracer(node: recorder.record(.state($0))) }
        let time = field.isAutonomous ? TaylorTracer(constant: Rational(0)) : TaylorTracer(node: recorder.record(.time))
        var derivative = Array(repeating: TaylorTracer(constant: Rational(0)), count: dimension)
        TaylorTapeRecorder.$current.withValue(recorder) {
            field.evaluate(time: time, state: state, into: &derivative)
        }
        let outputs = derivative.map { recorder.node(for: $0) }
        return TaylorTape(nodes: recorder.nodes, outputs: outputs, dimension: dimension)
    }
}

/// Records tape nodes while a vector field runs on `TaylorTracer` values, sharing repeated operations.
final class TaylorTapeRecorder: @unchecked Sendable {
    // Sendable invariant: a recorder is used by one synchronous trace at a time (`TaylorTape.trace`).
    /// The recorder of the trace in progress.
    @TaskLocal static var current: TaylorTapeRecorder?

    private(set) var nodes: [TaylorOperation] = []
    private var index: [TaylorOperation: Int] = [:]

    /// The node for `operation`, reusing an identical earlier node (commutative operands are ordered first).
    func record(_ operation: TaylorOperation) -> Int {
        let key: TaylorOperation
        switch operation {
        case .add(let a, let b): key = .add(min(a, b), max(a, b))
        case .multiply(let a, let b): key = .multiply(min(a, b), max(a, b))
        default: key = operation
        }
        if let existing = index[key] { return existing }
        nodes.append(key)
        index[key] = nodes.count - 1
        return nodes.count - 1
    }

    /// The node of a tracer value (a constant gets a constant node).
    func node(for value: TaylorTracer) -> Int {
        switch value.value {
        case .node(let n): n
        case .constant(let c): record(.constant(c))
        }
    }
}
