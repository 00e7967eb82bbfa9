import LinearAlgebra
import MultiPrecision

// Implementation goals, in order of priority:
// 1. The reference x_α is the exact root of the dual equation to working precision, however it is reached:
//    damped Newton (globally convergent on the convex dual), then full Newton steps until the residual stops
//    falling, so the result does not depend on a tolerance guess.
// 2. The certificate residual is the Euclidean distance to range(Aᵀ), by the normal equations of the small m × m
//    system A·Aᵀ (m ≤ n, A of full row rank); rounding enters once per product.

/// The implicit bias of a diagonal linear network (docs/theory.md §4.2–§4.3), evaluated in `BigFloat`: the
/// certificate map, the distance to range(Aᵀ), and the reference limit by Newton's method on the dual equation.
///
/// The gradient-flow limit x_∞ minimizes Σ α^N q_N(x_i/α^N) on {Ax = y}; equivalently it interpolates and
///
///     φ(x_∞) ∈ range(Aᵀ),   φ(x) = arcsinh(x/(2α²)) (N = 2),   φ(x) = h_N^{−1}(x/α^N) (N ≥ 3).
///
/// The reference solves A·x(Aᵀλ) = y for λ ∈ ℝ^m with x(z) = 2α² sinh(z) (N = 2) or α^N h_N(z) (N ≥ 3).
///
/// ```swift
/// let bias = DiagonalNetworkImplicitBias(flow: flow)
/// let x = try bias.reference()                   // x_α at the task's precision
/// try bias.distanceToRowSpace(bias.certificate(x))   // ≈ 0
/// ```
public struct DiagonalNetworkImplicitBias: Sendable {
    /// The problem.
    public let flow: DiagonalNetworkFlow

    /// Creates the evaluator for `flow`'s A, y, α and N.
    public init(flow: DiagonalNetworkFlow) { self.flow = flow }

    /// A rounded to the current precision.
    public var roundedA: Matrix<BigFloat> {
        Matrix(rows: flow.a.rowCount, columns: flow.a.columnCount) { i, j in BigFloat(flow.a[i, j]) }
    }

    /// A·x − y (rounded; m entries).
    public func residual(_ x: [BigFloat]) -> [BigFloat] { flow.residual(x) }

    /// The certificate vector φ(x): arcsinh(x/(2α²)) for N = 2, h_N^{−1}(x/α^N) for N ≥ 3 (componentwise, rounded).
    /// The ℓ-th entry equals (4s)_ℓ resp. (N(N−2)α^{N−2}s)_ℓ along the flow.
    ///
    /// - Throws: `DiagonalNetworkError.nonFiniteArgument` for a non-finite x.
    public func certificate(_ x: [BigFloat]) throws(DiagonalNetworkError) -> [BigFloat] {
        let scale = BigFloat(flow.outputScale)
        if flow.depth == 2 {
            let two = BigFloat(2)
            return x.map { BigFloat.asinh($0 / (two * scale)) }
        }
        var result: [BigFloat] = []
        for xi in x { result.append(try Self.inverseH(xi / scale, depth: flow.depth)) }
        return result
    }

    /// h_N(z) = (1−z)^{−N/(N−2)} − (1+z)^{−N/(N−2)} on (−1, 1), N ≥ 3.
    public static func h(_ z: BigFloat, depth n: Int) -> BigFloat {
        let e = BigFloat(Rational(numerator: BigInt(-n), denominator: BigInt(n - 2)))
        let one = BigFloat(1)
        return BigFloat.pow(one - z, e) - BigFloat.pow(one + z, e)
    }

    /// h_N′(z) = (N/(N−2))[(1−z)^{−2(N−1)/(N−2)} + (1+z)^{−2(N−1)/(N−2)}] > 0.
    public static func hDerivative(_ z: BigFloat, depth n: Int) -> BigFloat {
        let e = BigFloat(Rational(numerator: BigInt(-2 * (n - 1)), denominator: BigInt(n - 2)))
        let c = BigFloat(Rational(numerator: BigInt(n), denominator: BigInt(n - 2)))
        let one = BigFloat(1)
        return c * (BigFloat.pow(one - z, e) + BigFloat.pow(one + z, e))
    }

