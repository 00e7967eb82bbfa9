import Dynamics
import LinearAlgebra
import MultiPrecision

/// Gradient descent on a deep linear network with the square loss ½‖W_N⋯W_1 X − Y‖²_F as a map: W_j ← W_j − η G_j
/// on all layers at once, G_j = ∂L/∂W_j (`DeepLinearNetwork.squareLossGradients`), written once for every scalar
/// type; the state is the layers' entries in the layout of the gradient flow `field`, which also holds X and Y.
public struct DeepLinearGradientDescent: DiscreteMap {
    /// The layout and the data.
    public let field: DeepLinearNetworkGradientFlow
    /// The step size η.
    public let stepSize: Rational

    public var dimension: Int { field.dimension }
    public var layout: StateLayout { field.layout }

    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        func scalar(_ m: Matrix<Rational>) -> Matrix<T> { Matrix(rows: m.rowCount, columns: m.columnCount) { T(m[$0, $1]) } }
        // The layers come from the field's own layout, so they chain and fit X and Y: neither call can throw.
        guard let network = try? DeepLinearNetwork(layers: field.layers(of: history[0])),
              let gradients = try? network.squareLossGradients(x: scalar(field.x), y: scalar(field.y)) else { return }
        next = network.gradientDescentStep(stepSize: T(stepSize), gradients: gradients).layers.flatMap { w in
            (0..<w.rowCount).flatMap { i in (0..<w.columnCount).map { j in w[i, j] } }
        }
    }
}

extension DeepLinearNetworkGradientFlow {
    /// Gradient descent with step η on this flow's network and data: W_j ← W_j − η ∂L/∂W_j.
    public func gradientDescent(stepSize: Rational) -> DeepLinearGradientDescent {
        DeepLinearGradientDescent(field: self, stepSize: stepSize)
    }
}
