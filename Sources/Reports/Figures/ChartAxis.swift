import Foundation

/// An axis of a chart: its drawn range and its tick marks, linear ("nice" steps of 1, 2 or 5 times a power of ten)
/// or logarithmic (powers of ten, thinned to at most about eight labels).
struct ChartAxis: Equatable {
    /// The drawn range (in log10 units for a logarithmic axis).
    var lower: Double
    /// The upper end of the drawn range.
    var upper: Double
    /// Whether positions are log10 of the values.
    var logarithmic: Bool
    /// The tick positions, in the axis units.
    var ticks: [Double]

    /// The axis for data in `range`.
    init(range: ClosedRange<Double>, logarithmic: Bool) {
        self.logarithmic = logarithmic
        if logarithmic {
            var low = Foundation.floor(Foundation.log10(range.lowerBound))
            var high = Foundation.ceil(Foundation.log10(range.upperBound))
            if high <= low { low -= 1; high += 1 }
            let rough = (high - low) / 8
            let stride = [1.0, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000].first { $0 >= rough } ?? Foundation.ceil(rough)
            let first = Foundation.floor(low / stride) * stride, last = Foundation.ceil(high / stride) * stride
            lower = first
            upper = last
            ticks = Swift.stride(from: first, through: last, by: stride).map { $0 }
        } else {
            var low = range.lowerBound, high = range.upperBound
            if high - low <= Swift.abs(high) * 1e-12 || high == low {
                let pad = high == 0 ? 1 : Swift.abs(high) * 0.1
                low -= pad
                high += pad
            }
            let step = Self.niceStep((high - low) / 6)
            let first = Foundation.floor(low / step) * step, last = Foundation.ceil(high / step) * step
            lower = first
            upper = last
            let count = Int(((last - first) / step).rounded())
            ticks = (0...count).map { first + Double($0) * step }
        }
    }

    /// 1, 2 or 5 times a power of ten, at least `rough`.
    static func niceStep(_ rough: Double) -> Double {
        let power = Foundation.pow(10, Foundation.floor(Foundation.log10(rough)))
        for factor in [1.0, 2, 5, 10] where factor * power >= rough * 0.999 { return factor * power }
        return 10 * power
    }

    /// The axis coordinate of a data value.
    func coordinate(_ value: Double) -> Double {
        logarithmic ? Foundation.log10(value) : value
    }

    /// The fraction 0…1 of the way along the axis of a position in axis units (a tick).
    func fraction(ofCoordinate position: Double) -> Double {
        (position - lower) / (upper - lower)
    }

    /// The fraction 0…1 of the way along the axis of a data value.
    func fraction(_ value: Double) -> Double {
        fraction(ofCoordinate: coordinate(value))
    }
}
