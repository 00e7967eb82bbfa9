import Conjectures
import MultiPrecision

/// What each property checks, in words, from the file alone (before any run): "checked: tr(W2' W2) - tr(W1 W1')
/// at t = 0, T/64, …, T equals its value at t = 0". Shown by `attest explain`, the catalogue and reports.
enum PropertyDescription {
    /// The samples of the run: `t = 0, T/64, …, T (T = 5)` or `k = 0, 1, …, 500`.
    static func samples(_ dynamics: DynamicsDeclaration, from: SamplePlace? = nil) -> String {
        if dynamics.isFlow {
            let n = dynamics.outputTimes
            let horizon = dynamics.horizon.map { " (T = \(ExactDecimal.text($0) ?? $0.description))" } ?? ""
            if case let .time(t)? = from {
                return "t ≥ \(ExactDecimal.text(t) ?? t.description) among t = 0, T/\(n), …, T\(horizon)"
            }
            return (n == 1 ? "t = 0 and T" : "t = 0, T/\(n), 2T/\(n), …, T") + horizon
        }
        let start: Int
        if case let .step(k)? = from { start = k } else { start = 0 }
        return "k = \(start), \(start + 1), …, \(dynamics.steps ?? 0)"
    }

    /// The dynamics in one sentence, with the derived gradient of a gradient flow or descent:
    /// "dynamics: gradient flow of L = 1/2 norm2(W2 W1 X - Y), Ẇ1 = −(…), over t ∈ [0, 5] (Taylor, dense output)".
    static func dynamics(_ document: ConjectureDocument, program: ConjectureProgram) -> String {
        let d = document.dynamics
        let rates = zip(program.variables, program.updates).map { variable, update in
            "\(d.isFlow ? "d\(variable.name)/dt" : variable.name + "⁺") = \(program.text(of: update))"
        }
        let derived = rates.joined(separator: "; ")
        let clipped = derived.count > 400 ? String(derived.prefix(397)) + "…" : derived
        let span = d.isFlow
            ? "t ∈ [0, \(d.horizon.map { ExactDecimal.text($0) ?? $0.description } ?? "T")] (\(d.integrator), \(d.outputTimes) output times)"
            : "k = 0 … \(d.steps ?? 0) (\(d.exact ? "exact rational arithmetic" : "rounded arithmetic"))"
        let stop = d.stopWhen.map { ", stopping when \($0.text)" } ?? ""
        switch d.form {
        case let .gradientFlow(loss, _, _):
            return "dynamics: gradient flow of \(loss.text), derived exactly: \(clipped); \(span)\(stop)"
        case let .gradientDescent(loss, step, _, _):
            return "dynamics: gradient descent on \(loss.text) with step \(step.text), derived exactly: \(clipped); \(span)\(stop)"
        case .flow:
            return "dynamics: the flow \(clipped); \(span)\(stop)"
        case .map:
            return "dynamics: the map \(clipped); \(span)\(stop)"
        }
    }

    /// The sentence for one property.
    static func checked(_ property: PropertyDeclaration, dynamics: DynamicsDeclaration) -> String {
        let text: String
        switch property.statement {
        case let .invariant(e, law):
            text = "\(e.text) at \(samples(dynamics)) equals " + (law.map { "the law \($0.text)" } ?? "its value at \(dynamics.isFlow ? "t" : "k") = 0")
        case let .monotone(e, direction, from):
            text = "\(e.text) at \(samples(dynamics, from: from)) is \(direction.rawValue)"
                + (dynamics.isFlow ? ", and d/dt \(e.text) = Σ_X ⟨∂e/∂X, Ẋ⟩ has the matching sign at those times" : "")
        case let .bound(lhs, relation, rhs, atEnd):
            text = "\(lhs.text) \(relation.symbol) \(rhs.text) " + (atEnd ? "at the end of the run" : "at \(samples(dynamics))")
        case let .limit(e, value, within, rate):
            let v = value?.text ?? "0"
            text = "|\(e.text) − (\(v))| ≤ \(ExactDecimal.text(within) ?? within.description) at the end of the run"
                + (rate.map { ", and ≤ \($0.text) at \(samples(dynamics))" } ?? "")
        case let .equal(a, b):
            text = "\(a.text) equals \(b.text) at \(samples(dynamics))"
        case let .at(lhs, relation, rhs, place):
            text = "\(lhs.text) \(relation.symbol) \(rhs.text) at \(place)"
        case let .trend(e, over, values, direction):
            text = "\(e.text) at the end of the run is \(direction.rawValue) over \(over) = "
                + values.map { ExactDecimal.text($0) ?? $0.description }.joined(separator: ", ") + " (one run per value)"
        }
        let tolerance = property.tolerance.map { " (tolerance \(ExactDecimal.text($0) ?? $0.description))" } ?? ""
        return "\(property.label): \(text)\(tolerance)"
    }
}
