import MultiPrecision

/// Least-squares fits at the current precision.
public enum LeastSquares {
    /// The slope b of the least-squares line y ≈ a + b·x through the points (x_i, y_i):
    /// b = Σ (x_i − x̄)(y_i − ȳ) / Σ (x_i − x̄)² (a rate, when x and y are logarithms).
    ///
    /// - Precondition: as many y as x, and at least two distinct x (otherwise the quotient is NaN).
    public static func slope(x: [BigFloat], y: [BigFloat]) -> BigFloat {
        let n = BigFloat(x.count), meanX = x.reduce(BigFloat(0), +) / n, meanY = y.reduce(BigFloat(0), +) / n
        let dx = x.map { $0 - meanX }
        return zip(dx, y).reduce(BigFloat(0)) { $0 + $1.0 * ($1.1 - meanY) } / dx.reduce(BigFloat(0)) { $0 + $1 * $1 }
    }

    /// The slopes of the secants through consecutive points, (y_{k+1} − y_k)/(x_{k+1} − x_k) for k < n − 1 (local
    /// rates, or observed orders of convergence, when x and y are logarithms).
    ///
    /// - Precondition: as many y as x, consecutive x distinct.
    public static func localSlopes(x: [BigFloat], y: [BigFloat]) -> [BigFloat] {
        (0..<max(x.count - 1, 0)).map { k in (y[k + 1] - y[k]) / (x[k + 1] - x[k]) }
    }
}
