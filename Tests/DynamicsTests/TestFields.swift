import Dynamics
import MultiPrecision

/// y' = −y.
struct Decay: VectorField {
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = -state[0]
    }
}
