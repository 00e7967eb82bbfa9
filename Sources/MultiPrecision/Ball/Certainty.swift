/// The answer to a question about numbers known only as enclosures: certainly true, certainly false, or undecided.
///
/// Ball comparisons return a `Certainty`. There is deliberately no conversion to `Bool`: code must say what an
/// undecided answer means (for a verdict, INCONCLUSIVE), so an undecided comparison can never silently become
/// true or false. The connectives are Kleene's three-valued logic.
public enum Certainty: Sendable, Hashable, CustomStringConvertible {
    /// True for every choice of numbers in the balls.
    case certainlyTrue
    /// False for every choice of numbers in the balls.
    case certainlyFalse
    /// True for some choices and false for others, or the enclosures are too wide to tell.
    case undecided

    /// `certainlyTrue` or `certainlyFalse` for a decided question.
    public init(decided value: Bool) { self = value ? .certainlyTrue : .certainlyFalse }

    /// Whether the answer is `certainlyTrue`.
    public var isCertainlyTrue: Bool { self == .certainlyTrue }
    /// Whether the answer is `certainlyFalse`.
    public var isCertainlyFalse: Bool { self == .certainlyFalse }
    /// Whether the answer is `undecided`.
    public var isUndecided: Bool { self == .undecided }

    /// Negation: swaps the certain answers, keeps `undecided`.
    public static prefix func ! (a: Certainty) -> Certainty {
        switch a {
        case .certainlyTrue: .certainlyFalse
        case .certainlyFalse: .certainlyTrue
        case .undecided: .undecided
        }
    }

    /// Conjunction: certainly false if either is, certainly true if both are, else undecided.
    public static func && (a: Certainty, b: @autoclosure () -> Certainty) -> Certainty {
        if a == .certainlyFalse { return .certainlyFalse }
        let second = b()
        if second == .certainlyFalse { return .certainlyFalse }
        return a == .certainlyTrue && second == .certainlyTrue ? .certainlyTrue : .undecided
    }

    /// Disjunction: certainly true if either is, certainly false if both are, else undecided.
    public static func || (a: Certainty, b: @autoclosure () -> Certainty) -> Certainty {
        !(!a && !b())
    }

    /// "certainly true", "certainly false" or "undecided".
    public var description: String {
        switch self {
        case .certainlyTrue: "certainly true"
        case .certainlyFalse: "certainly false"
        case .undecided: "undecided"
        }
    }
}
