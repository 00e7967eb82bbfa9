import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("Series: thinning, non-finite points, error estimates from two precisions")
struct SeriesTests {
    @Test("Thinning keeps the first and last points and evenly spaced ones between")
    func decimation() {
        let x = (0...1000).map(Double.init)
        let series = Series(name: "s", xLabel: "k", yLabel: "y", logarithmic: false, x: x, y: x.map { 2 * $0 },
                            error: x.map { $0 / 4 })
        let thin = series.decimated(to: 11)
        #expect(thin.x == (0...10).map { Double($0 * 100) })
        #expect(thin.y == thin.x.map { 2 * $0 } && thin.error == thin.x.map { $0 / 4 })
        #expect(series.decimated(to: 2000) == series)
    }

    @Test("Non-finite points are left out, so reports stay valid JSON")
    func nonFinite() throws {
        let series = Series(name: "s", xLabel: "k", yLabel: "y", logarithmic: true, x: [0, 1, 2, 3],
                            y: [1, .infinity, .nan, 4])
        #expect(series.x == [0, 3] && series.y == [1, 4])
        _ = try JSONEncoder().encode(series)
    }

    @Test("Each value's error is the difference between the precisions, at least one unit roundoff")
    func errorsFromTwoPrecisions() {
        func evaluation(_ y: [Double]) -> Evaluation {
            Evaluation(quantities: [], margin: .rounded(BigFloat(1)),
                       series: [Series(name: "loss", xLabel: "t", yLabel: "ℓ", logarithmic: true,
                                       x: [0, 1, 2], y: y)])
        }
        let estimate = ErrorEstimate(working: evaluation([1, 0.5, 0.25]), precision: 53,
                                     reference: evaluation([1, 0.5 + 1e-9, 0.25]))
        let errors = estimate.working.series[0].error!
        #expect(errors[0] == 1 * 0x1p-53 && errors[2] == 0.25 * 0x1p-53)
        #expect(errors[1] == (0.5 + 1e-9) - 0.5)  // the two Doubles differ by exactly this
        var recorder = SeriesRecorder(name: "KL", xLabel: "k", yLabel: "KL", logarithmic: true)
        withPrecision(256) { recorder.append(x: 0, y: BigFloat(Rational(numerator: 1, denominator: 3))) }
        #expect(recorder.series.y == [1.0 / 3.0])
    }
}
