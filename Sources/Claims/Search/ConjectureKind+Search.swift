/// Searches over conjectures: a draw, a reduction or a bisection point changes dimensions, parameters or the seed;
/// the instance is bound again by the language core (shapes checked, data and initial values generated), exactly as
/// reading a file with those values in its `[grid]` would.
extension ConjectureKind: PayloadRebinding {
    func payload(for values: [String: ParameterValue], base: KindPayload) -> KindPayload? {
        guard let instance = base.value as? ConjectureInstance else { return nil }
        var binding = instance.binding
        for name in binding.dimensions.keys {
            guard case let .integer(n)? = values[name], n >= 1 else { return nil }
            binding.dimensions[name] = n
        }
        for name in binding.parameters.keys {
            guard case let .rational(r)? = values[name] else { return nil }
            binding.parameters[name] = r
        }
        if case let .integer(seed)? = values["seed"] { binding.seed = seed }
        if binding == instance.binding { return base }
        var checker = ConjectureProgramCheck(document: instance.document, keyLines: TOMLKeyLines(scanning: ""))
        guard let (checked, bound) = checker.check([binding], origins: ["search"]), checker.errors.isEmpty,
              let first = bound.first else { return nil }
        let rebound = ConjectureInstance(checked: checked, bound: first, binding: binding, index: instance.index)
        let text = values.keys.sorted().map { "\($0)=\(values[$0]!.reportText)" }.joined(separator: ",")
        return KindPayload(rebound, identity: base.identity + "#" + text)
    }
}
