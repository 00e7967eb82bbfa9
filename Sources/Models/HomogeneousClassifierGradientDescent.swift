import Dynamics
import MultiPrecision

/// Gradient descent on the exponential loss of a homogeneous classifier, W ← W + η·Ẇ(W) with Ẇ the gradient-flow
/// field of `flow` under the activation pattern of the current state (a ReLU unit with pre-activation ≤ 0 is off).
public struct HomogeneousClassifierGradientDescent: DiscreteMap {
    /// The classifier (with its gradient-flow field) and the step size η.
    public let flow: HomogeneousClassifierFlow, stepSize: Rational
    public var dimension: Int { flow.dimension }

    /// The map W ↦ W + η·Ẇ(W).
    public init(flow: HomogeneousClassifierFlow, stepSize: Rational) {
        (self.flow, self.stepSize) = (flow, stepSize)
    }

    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        let w = history[0]
        var velocity = Array(repeating: T(0), count: w.count)
        flow.with(pattern: flow.preactivations(of: w).map { $0 > 0 }).evaluate(time: T(0), state: w, into: &velocity)
        let eta = T(stepSize)
        for i in w.indices { next[i] = w[i] + eta * velocity[i] }
    }
}
