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
}
