import Dynamics
import LinearAlgebra
import MultiPrecision

/// Gradient descent on a deep linear network with the square loss ½‖W_N⋯W_1 X − Y‖²_F as a map: W_j ← W_j − η G_j
/// on all layers at once, G_j = ∂L/∂W_j (`DeepLinearNetwork.squareLossGradients`), written once for every scalar
/// type; the state is the layers' entries in the layout of the gradient flow `field`, which also holds X and Y.
///
/// A step runs in place on work matrices kept between steps (the layers, the products W_{j:1}, W_{N:j+1} and
/// W_N⋯W_1, the residual W X − Y, ∇f = (W X − Y)Xᵀ, the gradients) with the preallocated product kernels: with
/// `BigFloat` it allocates nothing, and it performs the roundings of `squareLossGradients` and
/// `gradientDescentStep` one for one, so the iterates are the same bit for bit.
public struct DeepLinearGradientDescent: DiscreteMap {
    /// The layout and the data.
    public let field: DeepLinearNetworkGradientFlow
    /// The step size η.
    public let stepSize: Rational
    private let workspace = MapWorkspace()

    /// Gradient descent with step `stepSize` on `field`'s network and data.
    public init(field: DeepLinearNetworkGradientFlow, stepSize: Rational) {
        self.field = field
        self.stepSize = stepSize
    }

    public var dimension: Int { field.dimension }
    public var layout: StateLayout { field.layout }

    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        workspace.run({ DeepLinearGradientDescentWork<T>(self) }, reusable: { $0.precision == T.currentPrecision }) {
            $0.step(history[0], into: &next)
        }
    }
}

/// The work matrices of one `DeepLinearGradientDescent` at one scalar and precision.
final class DeepLinearGradientDescentWork<T: IntegrationScalar> {
    let precision = T.currentPrecision
    /// W_j; the partial products W_{j:1} = W_j(⋯(W_2 W_1)) (the last is the end-to-end W, formed as
    /// `DeepLinearNetwork.endToEnd` forms it) and W_{N:j+1}, and the gradients.
    var layers: [Matrix<T>], products: LayerDescentWorkMatrices<T>
    /// W X − Y; ∇f = (W X − Y)Xᵀ.
    var residual: Matrix<T>, outer: Matrix<T>
    /// X, Y and η rounded; one scalar for η·G_j entries.
    let x: Matrix<T>, y: Matrix<T>, eta: T
    var term = T(0)

    init(_ map: DeepLinearGradientDescent) {
        let w = map.field.widths, depth = w.count - 1
        func rounded(_ a: Matrix<Rational>) -> Matrix<T> { Matrix(rows: a.rowCount, columns: a.columnCount) { T(a[$0, $1]) } }
        x = rounded(map.field.x)
        y = rounded(map.field.y)
        eta = T(map.stepSize)
        layers = (1...depth).map { .zeros(rows: w[$0], columns: w[$0 - 1]) }
        products = LayerDescentWorkMatrices(widths: w)
        residual = .zeros(rows: w[depth], columns: x.columnCount)
        outer = .zeros(rows: w[depth], columns: w[0])
    }

    func step(_ state: [T], into next: inout [T]) {
        LayerDescent.load(state, into: &layers)
        // The partial products, W = W_N(⋯(W_2 W_1)) among them; then W X − Y and ∇f = (W X − Y)Xᵀ.
        products.formPartialProducts(layers)
        Matrix.multiply(products.endToEnd, x, into: &residual)
        residual -= y
        Matrix.multiply(residual, transposeOf: x, into: &outer)
        LayerDescent.step(state, layers: layers, work: &products, outer: outer, stepSize: eta, term: &term, into: &next)
    }
}

extension DeepLinearNetworkGradientFlow {
    /// Gradient descent with step η on this flow's network and data: W_j ← W_j − η ∂L/∂W_j.
    public func gradientDescent(stepSize: Rational) -> DeepLinearGradientDescent {
        DeepLinearGradientDescent(field: self, stepSize: stepSize)
    }
}
