import Dynamics
import MultiPrecision

/// The flow Ẋ = F(t, X) of a bound conjecture as a `VectorField`: `evaluate` interprets the bound graph of the
/// rates over any `DynamicsScalar`, so the Taylor engine traces it into one tape per instance, with exact data
/// products folded into constants. Runs without run-time checks (a failed operation gives NaN in `BigFloat` and
/// `Double`); ``BoundConjecture/updates(state:previous:time:step:)`` names the cause.
public struct ConjectureFlow: VectorField {
    /// The instance.
    public let bound: BoundConjecture
    /// The activation pattern relu uses (empty without relu): relu(x) = x·[x > 0] and relu'(x) = [x > 0] with the
    /// signs fixed when the flow was made, so that the field is smooth and the Taylor engine can trace it.
    public let pattern: ActivationPattern

    init(bound: BoundConjecture, pattern: ActivationPattern) {
        self.bound = bound
        self.pattern = pattern
    }

    /// The number of state components.
    public var dimension: Int { bound.layout.dimension }
    /// One block per variable.
    public var layout: StateLayout { bound.layout }
    /// Whether the rates do not use t.
    public var isAutonomous: Bool {
        !bound.graph.dependencies(of: bound.program.updates.map(\.node)).contains { bound.graph[$0].operation == .time }
    }

    /// Writes F(t, x) into `derivative`.
    public func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        var evaluator = _Evaluator<T>(bound: bound, checks: false)
        if !pattern.masks.isEmpty { evaluator.masks = pattern.masks }
        let inputs = _Inputs(state: state, time: time)
        var offset = 0
        for u in bound.program.updates {
            guard let v = try? evaluator.value(of: u.node, inputs: inputs) else {
                // NaN where the arithmetic has one (BigFloat, Double); the tracer never fails (it has no checks).
                let failed = _sign(T(1)) != nil ? T(0) / T(0) : T(0)
                for k in offset..<derivative.count { derivative[k] = failed }
                return
            }
            for x in v { derivative[offset] = x; offset += 1 }
        }
    }
}
