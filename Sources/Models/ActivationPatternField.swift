import Dynamics
import MultiPrecision

/// A vector field of a piecewise-smooth network (bias-free ReLU) written with a fixed activation pattern, so that it
/// needs no branch on values: the field is the true one only while every pre-activation keeps the sign its flag says.
/// `integrateAcrossActivationSwitches` integrates such a field segment by segment. A field without activations has
/// an empty pattern and is integrated in one segment.
public protocol ActivationPatternField: VectorField {
    /// The number of pattern flags (0 for a smooth field).
    var patternSize: Int { get }
    /// The current pattern, one flag per pre-activation (`true`: active, the pre-activation is positive).
    var pattern: [Bool] { get }
    /// The pre-activations of the true network at a state, in pattern order (`patternSize` values).
    func preactivations(of state: [BigFloat]) -> [BigFloat]
    /// The same field with another pattern.
    func with(pattern: [Bool]) -> Self
}
