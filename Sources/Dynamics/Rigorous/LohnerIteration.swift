import MultiPrecision

/// Rigorous iteration of a map with Lohner's QR method, which controls the wrapping effect of plain ball iteration.
///
/// The state set at step t is kept as `c_t + Q_t r_t`: an exact point `c_t` (balls of radius 0 at the working
/// precision p), an exact matrix `Q_t` of `Double`s (nearly orthogonal) and a small ball vector `r_t`. One step,
/// with `J` an enclosure of DF over the box `c_t + Q_t r_t` (the mean-value theorem, row by row):
///
///     F(c_t + Q_t r) ∈ F(c_t) + J Q_t r,
///     c_{t+1} = mid F(c_t),   Q_{t+1} = the Q factor of mid(J Q_t),
///     r_{t+1} = (Q_{t+1}⁻¹ J Q_t) r_t + Q_{t+1}⁻¹ (F(c_t) − c_{t+1}),
///
/// with `Q_{t+1}⁻¹` an enclosure of the exact inverse. Plain balls grow by the absolute Jacobian |J| every step
/// (for OMWU on P2a, about one bit per step: 256 bits are gone after ~200 steps); the rotation in `Q` absorbs the
/// rotation of the dynamics, so `r_t` grows only with the true sensitivity of the orbit. The point `c_t` carries the
/// working precision; `J`, `Q` and `r` are computed at `auxiliaryPrecision` bits (they multiply `r`, which is tiny).
public struct LohnerIteration<Map: RigorousMap> {
    /// The map.
    public let map: Map
    /// The working precision p of the point c_t and of F(c_t).
    public let precision: Int
    /// The precision of the Jacobian, the coordinate changes and r.
    public let auxiliaryPrecision: Int
    /// The exact point c_t.
    public private(set) var center: [Ball]
    /// The coordinate change Q_t (exact doubles).
    public private(set) var basis: BallMatrix
    /// The error coordinates r_t (an n × 1 ball matrix around zero).
    public private(set) var error: BallMatrix
    /// The number of steps taken.
    public private(set) var step = 0
    /// Test hook for mutation tests only: when non-zero, every radius of r_t and of the enclosure is multiplied by
    /// 2^this after each step, which makes the enclosures unsound on purpose (the enclosure tests must then fail).
    public var _radiusExponentForTesting = 0

    private var image: [Ball]

    /// Starts from the box `start` (for example exact inputs enclosed at the working precision).
    public init(map: Map, start: [Ball], precision: Int, auxiliaryPrecision: Int = 64) {
        precondition(start.count == map.dimension, "LohnerIteration: the start has \(start.count) components, not \(map.dimension)")
        self.map = map
        self.precision = precision
        self.auxiliaryPrecision = auxiliaryPrecision
        let n = map.dimension
        center = start.map { Ball(enclosing: $0.midpoint(precision: precision), precision: precision) }
        basis = .identity(n, precision: auxiliaryPrecision)
        error = BallMatrix(rows: n, columns: 1, precision: auxiliaryPrecision)
        for i in 0..<n { error[i, 0] = (start[i] - center[i]).withPrecision(auxiliaryPrecision) }
        image = (0..<n).map { _ in Ball(precision: precision) }
    }

    /// An enclosure of the current state: the box `c_t + Q_t r_t`, at the working precision.
    public var enclosure: [Ball] {
        let offset = basis * error
        return (0..<map.dimension).map { i in
            var b = center[i]
            b.add(offset[i, 0])
            return _radiusExponentForTesting == 0 ? b : b._scalingRadius(byPowerOfTwo: _radiusExponentForTesting)
        }
    }

    /// Takes one step. Returns `false` (and leaves the state unusable) when the coordinate change cannot be inverted
    /// rigorously; the caller then reports the enclosure as too wide.
    public mutating func advance() -> Bool {
        let n = map.dimension
        let box = enclosure
        let jacobian = map.jacobian(on: box, precision: auxiliaryPrecision)
        map.apply(center, into: &image, precision: precision)
        let jq = jacobian * basis
        let next = BallMatrix(exactly: Self.orthonormalColumns(jq.midpointDoubles), precision: auxiliaryPrecision)
        guard let inverse = next.inverse() else { return false }
        var defect = BallMatrix(rows: n, columns: 1, precision: auxiliaryPrecision)
        for i in 0..<n {
            let exactPoint = Ball(enclosing: image[i].midpoint(precision: precision), precision: precision)
            defect[i, 0] = image[i] - exactPoint
            center[i] = exactPoint
        }
        var propagated = BallMatrix(rows: n, columns: n, precision: auxiliaryPrecision)
        propagated.formProduct(inverse, jq)
        var r = propagated * error
        let d = inverse * defect
        for i in 0..<n {
            r[i, 0] = r[i, 0] + d[i, 0]
            if _radiusExponentForTesting != 0 { r[i, 0] = r[i, 0]._scalingRadius(byPowerOfTwo: _radiusExponentForTesting) }
        }
        error = r
        basis = next
        step += 1
        return true
    }

    /// Modified Gram–Schmidt on the columns of `m` (a degenerate column is replaced by a unit vector): the Q factor of
    /// a QR decomposition, in `Double`. Any invertible result is sound (its inverse is enclosed); near-orthogonality
    /// only keeps r small.
    static func orthonormalColumns(_ m: [[Double]]) -> [[Double]] {
        let n = m.count
        var q = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            var v = (0..<n).map { m[$0][j] }
            for k in 0..<j {
                var dot = 0.0
                for i in 0..<n { dot += q[i][k] * v[i] }
                for i in 0..<n { v[i] -= dot * q[i][k] }
            }
            var norm = 0.0
            for i in 0..<n { norm += v[i] * v[i] }
            norm = norm.squareRoot()
            if !(norm > 1e-200) || !norm.isFinite {
                v = [Double](repeating: 0, count: n)
                v[j] = 1
                for k in 0..<j {
                    var dot = 0.0
                    for i in 0..<n { dot += q[i][k] * v[i] }
                    for i in 0..<n { v[i] -= dot * q[i][k] }
                }
                norm = 0
                for i in 0..<n { norm += v[i] * v[i] }
                norm = norm.squareRoot()
            }
            for i in 0..<n { q[i][j] = norm > 0 ? v[i] / norm : (i == j ? 1 : 0) }
        }
        return q
    }
}
