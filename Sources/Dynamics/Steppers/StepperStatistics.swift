/// Work counters that a stepper accumulates.
public struct StepperStatistics: Sendable, Equatable, Codable {
    /// Accepted steps.
    public var acceptedSteps = 0
    /// Rejected trial steps (error too large, or an implicit iteration that failed).
    public var rejectedSteps = 0
    /// Evaluations of the vector field, including those spent on rejected steps, dense output and step-size
    /// initialization (for the Taylor method: evaluations of the tape, one per order-by-order pass).
    public var functionEvaluations = 0
    /// Iterations of implicit stage equations (Gauss–Legendre), summed over all steps.
    public var stageIterations = 0
    /// Approximate Jacobians computed (in `Double`, for Newton iterations of implicit stages).
    public var jacobianEvaluations = 0
    /// Calls of dense output.
    public var denseOutputEvaluations = 0
    /// How many accepted steps used each order.
    public var ordersUsed: [Int: Int] = [:]

    /// Zero counters.
    public init() {}

    /// Counts one accepted step of the given order.
    public mutating func recordAcceptedStep(order: Int) {
        acceptedSteps += 1
        ordersUsed[order, default: 0] += 1
    }
}
