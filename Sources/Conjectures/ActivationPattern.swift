/// The signs of the relu pre-activations of a flow's rates, fixed for an integration: relu(x) = x·[x > 0] and
/// relu'(x) = [x > 0] use these signs, so the traced field is smooth. Two patterns are equal when every sign is.
public struct ActivationPattern: Hashable, Sendable {
    /// For each pre-activation node, whether each entry is positive.
    let masks: [Int: [Bool]]

    /// The number of active (positive) pre-activation entries.
    public var activeCount: Int { masks.values.reduce(0) { $0 + $1.filter { $0 }.count } }
    /// Whether there is no relu.
    public var isEmpty: Bool { masks.isEmpty }
}
