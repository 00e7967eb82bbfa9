import MultiPrecision

/// The evaluator of f(t, x) that a stepper calls: the seam where a faster evaluator (for example a recorded tape
/// of operations) can replace the generic `VectorField.evaluate`.
///
/// A conforming type evaluates at one fixed scalar type and counts nothing; the steppers count evaluations.
public protocol RightHandSide<Scalar> {
    /// The scalar the evaluator works in.
    associatedtype Scalar: IntegrationScalar
    /// The number of state components.
    var dimension: Int { get }
    /// Writes f(`time`, `state`) into `derivative`, which has `dimension` components on entry.
    mutating func evaluate(time: Scalar, state: [Scalar], into derivative: inout [Scalar])
    /// Writes an approximation of the Jacobian ∂f/∂x at (`time`, `state`) in `Double`, row-major
    /// (`jacobian[i·n + j]` = ∂fᵢ/∂xⱼ), and returns `true`; or returns `false` when none is available (the default).
    ///
    /// Implicit steppers use it only to precondition their stage iteration (mixed-precision simplified Newton):
    /// its accuracy sets the rate of convergence, never the accuracy of the result, so finite differences in
    /// `Double` are plenty.
    mutating func approximateJacobian(time: Double, state: [Double], into jacobian: inout [Double]) -> Bool
}

extension RightHandSide {
    /// No Jacobian: implicit steppers fall back to fixed-point iteration.
    public mutating func approximateJacobian(time: Double, state: [Double], into jacobian: inout [Double]) -> Bool {
        false
    }
}

/// The default `RightHandSide`: calls the vector field's generic `evaluate` at a fixed working precision.
///
/// For `BigFloat`, constants made inside the field (`T(Rational(1, 3))`) get `Precision.current`, so the evaluator
/// runs the field inside `withPrecision(precision)` when the caller's default differs. The field's value operators
/// allocate one MPFR number per operation; that cost belongs to the field, not to the stepper.
public struct VectorFieldEvaluator<Field: VectorField, Scalar: IntegrationScalar>: RightHandSide {
    /// The field.
    public let field: Field
    /// The working precision in bits (53 for `Double`).
    public let precision: Int

    /// An evaluator of `field` at `precision` bits.
    public init(_ field: Field, precision: Int) {
        self.field = field
        self.precision = precision
    }

    /// The field's dimension.
    public var dimension: Int { field.dimension }

    /// Writes f(t, x) into `derivative`.
    public mutating func evaluate(time: Scalar, state: [Scalar], into derivative: inout [Scalar]) {
        if Scalar.currentPrecision == precision {
            field.evaluate(time: time, state: state, into: &derivative)
        } else {
            withPrecision(precision) { field.evaluate(time: time, state: state, into: &derivative) }
        }
    }

    /// Forward differences of the field evaluated in `Double`, with steps √ε·max(|xⱼ|, 1); `false` if any value
    /// is not finite (for example a state beyond the range of `Double`).
    public mutating func approximateJacobian(time: Double, state: [Double], into jacobian: inout [Double]) -> Bool {
        let n = field.dimension
        guard state.count == n, state.allSatisfy(\.isFinite) else { return false }
        var f0 = [Double](repeating: 0, count: n), f1 = f0, x = state
        field.evaluate(time: time, state: state, into: &f0)
        guard f0.allSatisfy(\.isFinite) else { return false }
        return forwardDifferenceJacobian(state: state, f0: f0, x: &x, f1: &f1, into: &jacobian) {
            field.evaluate(time: time, state: $0, into: &$1)
        }
    }
}
