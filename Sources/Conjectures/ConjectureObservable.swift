import Dynamics
import MultiPrecision

/// An expression of a bound conjecture as a `StateObservable` (its entries, row-major), so that it can be traced
/// and evaluated in ball arithmetic along a validated flow (`BallObservable`), like the flow's rates
/// (`ConjectureFlow`).
///
/// It reads the state only: an expression that uses t, the step, the previous or the initial state is not an
/// observable of the state, and `isStateFunction` is false for it.
public struct ConjectureObservable: StateObservable {
    /// The instance.
    public let bound: BoundConjecture
    /// The expression.
    public let expression: ConjectureExpression
    /// The activation pattern relu uses (`nil` without relu), as in the flow.
    public let pattern: ActivationPattern?

    /// The observable of `expression` on `bound`'s state.
    public init(bound: BoundConjecture, expression: ConjectureExpression, pattern: ActivationPattern? = nil) {
        self.bound = bound
        self.expression = expression
        self.pattern = pattern
    }

    /// The state dimension.
    public var dimension: Int { bound.layout.dimension }
    /// rows × columns of the expression.
    public var count: Int {
        let size = bound.size(of: expression)
        return size.rows * size.columns
    }

    /// Whether the expression reads nothing but the state (and constants).
    public var isStateFunction: Bool {
        !bound.graph.dependencies(of: [expression.node]).contains {
            switch bound.graph[$0].operation {
            case .time, .step, .previous, .initial: true
            default: false
            }
        }
    }

    /// The entries of the expression at `state` (NaN entries, where the arithmetic has them, when it fails).
    public func evaluate<T: DynamicsScalar>(state: [T]) -> [T] {
        var evaluator = _Evaluator<T>(bound: bound, checks: false)
        if let pattern, !pattern.masks.isEmpty { evaluator.masks = pattern.masks }
        let inputs = _Inputs(state: state, time: T(0))
        if let v = try? evaluator.value(of: expression.node, inputs: inputs) { return v }
        let failed = _sign(T(1)) != nil ? T(0) / T(0) : T(0)
        return Array(repeating: failed, count: count)
    }
}
