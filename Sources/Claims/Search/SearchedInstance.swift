/// The parameters of an instance that a search derived from a base instance (a draw, a reduction, a bisection
/// point): the new values, with the kind's payload carried over from the base or, for a kind that derives its
/// payload from the values (`PayloadRebinding`), built again from them.
enum SearchedInstance {
    /// `parameters` with a payload that matches its values; `nil` when the kind cannot bind the values.
    static func rebuilt(_ parameters: InstanceParameters, from base: InstanceParameters,
                        kind: any ClaimKind) -> InstanceParameters? {
        guard let payload = base.payload else { return parameters }
        if let rebinding = kind as? any PayloadRebinding {
            guard let rebound = rebinding.payload(for: parameters.values, base: payload) else { return nil }
            return InstanceParameters(values: parameters.values, order: parameters.order, payload: rebound)
        }
        return InstanceParameters(values: parameters.values, order: parameters.order, payload: payload)
    }
}

/// A document kind whose instance payload is built from the instance's values (dimensions, parameters, seed), so
/// that a search can change the values: it binds the changed values again.
protocol PayloadRebinding: ClaimKind {
    /// The payload for `values`, derived from the base instance's `base` payload; `nil` when they cannot be bound
    /// (the draw is then skipped as rejected).
    func payload(for values: [String: ParameterValue], base: KindPayload) -> KindPayload?
}
