/// The work an integration did, and how accurate it thinks it is.
public struct IntegrationStatistics: Sendable, Equatable {
    /// Accepted steps.
    public var steps: Int
    /// Rejected trial steps.
    public var rejectedSteps: Int
    /// Evaluations of the vector field, including rejected steps, dense output and event location.
    public var functionEvaluations: Int
    /// Iterations of implicit stage equations (Gauss–Legendre).
    public var stageIterations: Int
    /// Approximate Jacobians (in `Double`, for the Newton iteration of implicit stages).
    public var jacobianEvaluations: Int
    /// Dense-output evaluations (output times and event location).
    public var denseOutputEvaluations: Int
    /// How many accepted steps used each order.
    public var ordersUsed: [Int: Int]
    /// The estimate of the global error of the final state, with how it was obtained.
    public var globalError: GlobalErrorEstimate
    /// Wall time of the run.
    public var wallTime: Duration

    /// Statistics from a stepper's counters.
    public init(stepper: StepperStatistics, globalError: GlobalErrorEstimate, wallTime: Duration) {
        steps = stepper.acceptedSteps
        rejectedSteps = stepper.rejectedSteps
        functionEvaluations = stepper.functionEvaluations
        stageIterations = stepper.stageIterations
        jacobianEvaluations = stepper.jacobianEvaluations
        denseOutputEvaluations = stepper.denseOutputEvaluations
        ordersUsed = stepper.ordersUsed
        self.globalError = globalError
        self.wallTime = wallTime
    }
}
