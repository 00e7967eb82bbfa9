import Dynamics
import MultiPrecision

/// Expressions of a bound conjecture (a property's observables, their time derivatives) evaluated in ball
/// arithmetic: the straight-line program they are lowered to, run over `Ball` registers, so that each value is an
/// enclosure of the exact value of the expression at every point of the state enclosure. Constants, data and
/// parameters enter as enclosures of their exact rationals.
///
/// Operations that branch on values (relu, the positive part, max, min) and inverse and solve have no ball
/// version: ``obstacle(in:of:)`` names the first one before anything runs, and `values` throws if one is reached.
public struct ConjectureBallProgram: @unchecked Sendable {
    /// The instance.
    public let bound: BoundConjecture
    /// The expressions, in the order of the values returned.
    public let expressions: [ConjectureExpression]
    /// The working precision in bits.
    public let precision: Int
    let program: _LoweredProgram

    /// Lowers `expressions` once for `precision` bits.
    public init(bound: BoundConjecture, expressions: [ConjectureExpression], precision: Int) {
        self.bound = bound
        self.expressions = expressions
        self.precision = precision
        program = _LoweredProgram(bound: bound, roots: expressions.map(\.node), precision: precision)
    }

    /// Enclosures of every expression's entries (row-major), at the state enclosure `state`, with x_{k−1} =
    /// `previous` (maps), x₀ = `initial`, t = `time` and k = `step`.
    public func values(state: [Ball], previous: [Ball]? = nil, initial: [Ball], time: Ball? = nil,
                       step: Int = 0) throws(ConjectureRuntimeError) -> [[Ball]] {
        let flat = try program.runBalls(state: state, previous: previous ?? state, initial: initial, step: step,
                                        time: time, precision: precision)
        var out: [[Ball]] = []
        var offset = 0
        for e in expressions {
            let size = bound.size(of: e), count = size.rows * size.columns
            out.append(Array(flat[offset..<(offset + count)]))
            offset += count
        }
        return out
    }

    /// The first operation of `expressions` with no ball version, with its key and column, or `nil`.
    public static func obstacle(in expressions: [ConjectureExpression], of bound: BoundConjecture)
        -> (name: String, key: String, column: Int?)?
    {
        for e in expressions {
            for id in bound.graph.dependencies(of: [e.node]) {
                if let name = Self.withoutBalls(bound.graph[id].operation) {
                    return (name, e.key, bound.program.builder.columns[id]?[e.key] ?? bound.program.builder.origins[id]?.column)
                }
            }
        }
        return nil
    }

    /// The first operation of `expressions` outside products, sums, transposes, traces, rational scalings and
    /// natural powers (what a validated flow takes), with its key and column, or `nil`.
    public static func nonPolynomialOperation(in expressions: [ConjectureExpression], of bound: BoundConjecture)
        -> (name: String, key: String, column: Int?)?
    {
        for e in expressions {
            for id in bound.graph.dependencies(of: [e.node]) {
                let name: String?
                switch bound.graph[id].operation {
                case .elementwise(let f): name = f.rawValue
                case .power(let q): name = q.isInteger && !q.isNegative ? nil : "the power \(q)"
                case .entrywiseQuotient: name = "an entrywise quotient"
                case .previous, .initial, .step: name = "a map's operation"
                default: name = Self.withoutBalls(bound.graph[id].operation)
                }
                if let name {
                    return (name, e.key, bound.program.builder.columns[id]?[e.key] ?? bound.program.builder.origins[id]?.column)
                }
            }
        }
        return nil
    }

    /// Why an operation has no ball version (it branches on values, or there is no ball implementation), or `nil`.
    static func withoutBalls(_ operation: ConjectureOperation) -> String? {
        switch operation {
        case .elementwise(.relu): "relu (it branches on the sign of its argument)"
        case .positivePart: "the positive part (it branches on the sign of its argument)"
        case .maximum: "max (it branches on comparisons)"
        case .minimum: "min (it branches on comparisons)"
        case .inverse: "inv (no ball version)"
        case .solve: "solve (no ball version)"
        default: nil
        }
    }
}