    /// h_N^{−1}(ξ) ∈ (−1, 1): Newton's method safeguarded by bisection on the bracket (−1, 1) (h_N is odd and strictly
    /// increasing onto ℝ), to working precision.
    ///
    /// - Throws: `DiagonalNetworkError.nonFiniteArgument` for a non-finite ξ.
    public static func inverseH(_ xi: BigFloat, depth n: Int) throws(DiagonalNetworkError) -> BigFloat {
        guard xi.isFinite else { throw .nonFiniteArgument }
        if xi.isZero { return BigFloat(0) }
        let negative = xi < BigFloat(0)
        let target = negative ? -xi : xi
        var low = BigFloat(0), high = BigFloat(1)
        var z = BigFloat(Rational(numerator: 1, denominator: 2))
        // Each pass either halves the bracket or takes a Newton step inside it; 4·p passes are far more than the
        // quadratic phase needs, and bisection alone would reach the precision in p passes.
        for _ in 0..<(4 * z.precision) {
            let f = h(z, depth: n) - target
            if f.isZero { break }
            if f > BigFloat(0) { high = z } else { low = z }
            var next = z - f / hDerivative(z, depth: n)
            if !(next > low && next < high) { next = (low + high) / BigFloat(2) }
            if next == z { break }
            z = next
        }
        return negative ? -z : z
    }

    /// The Euclidean distance from c to range(Aᵀ): ‖c − Aᵀ(AAᵀ)^{−1}Ac‖₂.
    ///
    /// - Throws: `DiagonalNetworkError.rankDeficient` when AAᵀ is singular.
    public func distanceToRowSpace(_ c: [BigFloat]) throws(DiagonalNetworkError) -> BigFloat {
        try Self.distanceToRowSpace(c, of: flow.a)
    }

    /// The Euclidean distance from c to range(Aᵀ) for A rounded to the current precision, by the normal equations.
    ///
    /// - Throws: `DiagonalNetworkError.rankDeficient` when AAᵀ is singular.
    public static func distanceToRowSpace(_ c: [BigFloat], of exact: Matrix<Rational>) throws(DiagonalNetworkError)
        -> BigFloat
    {
        let a = Matrix(rows: exact.rowCount, columns: exact.columnCount) { i, j in BigFloat(exact[i, j]) }
        let gram = a * a.transposed()
        let ac = (0..<a.rowCount).map { i in (0..<a.columnCount).reduce(BigFloat(0)) { $0 + a[i, $1] * c[$1] } }
        let mu: [BigFloat]
        do { mu = try LUDecomposition(gram).solve(ac) } catch { throw .rankDeficient }
        var sum = BigFloat(0)
        for j in 0..<a.columnCount {
            var projected = BigFloat(0)
            for i in 0..<a.rowCount { projected += a[i, j] * mu[i] }
            let d = c[j] - projected
            sum += d * d
        }
        return BigFloat.sqrt(sum)
    }

    /// The minimum-ℓ2 interpolant Aᵀ(AAᵀ)^{−1}y (the α → ∞ limit).
    ///
    /// - Throws: `DiagonalNetworkError.rankDeficient` when AAᵀ is singular.
    public func minimumNormInterpolant() throws(DiagonalNetworkError) -> [BigFloat] {
        let a = roundedA
        let mu: [BigFloat]
        do { mu = try LUDecomposition(a * a.transposed()).solve(flow.y.map { BigFloat($0) }) } catch {
            throw .rankDeficient
        }
        return (0..<a.columnCount).map { j in (0..<a.rowCount).reduce(BigFloat(0)) { $0 + a[$1, j] * mu[$1] } }
    }

    /// x(z) for the reference: 2α² sinh(z) (N = 2) or α^N h_N(z) (N ≥ 3), and its derivative in z.
    private func primal(_ z: BigFloat) -> (x: BigFloat, dx: BigFloat) {
        let scale = BigFloat(flow.outputScale)
        if flow.depth == 2 {
            let two = BigFloat(2)
            return (two * scale * BigFloat.sinh(z), two * scale * BigFloat.cosh(z))
        }
        return (scale * Self.h(z, depth: flow.depth), scale * Self.hDerivative(z, depth: flow.depth))
    }

