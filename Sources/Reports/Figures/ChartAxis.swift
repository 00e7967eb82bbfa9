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
            // Halves throughout: high − low itself overflows for data spanning ±1.7e308.
            if high / 2 - low / 2 <= Swift.abs(high / 2) * 2e-12 || high == low {
                let pad = high == 0 ? 1 : Swift.abs(high) * 0.1
                low = Swift.max(low - pad, -Double.greatestFiniteMagnitude)
                high = Swift.min(high + pad, Double.greatestFiniteMagnitude)
            }
            let step = Self.niceStep((high / 2 - low / 2) / 3)
            // Ends on multiples of the step, kept inside the finite numbers.
            var first = Foundation.floor(low / step) * step, last = Foundation.ceil(high / step) * step
            if !first.isFinite { first = Foundation.ceil(low / step) * step }
            if !last.isFinite { last = Foundation.floor(high / step) * step }
            lower = Swift.min(first, low)
            upper = Swift.max(last, high)
            let steps = (last / step - first / step).rounded()
            let count = steps.isFinite ? Int(Swift.max(0, Swift.min(100, steps))) : 0
            ticks = (0...count).map { first + Double($0) * step }
        }
    }

    /// 1, 2 or 5 times a power of ten, at least `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough.isFinite, rough > 0 else { return 1 }
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
        (position / 2 - lower / 2) / (upper / 2 - lower / 2)
    }

    /// The fraction 0…1 of the way along the axis of a data value.
    func fraction(_ value: Double) -> Double {
        fraction(ofCoordinate: coordinate(value))
    }
}
