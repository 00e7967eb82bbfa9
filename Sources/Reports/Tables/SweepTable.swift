import Claims
import MultiPrecision

/// The table of a sweep: one row per combination of the row parameters, one column per row parameter, then for each
/// quantity either its value and error (one instance per row) or its minimum, median and maximum over the
/// `reduce_over` parameter with the largest error among them; a last column gives the verdicts. The writers
/// (`SweepTableWriter`) print it as LaTeX, Markdown or CSV with the same content.
public struct SweepTable: Sendable, Equatable {
    /// A column: its title and whether it holds numbers (right-aligned, `\num{}` in LaTeX).
    public struct Column: Sendable, Equatable {
        /// The title.
        public var title: String
        /// Whether the cells are numbers.
        public var numeric: Bool
    }

    /// The caption.
    public var caption: String
    /// The LaTeX label.
    public var label: String
    /// The columns.
    public var columns: [Column]
    /// The cells, row by row, numbers as decimal text rounded to the sweep's significant digits ("—" when absent).
    public var rows: [[String]]
    /// A sentence on what the numbers are: precision, errors, reductions.
    public var note: String
    /// Whether every instance ran (an interrupted sweep gives an incomplete table, said so in the note).
    public var complete: Bool

    /// The table of `result`, a run of the claims of `sweep`.
    ///
    /// - Throws: `SweepTableError` when a quantity is unknown, or rows would mix instances that differ in a
    ///   parameter that is neither a row nor reduced.
    public init(sweep: SweepSpec, result: CheckResult) throws(SweepTableError) {
        typealias Point = (parameters: [String: String], outcome: InstanceOutcome)
        var points: [Point] = []
        var names: [[String]] = []
        for claim in result.claims {
            for instance in claim.instances {
                let named = Self.parameters(of: instance.instance, in: claim.claim, sweep: sweep)
                points.append((named.values, instance))
                names.append(named.names)
            }
        }
        let (rowKeys, keyed) = try Self.rows(sweep: sweep, parameters: points.map(\.parameters), names: names)
        var groups: [(key: [String], points: [Point])] = []
        for (key, members) in keyed { groups.append((key, members.map { points[$0] })) }
        // Rows ordered by each row parameter in turn, its values in the order they first appear.
        let ranks = rowKeys.indices.map { k in
            var rank: [String: Int] = [:]
            for point in points {
                let value = point.parameters[rowKeys[k]] ?? ""
                if rank[value] == nil { rank[value] = rank.count }
            }
            return rank
        }
        groups.sort { a, b in
            for k in rowKeys.indices where a.key[k] != b.key[k] { return ranks[k][a.key[k]]! < ranks[k][b.key[k]]! }
            return false
        }
        let measured = Set(points.flatMap { $0.outcome.measurements.map(\.name) } + [SweepSpec.marginKey])
        for quantity in sweep.quantities where !measured.contains(quantity) {
            throw .unknownQuantity(quantity, known: measured.sorted())
        }

        caption = sweep.caption
        label = sweep.label
        complete = result.isComplete
        let digits = sweep.significantDigits
        columns = rowKeys.map { Column(title: $0 == SweepSpec.precisionKey ? "precision (bits)" : $0, numeric: false) }
        for (index, quantity) in sweep.quantities.enumerated() {
            let title = index < sweep.quantityLabels.count ? sweep.quantityLabels[index] : quantity
            if sweep.reduceOver != nil {
                columns += ["min", "median", "max"].map { Column(title: "\(title) (\($0))", numeric: true) }
            } else {
                columns.append(Column(title: title, numeric: true))
            }
            columns.append(Column(title: "± error", numeric: true))
        }
        columns.append(Column(title: "verdict", numeric: false))
        rows = groups.map { group in
            var cells = group.key
            for quantity in sweep.quantities {
                let values = group.points.compactMap { Self.measurement(quantity, of: $0.outcome) }
                let sorted = values.sorted { Self.order($0.value) < Self.order($1.value) }
                let picks = sweep.reduceOver != nil
                    ? [sorted.first, sorted.isEmpty ? nil : sorted[(sorted.count - 1) / 2], sorted.last]
                    : [sorted.first]
                cells += picks.map { $0.map { SignificantDigits.round($0.value, digits: digits) } ?? "—" }
                let largestError = values.map(\.error).max { Self.order($0) < Self.order($1) }
                cells.append(largestError.map { SignificantDigits.round($0, digits: 2, rounding: .up) } ?? "—")
            }
            // In the fixed order of `Verdict.allCases` (PASS before FAIL …), whatever order the instances ran in.
            let present = Set(group.points.map(\.outcome.verdict))
            cells.append(Verdict.allCases.filter(present.contains).map(\.rawValue).joined(separator: "/"))
            return cells
        }
        var sentences = ["Numbers to \(digits) significant digits; ± error is the error estimate (the difference from "
                         + "a run at 64 more bits, plus the method error where the kind reports one, such as the "
                         + "unknown truncation error of fixed steps)"]
        if let reduce = sweep.reduceOver {
            sentences.append("min, median (lower middle) and max are over \(reduce), ± error the largest among them")
        }
        if !complete { sentences.append("INCOMPLETE: the run was interrupted and some instances are missing") }
        note = sentences.joined(separator: "; ") + "."
    }

