import Dynamics
import MultiPrecision
import Testing

/// A time-dependent field with every operation of the tape (sums with constants and coefficients, products,
/// quotients, eˣ, ln, √, a rational power), written so that each fused sum adds its operands in the order the
/// generic evaluation does: the tape's values are then bit for bit the generic ones.
struct EveryTapeOperation: VectorField {
    var dimension: Int { 6 }
    var isAutonomous: Bool { false }
    func evaluate<T: DynamicsScalar>(time: T, state x: [T], into derivative: inout [T]) {
        derivative[0] = x[0] * x[1]
        derivative[1] = x[0] - x[2]
        derivative[2] = T.exp(x[0]) / T.sqrt(x[1])
        derivative[3] = T.log(x[1]) * T(Rational(numerator: 1, denominator: 3))
        derivative[4] = T.pow(x[2], rational: Rational(numerator: 3, denominator: 2)) + time
        derivative[5] = T(Rational(numerator: 5, denominator: 11)) - T(Rational(numerator: 1, denominator: 7)) / x[5]
            + x[3] * x[4] + x[4] * x[5] + T(2) * x[5] * x[3]
    }
}

/// ẋ = A x with a 3 × 3 rational A without zero entries, each component summed left to right.
struct LinearThree: VectorField {
    static let a: [[Rational]] = [[q(-1), q(1, 3), q(2, 5)], [q(1, 7), q(-2), q(1)], [q(-1, 2), q(3, 4), q(-1, 9)]]
    var dimension: Int { 3 }
    func evaluate<T: DynamicsScalar>(time: T, state x: [T], into derivative: inout [T]) {
        for i in 0..<3 {
            derivative[i] = T(Self.a[i][0]) * x[0] + T(Self.a[i][1]) * x[1] + T(Self.a[i][2]) * x[2]
        }
    }
}

@Suite("Tape field evaluator")
struct TapeFieldEvaluatorTests {
    static let state: [Rational] = [q(3, 7), q(5, 4), q(2, 3), q(-7, 5), q(9, 8), q(-11, 13)]

