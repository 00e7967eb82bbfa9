/// Runs a batch of instances at the same time and returns their outcomes in the batch's order, so that whatever
/// is decided from them does not depend on which finished first.
enum ParallelInstances {
    /// The outcomes, in order; `nil` for an instance abandoned because the run was cancelled.
    static func run(_ instances: [InstanceSpec], kind: any ClaimKind, numerics: NumericsSettings,
                    timeout: Duration?) async -> [InstanceOutcome?] {
        if instances.count == 1 {
            return [InstanceRunner.run(kind: kind, instance: instances[0], numerics: numerics, timeout: timeout)]
        }
        return await withTaskGroup(of: (Int, InstanceOutcome?).self) { group in
            for (position, instance) in instances.enumerated() {
                group.addTask { (position, InstanceRunner.run(kind: kind, instance: instance, numerics: numerics, timeout: timeout)) }
            }
            var out = [InstanceOutcome?](repeating: nil, count: instances.count)
            for await (position, outcome) in group { out[position] = outcome }
            return out
        }
    }
}
