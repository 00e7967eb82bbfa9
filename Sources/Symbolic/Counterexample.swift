import LinearAlgebra
import MultiPrecision

/// Concrete exact values on which the two sides of an identity differ, with everything needed to reproduce them.
public struct Counterexample: Sendable {
    /// The seed of the ``RandomizedCheck`` that found it.
    public let seed: UInt64
    /// The trial (0-based) that found it.
    public let trial: Int
    /// The symbols, in the order they print.
    public let symbols: [Symbol]
    /// The sizes and values.
    public let assignment: Assignment
    /// The value of the left side.
    public let lhs: NumericValue
    /// The value of the right side.
    public let rhs: NumericValue

    /// A counterexample with these values.
    public init(seed: UInt64, trial: Int, symbols: [Symbol], assignment: Assignment, lhs: NumericValue, rhs: NumericValue) {
        self.seed = seed
        self.trial = trial
        self.symbols = symbols
        self.assignment = assignment
        self.lhs = lhs
        self.rhs = rhs
    }

    /// The sizes as `d0 = 2, d1 = 3`.
    public var sizesDescription: String {
        let names = assignment.relevantDimensions.isEmpty
            ? assignment.dimensions.keys.sorted { _Naming.naturalLess($0, $1) } : assignment.relevantDimensions
        return names.compactMap { name in assignment.dimensions[name].map { "\(name) = \($0)" } }
            .joined(separator: ", ")
    }
}

extension Counterexample: CustomStringConvertible {
    /// Several lines: the seed and sizes, each symbol's value, then both sides.
    public var description: String {
        var lines = ["counterexample (seed \(seed), trial \(trial)): \(sizesDescription)"]
        func block(_ label: String, _ value: NumericValue) {
            let rows = value.description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let indent = String(repeating: " ", count: label.count + 3)
            lines.append("  \(label) = \(rows[0])")
            for row in rows.dropFirst() { lines.append("  " + indent + row) }
        }
        let width = symbols.map { $0.description.count }.max() ?? 1
        for symbol in symbols {
            let label = symbol.description + String(repeating: " ", count: max(0, width - symbol.description.count))
            if let m = assignment.matrices[symbol] { block(label, .matrix(m)) }
            if let c = assignment.scalars[symbol] { block(label, .scalar(c)) }
        }
        block("left side ", lhs)
        block("right side", rhs)
        return lines.joined(separator: "\n")
    }
}