    @Test("BigFloat tape (the MPFR arena) gives the generic evaluation's values bit for bit", arguments: [64, 256, 1000])
    func bigFloatBitForBit(bits: Int) {
        let field = EveryTapeOperation()
        var tape = TapeFieldEvaluator<EveryTapeOperation, BigFloat>(field, precision: bits)
        var generic = VectorFieldEvaluator<EveryTapeOperation, BigFloat>(field, precision: bits)
        withPrecision(bits) {
            let x = Self.state.map { BigFloat($0) }
            for t in [BigFloat(Rational(numerator: 1, denominator: 3)), BigFloat(-2)] {
                var viaTape = (0..<6).map { _ in BigFloat(0) }, viaGeneric = (0..<6).map { _ in BigFloat(0) }
                tape.evaluate(time: t, state: x, into: &viaTape)
                tape.evaluate(time: t, state: x, into: &viaTape)  // a second pass over the same slots
                generic.evaluate(time: t, state: x, into: &viaGeneric)
                for i in 0..<6 {
                    #expect(viaTape[i] == viaGeneric[i] && viaTape[i].precision == bits,
                            "component \(i): tape \(viaTape[i]) generic \(viaGeneric[i])")
                }
            }
        }
    }

    @Test("Double tape gives the generic Double evaluation bit for bit")
    func doubleBitForBit() {
        let field = EveryTapeOperation()
        var tape = TapeFieldEvaluator<EveryTapeOperation, Double>(field, precision: 53)
        let x = Self.state.map { Double($0) }
        var viaTape = [Double](repeating: 0, count: 6), viaGeneric = viaTape
        tape.evaluate(time: 0.375, state: x, into: &viaTape)
        field.evaluate(time: 0.375, state: x, into: &viaGeneric)
        #expect(viaTape == viaGeneric)
    }

    @Test("A copied evaluator keeps its own slots (value semantics)")
    func copies() {
        withPrecision(128) {
            var first = TapeFieldEvaluator<LinearThree, BigFloat>(LinearThree(), precision: 128)
            var second = first
            var a = [BigFloat(0), BigFloat(0), BigFloat(0)], b = a
            first.evaluate(time: BigFloat(0), state: [BigFloat(1), BigFloat(0), BigFloat(0)], into: &a)
            second.evaluate(time: BigFloat(0), state: [BigFloat(0), BigFloat(1), BigFloat(0)], into: &b)
            first.evaluate(time: BigFloat(0), state: [BigFloat(1), BigFloat(0), BigFloat(0)], into: &b)
            #expect(a == b)
            #expect(a == LinearThree.a.map { BigFloat($0[0]) })
        }
    }

    /// x_N of classical RK4 with step h on ẋ = A x, exactly: x_{k+1} = (I + hA + (hA)²/2 + (hA)³/6 + (hA)⁴/24) x_k.
    static func exactRK4(_ x0: [Rational], h: Rational, steps: Int) -> [Rational] {
        let a = LinearThree.a
        func apply(_ v: [Rational]) -> [Rational] { (0..<3).map { i in (0..<3).reduce(Rational(0)) { $0 + a[i][$1] * v[$1] } } }
        var x = x0
        for _ in 0..<steps {
            var term = x, next = x
            for k in 1...4 {
                term = apply(term).map { $0 * h / Rational(k) }
                next = zip(next, term).map { $0 + $1 }
            }
            x = next
        }
        return x
    }

    @Test("RK4 over the MPFR arena: bit for bit the generic evaluator's run, and within rounding of exact RK4")
    func rungeKutta4AgainstExact() throws {
        let bits = 256, steps = 40
        let h = q(1, 16), x0 = [q(1), q(-1, 2), q(1, 3)]
        let exact = Self.exactRK4(x0, h: h, steps: steps)
        func run<RHS: RightHandSide<BigFloat>>(_ rhs: RHS) throws -> [BigFloat] {
            try withPrecision(bits) {
                let end = BigFloat(h * Rational(steps))
                var stepper = try ExplicitRungeKuttaStepper(
                    tableau: .classicalRungeKutta4, rightHandSide: rhs, time: BigFloat(0), state: x0.map { BigFloat($0) },
                    configuration: StepperConfiguration(precision: bits, relativeTolerance: BigFloat(0),
                                                        absoluteTolerance: BigFloat(0), fixedStep: BigFloat(h),
                                                        horizonEnd: end))
                while stepper.time < end {
                    guard case .accepted = stepper.step(toward: end) else { Issue.record("step failed"); break }
                }
                return stepper.state
            }
        }
        let viaTape = try run(TapeFieldEvaluator<LinearThree, BigFloat>(LinearThree(), precision: bits))
        let viaGeneric = try run(VectorFieldEvaluator<LinearThree, BigFloat>(LinearThree(), precision: bits))
        #expect(viaTape == viaGeneric)
        withPrecision(bits) {
            let bound = BigFloat(twoToMinus(bits - 16))  // 40 steps of a few roundings each, |x| < 2
            for i in 0..<3 { expectClose(viaTape[i], BigFloat(exact[i]), within: bound, "x[\(i)]") }
        }
    }

    @Test("Fehlberg 7(8) over the MPFR arena: bit for bit the generic evaluator's run")
    func fehlbergBitForBit() throws {
        let bits = 192
        func run<RHS: RightHandSide<BigFloat>>(_ rhs: RHS) throws -> [BigFloat] {
            try withPrecision(bits) {
                let end = BigFloat(2), tolerance = BigFloat(twoToMinus(120))
                var stepper = try ExplicitRungeKuttaStepper(
                    tableau: .fehlberg78, rightHandSide: rhs, time: BigFloat(0),
                    state: Self.state.map { BigFloat($0 * $0 + Rational(1)) },
                    configuration: StepperConfiguration(precision: bits, relativeTolerance: tolerance,
                                                        absoluteTolerance: tolerance, horizonEnd: end))
                for _ in 0..<6 {
                    guard case .accepted = stepper.step(toward: end) else { Issue.record("step failed"); break }
                }
                return stepper.state + [stepper.time]
            }
        }
        let viaTape = try run(TapeFieldEvaluator<EveryTapeOperation, BigFloat>(EveryTapeOperation(), precision: bits))
        let viaGeneric = try run(VectorFieldEvaluator<EveryTapeOperation, BigFloat>(EveryTapeOperation(), precision: bits))
        #expect(viaTape == viaGeneric)
    }

    @Test("The tape's Double Jacobian of a linear field is A, to forward-difference accuracy")
    func jacobian() {
        var tape = TapeFieldEvaluator<LinearThree, BigFloat>(LinearThree(), precision: 128)
        var jacobian: [Double] = []
        #expect(tape.approximateJacobian(time: 0, state: [0.5, -2, 3], into: &jacobian))
        #expect(jacobian.count == 9)
        for i in 0..<3 {
            for j in 0..<3 {
                #expect(abs(jacobian[i * 3 + j] - Double(LinearThree.a[i][j])) <= 1e-7, "J[\(i)][\(j)] = \(jacobian[i * 3 + j])")
            }
        }
        #expect(!tape.approximateJacobian(time: 0, state: [.nan, 0, 0], into: &jacobian))
    }
}