    /// The dual objective ψ(λ) = Σ_j H(z_j) − yᵀλ with z = Aᵀλ and H′ = x(·): H = 2α² cosh (N = 2),
    /// α^N (N−2)/2 [(1−z)^{−2/(N−2)} + (1+z)^{−2/(N−2)}] (N ≥ 3); `nil` outside the domain |z| < 1 (N ≥ 3).
    private func dualObjective(_ lambda: [BigFloat], z: [BigFloat]) -> BigFloat? {
        let scale = BigFloat(flow.outputScale)
        var sum = BigFloat(0)
        for zj in z {
            if flow.depth == 2 {
                sum += BigFloat(2) * scale * BigFloat.cosh(zj)
            } else {
                guard BigFloat.abs(zj) < BigFloat(1) else { return nil }
                let n = flow.depth
                let e = BigFloat(Rational(numerator: BigInt(-2), denominator: BigInt(n - 2)))
                let c = BigFloat(Rational(numerator: BigInt(n - 2), denominator: BigInt(2)))
                let one = BigFloat(1)
                sum += scale * c * (BigFloat.pow(one - zj, e) + BigFloat.pow(one + zj, e))
            }
        }
        for i in lambda.indices { sum -= BigFloat(flow.y[i]) * lambda[i] }
        return sum
    }

    /// The reference limit x_α = x(Aᵀλ) with A·x(Aᵀλ) = y, by damped Newton on the strictly convex dual ψ from
    /// λ = 0 (Armijo backtracking), then full Newton steps while ‖A x − y‖ keeps falling.
    ///
    /// - Returns: x_α at the current precision, and the Newton iteration count.
    /// - Throws: `DiagonalNetworkError.rankDeficient` for a singular Newton matrix,
    ///   `.referenceDidNotConverge` when the residual stays above 2^{−(p−16)}·‖y‖ after 500 iterations.
    public func reference() throws(DiagonalNetworkError) -> (x: [BigFloat], iterations: Int) {
        let a = roundedA
        let m = a.rowCount, n = a.columnCount
        var lambda = [BigFloat](repeating: BigFloat(0), count: m)
        func zOf(_ l: [BigFloat]) -> [BigFloat] {
            (0..<n).map { j in (0..<m).reduce(BigFloat(0)) { $0 + a[$1, j] * l[$1] } }
        }
        func norm(_ v: [BigFloat]) -> BigFloat { BigFloat.sqrt(v.reduce(BigFloat(0)) { $0 + $1 * $1 }) }
        let yNorm = norm(flow.y.map { BigFloat($0) })
        let precision = yNorm.precision
        let target = yNorm.scaled(byPowerOfTwo: -(precision - 16))
        var iterations = 0
        var bestResidual: BigFloat?
        var polishing = 0
        while iterations < 500 {
            iterations += 1
            let z = zOf(lambda)
            let values = z.map(primal)
            let r = residual(values.map(\.x))
            let rNorm = norm(r)
            if rNorm <= target {
                polishing += 1
                if let best = bestResidual, !(rNorm < best) || polishing > 3 { break }
            }
            if let best = bestResidual, rNorm >= best, rNorm <= target { break }
            bestResidual = bestResidual.map { BigFloat.minimum($0, rNorm) } ?? rNorm
            let jacobian = Matrix(rows: m, columns: m) { i, k in
                (0..<n).reduce(BigFloat(0)) { $0 + a[i, $1] * values[$1].dx * a[k, $1] }
            }
            let step: [BigFloat]
            do { step = try LUDecomposition(jacobian).solve(r) } catch { throw .rankDeficient }
            // Far from the root: backtrack on the dual objective; close to it (residual below 2^{−40}‖y‖, where
            // ψ differences drown in rounding): full steps, which converge quadratically.
            if rNorm > yNorm.scaled(byPowerOfTwo: -40), let psi = dualObjective(lambda, z: z) {
                let slope = zip(r, step).reduce(BigFloat(0)) { $0 + $1.0 * $1.1 }
                var t = BigFloat(1)
                var accepted = false
                for _ in 0..<200 {
                    let trial = zip(lambda, step).map { $0 - t * $1 }
                    if let trialPsi = dualObjective(trial, z: zOf(trial)),
                       trialPsi <= psi - BigFloat(Rational(numerator: 1, denominator: 10_000)) * t * slope {
                        lambda = trial
                        accepted = true
                        break
                    }
                    t = t / BigFloat(2)
                }
                if !accepted { break }
            } else {
                lambda = zip(lambda, step).map { $0 - $1 }
            }
        }
        let x = zOf(lambda).map { primal($0).x }
        let finalResidual = norm(residual(x))
        guard finalResidual <= target else {
            throw .referenceDidNotConverge(iterations: iterations, residual: finalResidual.scientific(significantDigits: 3))
        }
        return (x, iterations)
    }
}
