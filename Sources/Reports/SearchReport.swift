import Claims

/// A claim's counterexample search or threshold bracket in a report: draws, seed, the first FAIL, the shrink steps,
/// the minimal instance, the replay file, where the two precisions agree, and the bracket with both ends checked.
public struct SearchReport: Codable, Sendable, Equatable {
    /// The search's seed.
    public var seed: Int?
    /// The draws counted (up to and including the first FAIL, or all).
    public var draws: Int?
    /// The stated number of draws.
    public var drawBudget: Int?
    /// The stated time budget in seconds.
    public var secondsBudget: Double?
    /// Draws the kind rejected (parameters that do not fit together).
    public var rejected: Int?
    /// The index of the first failing draw.
    public var failingDraw: Int?
    /// The first failing draw's parameters, as drawn.
    public var failingParameters: [String: String]?
    /// The accepted reductions, each with the margin after it.
    public var shrinkSteps: [String]?
    /// The reduced instances evaluated while shrinking.
    public var shrinkEvaluations: Int?
    /// The minimal failing instance's parameters.
    public var minimalInstance: [String: String]?
    /// Its margin with the error estimate, and where.
    public var minimalMargin: String?
    /// The replay file.
    public var replayFile: String?
    /// How far along the run the two precisions agree.
    public var agreement: String?
    /// The step of the first violation beyond its error estimate.
    public var firstViolation: String?
    /// The threshold bracket, for a claim with `[threshold]`.
    public var bracket: BracketReport?

    enum CodingKeys: String, CodingKey {
        case seed, draws, drawBudget = "draw_budget", secondsBudget = "seconds_budget", rejected
        case failingDraw = "failing_draw", failingParameters = "failing_parameters", shrinkSteps = "shrink_steps"
        case shrinkEvaluations = "shrink_evaluations", minimalInstance = "minimal_instance", minimalMargin = "minimal_margin"
        case replayFile = "replay_file", agreement, firstViolation = "first_violation", bracket
    }

    /// Creates an empty report (fields are filled by `init?(outcome:)`).
    public init() {}

    /// The search in words, one line per fact, for the text, Markdown, HTML, LaTeX, CSV and JUnit writers.
    public var lines: [String] {
        var out: [String] = []
        if let draws {
            var budget: [String] = []
            if let drawBudget { budget.append("\(drawBudget) draws") }
            if let secondsBudget { budget.append("\(secondsBudget) s") }
            out.append("search: \(draws) draw\(draws == 1 ? "" : "s") from seed \(seed ?? 0) (budget \(budget.joined(separator: " or ")))"
                       + ((rejected ?? 0) > 0 ? ", \(rejected!) rejected by the kind" : "")
                       + (failingDraw.map { "; first FAIL at draw \($0)" } ?? "; no FAIL"))
        }
        if let failingParameters { out.append("failing draw: " + Self.text(failingParameters)) }
        if let shrinkSteps {
            out.append("shrunk in \(shrinkSteps.count) step\(shrinkSteps.count == 1 ? "" : "s") (\(shrinkEvaluations ?? 0) evaluations)"
                       + (shrinkSteps.isEmpty ? "" : ": " + shrinkSteps.joined(separator: "; ")))
        }
        if let minimalInstance { out.append("minimal instance: " + Self.text(minimalInstance) + (minimalMargin.map { "; \($0)" } ?? "")) }
        if let firstViolation { out.append("where: " + firstViolation) }
        if let agreement { out.append("precision: " + agreement) }
        if let bracket { out += bracket.lines }
        if let replayFile { out.append("replay file: " + replayFile) }
        return out
    }

    static func text(_ parameters: [String: String]) -> String {
        parameters.keys.sorted().map { "\($0)=\(parameters[$0]!)" }.joined(separator: ", ")
    }
}

/// A threshold bracket [pass end, fail end] in a report, each end with its own verdict, margin and error estimate.
public struct BracketReport: Codable, Sendable, Equatable {
    /// The parameter.
    public var parameter: String
    /// The pass end, exactly.
    public var pass: String
    /// The fail end, exactly.
    public var fail: String
    /// The pass end in decimal.
    public var passDecimal: String
    /// The fail end in decimal.
    public var failDecimal: String
    /// |fail − pass|, exactly.
    public var width: String
    /// The width asked for.
    public var targetWidth: String
    /// The pass end's check: verdict, margin ± error.
    public var passCheck: String
    /// The fail end's check.
    public var failCheck: String
    /// Whether both ends verify and the width is reached.
    public var verified: Bool
    /// Points checked, the two stated ends included.
    public var points: Int
    /// A point that was neither PASS nor FAIL and stopped the bisection.
    public var undecided: String?

    enum CodingKeys: String, CodingKey {
        case parameter, pass, fail, passDecimal = "pass_decimal", failDecimal = "fail_decimal", width
        case targetWidth = "target_width", passCheck = "pass_check", failCheck = "fail_check", verified, points, undecided
    }

    /// The bracket in words.
    public var lines: [String] {
        var out = ["threshold: \(parameter) ∈ [\(passDecimal) (PASS side), \(failDecimal) (FAIL side)], width \(width) "
                   + "(target \(targetWidth)), \(points) points checked, " + (verified ? "both ends verified" : "NOT verified")]
        out.append("pass end \(parameter) = \(pass): \(passCheck)")
        out.append("fail end \(parameter) = \(fail): \(failCheck)")
        if let undecided { out.append("stopped at an undecided point (counted as neither side): \(undecided)") }
        return out
    }
}
