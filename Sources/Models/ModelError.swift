import LinearAlgebra

/// Errors from building a model out of matrices whose shapes do not fit together.
public enum ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A network needs at least one layer.
    case noLayers
    /// Layer `layer` (1-based, W_layer) should have `expectedColumns` columns to take the previous layer's output.
    case layerShapeMismatch(layer: Int, expectedColumns: Int, found: MatrixShape)
    /// The data X (d_0 × m) and Y (d_N × m) do not fit a network with these input and output dimensions.
    case dataShapeMismatch(inputDimension: Int, outputDimension: Int, x: MatrixShape, y: MatrixShape)

    /// A one-line message for people.
    public var description: String {
        switch self {
        case .noLayers:
            return "a network needs at least one layer"
        case let .layerShapeMismatch(layer, expected, found):
            return "layer W_\(layer) is \(found) but must have \(expected) columns (the rows of W_\(layer - 1))"
        case let .dataShapeMismatch(input, output, x, y):
            return "data X is \(x) and Y is \(y), but the network needs X with \(input) rows, Y with \(output) rows "
                + "and the same number of columns (samples)"
        }
    }
}
