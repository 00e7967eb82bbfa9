import Testing
@testable import Symbolic

/// The size and time bounds of symbolic work (issue 21): an expansion that cannot fit is refused before it starts,
/// and a deadline or cancellation stops evaluation.
@Suite("SymbolicBudget: size limit, deadline, cancellation")
struct SymbolicBudgetTests {
    typealias F = Fixtures

    static func product(_ factors: Int) -> String {
        Array(repeating: "(W1 + W2)", count: factors).joined(separator: " ")
    }

    @Test("A 20-factor product of two-term sums (2²⁰ terms) is refused at its 15th factor; 12 factors (2¹² terms) prove")
    func sizeLimit() throws {
        let clock = ContinuousClock(), began = clock.now
        #expect(throws: SymbolicError.self) { try F.context.prove("\(Self.product(20)) = \(Self.product(20))") }
        do {
            _ = try F.context.prove("\(Self.product(20)) = \(Self.product(20))")
        } catch {
            guard case .tooLarge = error else { Issue.record("expected tooLarge, got \(error)"); return }
            #expect(error.description.contains("16384"))
        }
        // At most 2¹⁵ term products were formed before the refusal (seconds in a debug build, not minutes).
        #expect(clock.now - began < .seconds(30))
        let proof = try F.context.prove("\(Self.product(12)) = (W1 + W2)^12")
        #expect(proof.isProved)
        #expect(proof.lhs.description.count > 4096)    // 2¹² words were expanded
    }

    @Test("Powers: a large exponent is refused; (W1 + W2)^12 is allowed, ^15 (2¹⁵ products at its last step) not")
    func powerLimit() throws {
        #expect(throws: SymbolicError.self) { try F.context.prove("W1^5000 = W1^5000") }
        #expect(throws: SymbolicError.self) { try F.context.prove("(W1 + W2)^15 = (W1 + W2)^15") }
        #expect(try F.context.prove("(W1 + W2)^12 = (W1 + W2)^12").isProved)
    }

    @Test("A passed deadline or a cancelled task stops evaluation with .interrupted")
    func deadlineAndCancellation() async throws {
        let past = ContinuousClock.now - .seconds(1)
        SymbolicBudget.$deadline.withValue(past) {
            do {
                _ = try F.context.prove("W1 W2 = W2 W1")
                Issue.record("a passed deadline did not stop the proof")
            } catch {
                guard case .interrupted? = error as? SymbolicError else {
                    Issue.record("expected interrupted, got \(error)")
                    return
                }
            }
        }
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return Result(catching: { () throws(SymbolicError) in try F.context.prove("W1 W2 = W2 W1") })
        }
        if case .failure(let error) = await task.value, case .interrupted = error {} else {
            Issue.record("a cancelled task did not stop the proof")
        }
        #expect(try F.context.prove("W1 W2 = W2 W1").isProved == false)
    }
}
