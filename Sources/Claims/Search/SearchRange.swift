import MultiPrecision

/// The range of one searched parameter, from `[search.ranges]`.
public struct SearchRange: Sendable {
    /// The parameter's name.
    public var parameter: String
    /// What is drawn.
    public var domain: Domain

    /// The set a value is drawn from.
    public enum Domain: Sendable {
        /// An integer, uniform in the range: `depth = [2, 4]`.
        case integer(ClosedRange<Int>)
        /// A rational k/D with k uniform among the integers that keep it in [minimum, maximum]:
        /// `step_size = ["1/100", "1/2"]` or `{ min = …, max = …, denominator = D }`.
        case rational(minimum: Rational, maximum: Rational, denominator: Int)
        /// A list of integers: length uniform in `length`, each entry uniform in `entries`.
        case integerList(length: ClosedRange<Int>, entries: ClosedRange<Int>)
        /// A matrix of small rationals k/D, k uniform with k/D in `entries`; the shape from integers or from other
        /// (integer) parameters of the same instance.
        case matrix(rows: Extent, columns: Extent, entries: ClosedRange<Rational>, denominator: Int)
        /// One of the listed values, uniformly (the first is the simplest, for shrinking).
        case values([ParameterValue])
    }

    /// A matrix dimension: a number, or the value of an integer parameter of the instance.
    public enum Extent: Sendable, Equatable {
        /// A fixed size.
        case fixed(Int)
        /// The value of this integer parameter.
        case parameter(String)
    }

    /// The lower end, for a parameter that the claim file leaves out (the base instance then takes it).
    public var simplestValue: ParameterValue? {
        switch domain {
        case let .integer(range): return .integer(range.lowerBound)
        case let .rational(minimum, _, _): return .rational(minimum)
        case let .integerList(length, entries): return .integerList(Array(repeating: entries.lowerBound, count: length.lowerBound))
        case .matrix: return nil
        case let .values(list): return list.first
        }
    }
}
