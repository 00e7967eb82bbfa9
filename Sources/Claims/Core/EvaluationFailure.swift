/// A failure of an evaluation that is neither a timeout nor a bad parameter (reported as ERROR).
struct EvaluationFailure: Error, CustomStringConvertible {
    /// What went wrong.
    let description: String
    /// Creates the failure.
    init(_ description: String) { self.description = description }
}
