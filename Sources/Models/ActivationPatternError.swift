import MultiPrecision

/// Why a trajectory of a ReLU network could not be followed with a fixed activation pattern per segment.
public enum ActivationPatternError: Error, Sendable, CustomStringConvertible {
    /// A pre-activation is zero to the working precision (exactly 0, or within the kink resolution of
    /// `integrateAcrossActivationSwitches` at t = 0), so the pattern (and the gradient) is not defined.
    case zeroPreactivation(unit: Int, time: String)
    /// The pattern failed the check at a step or output time without a located crossing (two crossings inside one
    /// step, or a unit that leaves the kink on the side it came from: the flow slides along the kink).
    case patternViolated(unit: Int, time: String)
    /// After a switch, the field of the new pattern pushes the unit back to the kink: the flow slides along it (a
    /// Filippov sliding mode), which a fixed pattern per segment cannot follow.
    case sliding(unit: Int, time: String)
    /// At a located switch, the rate ż = ∇z·f of a pre-activation at its kink, under the pattern before (`side`
    /// "before") or after the switch, is within its error bound of 0: whether the unit crosses, stays or slides is
    /// not resolved at the working precision (a tangential touch, or a rate too small for it).
    case unresolvedSwitch(unit: Int, time: String, rate: String, bound: String, side: String)
    /// More switches than allowed: the flow chatters on a kink (a sliding mode), where the fixed-pattern field is not
    /// the gradient flow.
    case tooManySwitches(count: Int, time: String)

    /// One line for the report.
    public var description: String {
        switch self {
        case let .zeroPreactivation(unit, time):
            return "pre-activation \(unit) is 0 to the working precision at t = \(time): the ReLU pattern and gradient "
                + "are not defined there"
        case let .patternViolated(unit, time):
            return "pre-activation \(unit) has the wrong sign for its activation pattern at t = \(time) without a located "
                + "crossing (two crossings in one step, or the flow slides along the kink); not checked past that time"
        case let .sliding(unit, time):
            return "pre-activation \(unit) reaches its ReLU kink at t = \(time) and the flow slides along it (the field on "
                + "its new side pushes it back): a fixed activation pattern cannot follow it; not checked past that time"
        case let .unresolvedSwitch(unit, time, rate, bound, side):
            return "pre-activation \(unit) is at its ReLU kink at t = \(time) with rate ż = \(rate) ± \(bound) under the "
                + "pattern \(side) the switch: whether it crosses, stays or slides is not resolved within the error "
                + "(a tangential touch?); not checked past that time"
        case let .tooManySwitches(count, time):
            return "more than \(count) activation switches by t = \(time): the flow chatters on a ReLU kink (sliding), "
                + "where the fixed-pattern field is not the gradient flow; not checked past that time"
        }
    }
}
