import LinearAlgebra
import MultiPrecision

/// The random instances of a search: attempt a draws every searched parameter from its range with a generator
/// seeded by (search seed, a) alone, so any attempt can be reproduced without the ones before it. Attempts the kind
/// rejects (parameters that do not fit together) are skipped; the others are the draws, numbered in order.
public struct SearchDraws: Sendable {
    /// The base instance (the sections' values and defaults).
    public var base: InstanceParameters
    /// The search.
    public var search: SearchSpec
    /// The claim kind, which validates each draw.
    public var kind: any ClaimKind

    /// Creates the draws of `search` around `base`.
    public init(base: InstanceParameters, search: SearchSpec, kind: any ClaimKind) {
        self.base = base
        self.search = search
        self.kind = kind
    }

    /// The generator of attempt `attempt`.
    static func generator(seed: Int, attempt: Int) -> SeededGenerator {
        var mixer = SeededGenerator(seed: UInt64(truncatingIfNeeded: seed))
        return SeededGenerator(seed: mixer.next() ^ (UInt64(truncatingIfNeeded: attempt) &* 0xD1B5_4A32_D192_ED03))
    }

    /// The parameters of attempt `attempt`, or `nil` when the kind rejects them.
    public func parameters(attempt: Int) -> InstanceParameters? {
        var rng = Self.generator(seed: search.seed, attempt: attempt)
        var values = base.values
        var order = base.order
        func set(_ name: String, _ value: ParameterValue) {
            values[name] = value
            if !order.contains(name) { order.append(name) }
        }
        // Scalars and lists first, in file order; then matrices, whose shapes may name the scalars.
        for range in search.ranges {
            switch range.domain {
            case let .integer(r): set(range.parameter, .integer(rng.uniform(in: r)))
            case let .rational(minimum, maximum, denominator):
                set(range.parameter, .rational(Self.drawRational(in: minimum...maximum, denominator: denominator, &rng)))
            case let .integerList(length, entries):
                let n = rng.uniform(in: length)
                set(range.parameter, .integerList((0..<n).map { _ in rng.uniform(in: entries) }))
            case let .values(list): set(range.parameter, list[rng.uniform(in: 0...(list.count - 1))])
            case .matrix: break
            }
        }
        for range in search.ranges {
            guard case let .matrix(rowsExtent, columnsExtent, entries, denominator) = range.domain else { continue }
            func size(_ extent: SearchRange.Extent) -> Int? {
                switch extent {
                case let .fixed(n): return n
                case let .parameter(name):
                    if case let .integer(n)? = values[name], n >= 1 { return n }
                    return nil
                }
            }
            guard let rows = size(rowsExtent), let columns = size(columnsExtent) else { return nil }
            var entriesDrawn: [Rational] = []
            for _ in 0..<(rows * columns) { entriesDrawn.append(Self.drawRational(in: entries, denominator: denominator, &rng)) }
            let matrix = Matrix<Rational>(rows: rows, columns: columns) { i, j in entriesDrawn[i * columns + j] }
            set(range.parameter, .matrix(.exact(matrix, origin: "drawn")))
        }
        guard let drawn = SearchedInstance.rebuilt(InstanceParameters(values: values, order: order), from: base, kind: kind) else {
            return nil
        }
        do { try kind.validate(drawn) } catch { return nil }
        return drawn
    }

    /// k/D with k uniform among the integers with k/D in `range` (the lower end when there is none).
    static func drawRational(in range: ClosedRange<Rational>, denominator: Int, _ rng: inout SeededGenerator) -> Rational {
        let d = BigInt(denominator)
        let low = range.lowerBound * Rational(d), high = range.upperBound * Rational(d)
        let kLow = -((-low.numerator).floorDivided(by: low.denominator))       // ⌈low⌉
        let kHigh = high.numerator.floorDivided(by: high.denominator)            // ⌊high⌋
        guard kLow <= kHigh, let a = Int(exactly: kLow), let b = Int(exactly: kHigh) else { return range.lowerBound }
        return Rational(numerator: BigInt(rng.uniform(in: a...b)), denominator: d)
    }
}
