/// The scalar-typed face of a `TaylorSeriesCore`, so that `TaylorStepper<Scalar>` can hold the core over either
/// store (`TaylorMPFRArena` for `BigFloat`, `TaylorDoubleStore` for `Double`).
protocol TaylorCoreProtocol<Value>: AnyObject {
    associatedtype Value
    var order: Int { get }
    var steps: Int { get }
    var tapePasses: Int { get }
    var denseEvaluations: Int { get }
    var log2AccumulatedError: Double { get }
    var log2LastLocalError: Double { get }
    var log2LastStep: Double { get }
    var log2MaximumStep: Double { get set }
    var rejections: Int { get }
    var lastRejections: Int { get }
    var levels: TaylorPrecisionLevels { get }
    var program: TaylorProgram { get }
    func reset(time: Value, state: [Value], minimumStep: Value)
    func step(toward limit: Value) -> TaylorCoreOutcome
    func denseState(at t: Value, into result: inout [Value])
    func time() -> Value
    func previousTime() -> Value
    func state(into result: inout [Value])
    func powerOfTwo(_ e: Double) -> Value
    func lastStepSize() -> Value
}

extension TaylorSeriesCore: TaylorCoreProtocol {
    var levels: TaylorPrecisionLevels { engine.levels }
    var program: TaylorProgram { engine.program }
}
