/// A parameter sweep, read from a sweep file (docs/tables-and-figures.md): a claim file to start from, a grid that replaces
/// part of its instance grid (and may vary the working precision), the measured quantities to tabulate, and how to
/// group and reduce the instances into table rows.
public struct SweepSpec: Sendable {
    /// The sweep file.
    public var file: String
    /// The claim file it derives from (resolved against the sweep file's folder).
    public var claimFile: String
    /// The table caption.
    public var caption: String
    /// The LaTeX label (`tab:…`).
    public var label: String
    /// The measurement names to tabulate, in column order; `margin` names the margin.
    public var quantities: [String]
    /// Column titles for the quantities (same order; empty: the measurement names).
    public var quantityLabels: [String]
    /// Parameters that form a row (in column order); `precision` names the working precision. Empty: every
    /// parameter that varies, except `reduceOver`.
    public var rows: [String]
    /// A parameter (usually `seed`) whose values are reduced to min, median and max in each row.
    public var reduceOver: String?
    /// Significant digits of the table's numbers.
    public var significantDigits: Int
    /// The working precisions to run (empty: the claim file's own).
    public var precisions: [Int]
    /// The claim file after the sweep's `[set]` and `[grid]`, as a TOML tree, for each precision.
    var derivedClaim: TOMLNode
    /// Where the sweep file's keys are, and the claim file's, so that a problem of the derived claim names the line
    /// it comes from.
    var sweepLines: TOMLKeyLines? = nil
    var claimLines: TOMLKeyLines? = nil
    /// The keys the sweep's `[grid]` and `[set]` give (`seed`; `dynamics.horizon`).
    var gridKeys: Set<String> = []
    var setKeys: [String] = []

    /// The name by which tables call the working precision.
    public static let precisionKey = "precision"
    /// The name by which `quantities` asks for the margin.
    public static let marginKey = "margin"
}
