/// The direction of a `monotone` or `trend` property.
public enum MonotoneDirection: String, Sendable, CaseIterable {
    /// e_{k+1} ≤ e_k.
    case nonIncreasing = "non-increasing"
    /// e_{k+1} ≥ e_k.
    case nonDecreasing = "non-decreasing"
    /// e_{k+1} < e_k.
    case decreasing
    /// e_{k+1} > e_k.
    case increasing

    /// Whether equal neighbours violate it.
    public var isStrict: Bool { self == .decreasing || self == .increasing }

    /// Whether values should fall.
    public var falls: Bool { self == .nonIncreasing || self == .decreasing }

    /// The relation between neighbours: `≥` for non-increasing (e_k ≥ e_{k+1}).
    var neighbourRelation: String {
        switch self {
        case .nonIncreasing: return "e_k ≥ e_{k+1}"
        case .nonDecreasing: return "e_k ≤ e_{k+1}"
        case .decreasing: return "e_k > e_{k+1}"
        case .increasing: return "e_k < e_{k+1}"
        }
    }
}
