import Dynamics
import LinearAlgebra
import Models
import MultiPrecision

/// What every diagonal-network kind reads and runs: the exact A and y, the depth N, the stopping rule, and the
/// gradient-flow limit x_∞, approximated by x(t) at the first time ‖Ax − y‖ = target·‖y‖ (a terminal event of the
/// exact reduced s-ODE, docs/theory.md §4.1, integrated by the `TrajectorySampler` with the Taylor method).
public struct DiagonalNetworkProblem {
    static let a = Parameter<MatrixSource>("A", .model, type: .matrix, variable: false,
        help: "the m × n measurement matrix (m < n), exact; full row rank")
    static let y = Parameter<MatrixSource>("y", .model, type: .matrix, variable: false,
        help: "the m measurements, as one row or one column, exact")
    static let depth = Parameter<Int>("depth", .model, 2...8, default: 2, help: "the depth N of x = u^{⊙N} − v^{⊙N}")
    static let maxTime = Parameter<Rational>.positive("max_time", .dynamics, default: 10_000,
        help: "the time horizon; reaching it before the target is an ERROR (no convergence seen)")

    /// The event's target, with the kind's default.
    static func target(default value: Rational) -> Parameter<Rational> {
        .positive("target_residual", .dynamics, default: value,
                  help: "the event stops the flow when ‖Ax − y‖ ≤ target_residual·‖y‖")
    }

    /// A, exact.
    let a: Matrix<Rational>
    /// y, exact, as a list of m entries.
    let y: [Rational]

    /// Reads A and y.
    ///
    /// - Throws: `ParameterProblem` when A or y is not exact or y does not fit A.
    init(_ p: InstanceParameters) throws(ParameterProblem) {
        guard case let .exact(a, _) = p[Self.a] else {
            throw ParameterProblem(key: "A", .invalidValue("A must be given exactly (inline or a file)"))
        }
        self.a = a
        y = try Self.vector(p, Self.y, entries: a.rowCount)
    }

    /// An exact vector parameter of `entries` entries, written as one row or one column.
    static func vector(_ p: InstanceParameters, _ parameter: Parameter<MatrixSource>,
                       entries: Int) throws(ParameterProblem) -> [Rational] {
        let key = parameter.spec.name
        guard case let .exact(m, origin) = p[parameter] else {
            throw ParameterProblem(key: key, .invalidValue("\(key) must be given exactly (inline or a file)"))
        }
        guard m.rowCount == 1 || m.columnCount == 1, m.elements.count == entries else {
            throw ParameterProblem(key: key, .dimensionMismatch(
                "\(key) (\(origin)) is \(m.shape); it needs \(entries) entries in one row or one column"))
        }
        return m.elements
    }

    /// x_ℓ2 = Aᵀ(AAᵀ)^{−1}y, the minimum-ℓ2 interpolant, exactly.
    var minimumNormInterpolant: [Rational] {
        get throws {
            let mu: [Rational]
            do { mu = try LUDecomposition(a * a.transposed()).solve(y) } catch { throw DiagonalNetworkError.rankDeficient }
            return (0..<a.columnCount).map { j in (0..<a.rowCount).reduce(Rational(0)) { $0 + a[$1, j] * mu[$1] } }
        }
    }

    /// ‖v‖₂.
    static func norm(_ v: [BigFloat]) -> BigFloat { BigFloat.sqrt(v.reduce(BigFloat(0)) { $0 + $1 * $1 }) }

    /// ‖x − z‖₂/‖z‖₂.
    static func relativeDistance(_ x: [BigFloat], _ z: [BigFloat]) -> BigFloat { norm(zip(x, z).map { $0 - $1 }) / norm(z) }

    /// ‖v‖₁.
    static func l1(_ v: [BigFloat]) -> BigFloat { v.reduce(BigFloat(0)) { $0 + BigFloat.abs($1) } }

    /// The end of a run: x at the event (or at the horizon, when the target was not reached) and its time.
    struct Limit {
        var x: [BigFloat], time: BigFloat, reachedTarget: Bool
        var statistics: [String: String]

        /// The time the run ended, named alike whether the event fired or the horizon came first.
        var timeQuantity: Quantity { Quantity("t (end: the event, or the horizon)", .rounded(time)) }
    }

    /// Throws `DiagonalNetworkClaimError.targetBelowPrecision` unless target > 2^{−(p−32)}: the residual cannot fall
    /// much below the rounding of A·x at p bits, and 32 bits of room keep the event reachable.
    static func checkReachable(target: Rational, bits: Int) throws(DiagonalNetworkClaimError) {
        guard target > Rational(numerator: 1, denominator: BigInt(1) << (bits - 32)) else { throw .targetBelowPrecision(bits: bits) }
    }

    /// Integrates `flow` at the context's precision until ‖Ax − y‖ = target·‖y‖ or the horizon `maxTime`.
    ///
    /// - Throws: `DiagonalNetworkClaimError.noConvergence` when `required` and the horizon comes first; the
    ///   sampler's errors.
    static func limit(_ flow: some ReducedDiagonalFlow, target: Rational, maxTime: Rational, required: Bool = true,
                      context: EvaluationContext) throws -> Limit {
        let threshold = BigFloat(target) * norm(flow.y.map { BigFloat($0) })
        let stop = Event<BigFloat>("‖Ax − y‖ = target·‖y‖", direction: .falling) { _, s in
            norm(flow.residual(flow.effectiveVector(s))) - threshold
        }
        let run = try TrajectorySampler(context, label: "gradient-flow").flow(
            flow, from: flow.initialState, to: maxTime, at: [], events: [stop])
        var limit = Limit(x: flow.effectiveVector(run.final), time: BigFloat(maxTime), reachedTarget: false,
                          statistics: run.statistics.merging(["end": "horizon, target not reached"]) { _, b in b })
        if let event = run.events.first {
            limit.time = event.time
            limit.reachedTarget = true
            limit.statistics["end"] = "event"
        } else if required {
            throw DiagonalNetworkClaimError.noConvergence(maxTime)
        }
        return limit
    }
}
