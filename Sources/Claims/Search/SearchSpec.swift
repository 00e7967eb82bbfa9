/// The `[search]` table of a claim file: instead of the instances typed into a grid, draw random instances from
/// stated ranges, stop at the first FAIL, shrink it, and write a replay file.
///
/// ```toml
/// [search]
/// draws = 64            # or seconds = 10 (a time budget), or both: whichever ends first
/// seed = 1              # the search's seed: draw i comes from (seed, i) alone
///
/// [search.ranges]
/// depth = [2, 4]                          # an integer in [2, 4]
/// step_size = ["1/100", "1/2"]            # a rational k/D in the range (D from `denominator`)
/// widths = { length = [2, 4], entries = [1, 4] }
/// X = { rows = "input_dim", columns = "samples", entries = ["-1", "1"], denominator = 4 }
/// method = { values = ["gd"] }            # one of the listed values (any type)
/// ```
///
/// Draw i is a function of the search seed and i only; with `draws`, the set of draws, the FAIL chosen (the one with
/// the smallest index) and everything after it are the same for any number of jobs.
public struct SearchSpec: Sendable {
    /// The number of draws, when the budget is a count.
    public var draws: Int?
    /// The time budget in seconds, when given (the number of draws run then depends on the machine).
    public var seconds: Double?
    /// The search's seed.
    public var seed: Int
    /// Whether a FAIL is shrunk.
    public var shrink: Bool
    /// The most instances shrinking may evaluate.
    public var shrinkLimit: Int
    /// The ranges, in file order.
    public var ranges: [SearchRange]

    /// The default number of evaluations allowed to shrinking.
    public static let defaultShrinkLimit = 200
    /// The largest number of draws a search may ask for.
    public static let maximumDraws = 1_000_000

    /// Creates a search.
    public init(draws: Int?, seconds: Double? = nil, seed: Int = 0, shrink: Bool = true,
                shrinkLimit: Int = defaultShrinkLimit, ranges: [SearchRange]) {
        self.draws = draws
        self.seconds = seconds
        self.seed = seed
        self.shrink = shrink
        self.shrinkLimit = shrinkLimit
        self.ranges = ranges
    }

    /// The names of the searched parameters.
    public var parameterNames: [String] { ranges.map(\.parameter) }
}