    /// Checks, before a sweep runs, everything about its table that does not need results: the row parameters and
    /// `reduce_over` exist, every varying parameter is a row or reduced, and no two instances share a row unless
    /// reduced. (The quantities are the instances' measurements, known only once one has run.)
    ///
    /// - Throws: `SweepTableError` as the table itself would, after the whole run.
    public static func checkLayout(sweep: SweepSpec, claims: [ClaimSpec]) throws(SweepTableError) {
        var parameters: [[String: String]] = [], names: [[String]] = []
        for claim in claims {
            for instance in claim.instances {
                let named = Self.parameters(of: instance, in: claim, sweep: sweep)
                parameters.append(named.values)
                names.append(named.names)
            }
        }
        _ = try rows(sweep: sweep, parameters: parameters, names: names)
    }

    /// The parameters of an instance by name, as the table shows them (with the precision when the sweep varies it),
    /// and their names in report order.
    private static func parameters(of instance: InstanceSpec, in claim: ClaimSpec,
                                   sweep: SweepSpec) -> (values: [String: String], names: [String]) {
        var parameters: [String: String] = [:]
        if !sweep.precisions.isEmpty { parameters[SweepSpec.precisionKey] = String(claim.numerics.precision) }
        for entry in instance.parameters.reportEntries { parameters[entry.name] = entry.value }
        return (parameters, [SweepSpec.precisionKey] + instance.parameters.reportEntries.map(\.name))
    }

    /// The row parameters, and the rows (their values and the indices of their points, in first-appearance order).
    private static func rows(sweep: SweepSpec, parameters points: [[String: String]], names: [[String]])
        throws(SweepTableError) -> (keys: [String], rows: [(key: [String], members: [Int])]) {
        var order: [String] = []
        for (point, pointNames) in zip(points, names) {
            for name in pointNames where point[name] != nil && !order.contains(name) { order.append(name) }
        }
        let varying = order.filter { name in Set(points.map { $0[name] ?? "" }).count > 1 }
        let rowKeys = sweep.rows.isEmpty ? varying.filter { $0 != sweep.reduceOver } : sweep.rows
        for key in rowKeys + [sweep.reduceOver].compactMap({ $0 }) where !order.contains(key) {
            throw .unknownParameter(key, known: order)
        }
        if let stray = varying.first(where: { !rowKeys.contains($0) && $0 != sweep.reduceOver }) {
            throw .unlistedParameter(stray)
        }
        var rows: [(key: [String], members: [Int])] = []
        var rowOfKey: [[String]: Int] = [:]
        for (index, point) in points.enumerated() {
            let key = rowKeys.map { point[$0] ?? "" }
            if let row = rowOfKey[key] { rows[row].members.append(index) } else {
                rowOfKey[key] = rows.count
                rows.append((key, [index]))
            }
        }
        if sweep.reduceOver == nil, let crowded = rows.first(where: { $0.members.count > 1 }) {
            throw .severalInstancesPerRow(row: zip(rowKeys, crowded.key).map { "\($0)=\($1)" }.joined(separator: ", "))
        }
        return (rowKeys, rows)
    }

    /// The measurement `name` of an outcome (the margin for `margin`), when it has one.
    static func measurement(_ name: String, of outcome: InstanceOutcome) -> Measurement? {
        name == SweepSpec.marginKey ? outcome.margin : outcome.measurements.first { $0.name == name }
    }

    /// A sort key for decimal text: its exact value (unparsable text sorts last).
    static func order(_ text: String) -> Rational {
        (try? Rational(parsing: text)) ?? Rational(numerator: BigInt(10).power(400), denominator: 1)
    }
}

/// Why a sweep's results do not make a table.
public enum SweepTableError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `quantities` names something no instance measured.
    case unknownQuantity(String, known: [String])
    /// `rows` or `reduce_over` names a parameter that the instances do not have.
    case unknownParameter(String, known: [String])
    /// A parameter varies but is neither a row nor reduced, so rows would mix instances.
    case unlistedParameter(String)
    /// Several instances fall in one row and nothing reduces them.
    case severalInstancesPerRow(row: String)

    /// A one-line message.
    public var description: String {
        switch self {
        case let .unknownQuantity(name, known):
            return "sweep.quantities: no instance measured \"\(name)\"; measured: \(known.joined(separator: ", "))"
        case let .unknownParameter(name, known):
            return "sweep: \"\(name)\" is not a parameter of the instances; they have: \(known.joined(separator: ", "))"
        case let .unlistedParameter(name):
            return "sweep: the parameter \"\(name)\" varies; list it in sweep.rows or set sweep.reduce_over to it"
        case let .severalInstancesPerRow(row):
            return "sweep: several instances share the row \(row); set sweep.reduce_over (e.g. \"seed\") or add a row"
        }
    }
}
