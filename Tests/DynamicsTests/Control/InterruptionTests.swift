import Dynamics
import MultiPrecision
import Testing

/// Replaces gradient descent on ½x² (x ↦ x/2 at η = 1/2) by the step η = 3/4 (x ↦ x/4), and y' = −y by y' = −2y.
private struct Steeper: ModelSubstitute {
    func map<Map: DiscreteMap>(for map: Map) -> (any DiscreteMap)? {
        QuadraticGradientDescent(q: [[q(1)]], stepSize: q(3, 4))
    }
    func field<Field: VectorField>(for field: Field) -> (any VectorField)? { TwiceTheDecay() }
}

/// y' = −2y.
private struct TwiceTheDecay: VectorField {
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = -(state[0] + state[0])
    }
}

/// A cancelled task ends a run as `.cancelled`, not as an exhausted time budget; a `ModelSubstitution` runs its
/// model in place of the problem's.
@Suite("Interruption and model substitution")
struct InterruptionTests {
    @Test("A cancelled task ends a long iteration and a long integration as .cancelled")
    func cancellation() async throws {
        let map = Task { () throws -> MapTerminationReason in
            let problem = try MapProblem(map: QuadraticGradientDescent(q: [[q(1, 2)]], stepSize: q(1, 4)),
                                         initialState: [q(1)], steps: 1_000_000_000)
            return try iterate(problem, scalar: BigFloat.self, options: MapOptions(precision: 64)).termination
        }
        map.cancel()
        let mapEnd = try await map.value
        guard case .cancelled = mapEnd else { Issue.record("got \(mapEnd)"); return }
        #expect(mapEnd.isInterruption && !mapEnd.isSuccess && mapEnd.description.hasPrefix("cancelled at step "))

        let flow = Task { () throws -> String in
            let problem = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(1_000_000))
            var options = IntegrationOptions(precision: 64)
            options.stepSize = .fixed(q(1, 1_000_000))
            options.maximumSteps = 1 << 40
            let end = try integrate(problem, method: ClassicalRungeKutta4(), scalar: BigFloat.self, options: options).termination
            guard case .cancelled = end, end.isInterruption, !end.isSuccess else { return "not cancelled: \(end)" }
            return end.description
        }
        flow.cancel()
        let flowEnd = try await flow.value
        #expect(flowEnd.hasPrefix("cancelled at t = "), "\(flowEnd)")
    }

    @Test("The time budget is not a cancellation")
    func timeBudget() throws {
        let problem = try MapProblem(map: QuadraticGradientDescent(q: [[q(1, 2)]], stepSize: q(1, 4)),
                                     initialState: [q(1)], steps: 1_000_000_000)
        var options = MapOptions(precision: 64)
        options.timeLimit = .milliseconds(50)
        let end = try iterate(problem, scalar: BigFloat.self, options: options).termination
        guard case .timeBudgetExhausted = end else { Issue.record("got \(end)"); return }
        #expect(end.isInterruption)
    }

    @Test("An active substitute's map and field run in place of the problem's: x_k = 4^−k, y(1) = e^−2")
    func substitution() throws {
        let problem = try MapProblem(map: QuadraticGradientDescent(q: [[q(1)]], stepSize: q(1, 2)),
                                     initialState: [q(1)], steps: 10)
        let plain = try iterate(problem, scalar: BigFloat.self, options: MapOptions(precision: 64))
        let steeper = try ModelSubstitution.$active.withValue(Steeper()) {
            try iterate(problem, scalar: BigFloat.self, options: MapOptions(precision: 64))
        }
        #expect(plain.state[0] == BigFloat(q(1, 1024)) && steeper.state[0] == BigFloat(q(1, 1_048_576)))

        let flow = try ODEProblem(field: Decay(), initialState: [q(1)], from: q(0), to: q(1))
        let decay = try ModelSubstitution.$active.withValue(Steeper()) {
            try integrate(flow, method: Taylor(), scalar: BigFloat.self, options: IntegrationOptions(precision: 128))
        }
        let exact = withPrecision(128) { BigFloat.exp(BigFloat(-2)) }
        #expect(BigFloat.abs(decay.state[0] - exact) < BigFloat(q(1, 1 << 60)))
        #expect(ModelSubstitution.active == nil)
    }
}
