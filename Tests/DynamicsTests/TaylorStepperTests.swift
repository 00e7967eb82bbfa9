import Dynamics
import Foundation
import MultiPrecision
import Testing

/// y' = −y.
struct ExponentialDecay: VectorField {
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = -state[0]
    }
}

@Suite("Taylor stepper")
struct TaylorStepperTests {
    @Test("y' = −y reaches e^−10", arguments: [53, 256, 1024])
    func exponentialDecay(bits: Int) throws {
        if bits == 53 {
            let stepper = try TaylorStepper(field: ExponentialDecay(), time: 0.0, state: [1.0])
            #expect(stepper.integrate(to: 10.0) == .accepted)
            let error = abs(stepper.state[0] - Foundation.exp(-10.0)) / Foundation.exp(-10.0)
            #expect(error < 1e-13)
        } else {
            try withPrecision(bits) {
                let stepper = try TaylorStepper(field: ExponentialDecay(), time: BigFloat(0), state: [BigFloat(1)])
                #expect(stepper.integrate(to: BigFloat(10)) == .accepted)
                let exact = BigFloat.exp(BigFloat(-10))
                let relative = BigFloat.abs((stepper.state[0] - exact) / exact)
                #expect(relative < BigFloat.pow(BigFloat(2), -(bits - 12)))
            }
        }
    }
}
