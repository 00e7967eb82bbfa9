import MultiPrecision

/// f(t, x) evaluated from the field's traced tape (order 0 of the Taylor program), with every node value and
/// coefficient preallocated at the working precision: the `RightHandSide` of the Runge–Kutta and Gauss–Legendre
/// steppers.
///
/// The field is traced once (as for the Taylor method: shared subexpressions, exact constant folding, chains of
/// sums of products fused into one node) and compiled to a flat list of slot instructions (`TapeCode`). A sum
/// node c + Σ γ·u + Σ δ·a·b costs one multiplication per product (plus one per coefficient other than ±1) and one
/// addition per term, into the node's own slot. For `BigFloat` and `Double` the instructions run in a concrete,
/// non-generic loop over preallocated slots (`TapeMPFRArena`: one MPFR arena; `TapeDoubleSlots`), so an evaluation
/// allocates nothing, eˣ, ln, √ and powers included; any other scalar type (none in this package) evaluates the
/// field itself through `generic`. The result equals the generic evaluation up to the order of the rounded additions
/// inside a fused sum. The `Double` Jacobian of the implicit steppers is taken by forward differences on the
/// `Double` slots.
public struct TapeFieldEvaluator<Field: VectorField, Scalar: IntegrationScalar>: RightHandSide {
    /// The generic evaluator (the field itself at the working precision).
    public var generic: VectorFieldEvaluator<Field, Scalar>
    /// The `BigFloat` slots, when `Scalar` is `BigFloat`.
    private var arena: TapeMPFRArena?
    /// The `Double` slots: the evaluation when `Scalar` is `Double`, and the Jacobian for every scalar.
    private var doubles: TapeDoubleSlots

    /// Traces `field` and compiles its tape, with slots at `precision` bits for `BigFloat`.
    public init(_ field: Field, precision: Int) {
        generic = VectorFieldEvaluator(field, precision: precision)
        let code = TapeCode(TaylorProgram(tape: TaylorTape.trace(field)))
        doubles = TapeDoubleSlots(code)
        if Scalar.self == BigFloat.self { arena = TapeMPFRArena(code, precision: precision) }
    }

    /// The field's dimension.
    public var dimension: Int { generic.dimension }

    /// Writes f(t, x) into `derivative`: one pass over the non-constant nodes.
    public mutating func evaluate(time: Scalar, state: [Scalar], into derivative: inout [Scalar]) {
        if arena != nil {
            if !isKnownUniquelyReferenced(&arena) { arena = arena.unsafelyUnwrapped.copy() }
            let arena = self.arena.unsafelyUnwrapped
            Self.withStorage(as: BigFloat.self, time: time, state: state, derivative: &derivative) {
                arena.evaluate(time: $0, state: $1, into: $2)
            }
            return
        }
        if Scalar.self == Double.self {
            if !isKnownUniquelyReferenced(&doubles) { doubles = doubles.copy() }
            let doubles = self.doubles
            Self.withStorage(as: Double.self, time: time, state: state, derivative: &derivative) {
                doubles.evaluate(time: $0, state: $1, into: $2)
            }
            return
        }
        generic.evaluate(time: time, state: state, into: &derivative)
    }

    /// Forward differences in `Double` on the tape (steps √ε·max(|xⱼ|, 1), as `VectorFieldEvaluator`'s).
    public mutating func approximateJacobian(time: Double, state: [Double], into jacobian: inout [Double]) -> Bool {
        if !isKnownUniquelyReferenced(&doubles) { doubles = doubles.copy() }
        return doubles.approximateJacobian(time: time, state: state, into: &jacobian)
    }

    /// Runs `body` on the storage of `time`, `state` and `derivative` seen as `T`, which must be `Scalar` itself
    /// (`BigFloat` or `Double`, checked by the caller): the concrete loops take no generic values.
    private static func withStorage<T>(as _: T.Type, time: Scalar, state: [Scalar], derivative: inout [Scalar],
                                       _ body: (T, UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) -> Void) {
        withUnsafePointer(to: time) { t in
            state.withUnsafeBufferPointer { s in
                derivative.withUnsafeMutableBufferPointer { d in
                    body(UnsafeRawPointer(t).assumingMemoryBound(to: T.self).pointee,
                         UnsafeBufferPointer(start: UnsafeRawPointer(s.baseAddress)?.assumingMemoryBound(to: T.self),
                                             count: s.count),
                         UnsafeMutableBufferPointer(start: UnsafeMutableRawPointer(d.baseAddress)?
                                                        .assumingMemoryBound(to: T.self), count: d.count))
                }
            }
        }
    }
}
