import CMPFR
import Dynamics
import Foundation
import LinearAlgebra
import MultiPrecision

/// One step of OMWU or MWU (see `MultiplicativeWeights`) as a `DiscreteMap` in the log domain, so that it runs
/// through `iterate`. The state holds, for an n × n game, the blocks
///
///     x, y (the strategies), ln x, ln y, g = A y_{t−1}, h = Aᵀ x_{t−1} (the previous payoffs), ΔKL,
///
/// except that at the start the logarithm blocks hold 0 = ln(n x_0) (the start must be exact; ln(1/n) is not), and the
/// first step adds ln(1/n), rounded, before its increment, as a run started at ln(1/n) would; likewise the first
/// step reads its own rounded g_0, h_0 as the previous payoffs (x_{−1} = x_0), not the exact ones of the start.
/// where ΔKL is the change KL_t − KL_{t−1} of the step that made the state, by the exact identity
/// ln Z_x + ln Z_y (0 at the start). One step: g_t = A y_t, h_t = Aᵀ x_t; u_i = −η((2g_t − g_{t−1})_i − v)
/// (OMWU; (g_t)_i − v for MWU), e_i = expm1(u_i), S = Σ x_i e_i, ln Z_x = log1p(S), ln x_i += u_i − ln Z_x,
/// x_i ← x_i (1 + e_i)/(1 + S); likewise for y with +η and h. In `BigFloat` the step runs on constants and
/// work values preallocated once per precision, with in-place MPFR operations: nothing is allocated per step.
public struct MultiplicativeWeightsMap: DiscreteMap, @unchecked Sendable {
    // Sendable: the workspace is used under its lock; a run that finds it busy takes the generic path.
    /// The dynamics (game, rule, step size).
    public let dynamics: MultiplicativeWeights
    private let workspace = Workspace()
    /// The sign of the maximizer's payoff in its exponent: +1, the game; −1, the maximizer descends too.
    public let maximizerSign: Int

    /// The map of `dynamics`; `maximizerSign = -1` turns the maximizer into a second minimizer (a defect that the
    /// mutation tests inject, so that the KL claims FAIL).
    public init(_ dynamics: MultiplicativeWeights, maximizerSign: Int = 1) {
        self.dynamics = dynamics
        self.maximizerSign = maximizerSign < 0 ? -1 : 1
    }

    /// 6n + 1.
    public var dimension: Int { 6 * dynamics.game.size + 1 }

    /// Blocks x, y, ln x, ln y, g, h, ΔKL.
    public var layout: StateLayout {
        let n = dynamics.game.size
        return StateLayout(blocks: ["x", "y", "ln x", "ln y", "A y_prev", "Aᵀx_prev"].map { .vector($0, length: n) }
                           + [.vector("ΔKL", length: 1)])
    }

    /// The uniform start x_0 = y_0 = 1/n (so ln(n x_0) = 0) with x_{−1} = x_0, exact.
    public var initialState: [Rational] {
        let n = dynamics.game.size, a = dynamics.game.payoff
        let uniform = Rational(numerator: 1, denominator: BigInt(n))
        let g = (0..<n).map { i in (0..<n).reduce(Rational(0)) { $0 + a[i, $1] * uniform } }
        let h = (0..<n).map { j in (0..<n).reduce(Rational(0)) { $0 + a[$1, j] * uniform } }
        return Array(repeating: uniform, count: 2 * n) + Array(repeating: Rational(0), count: 2 * n) + g + h + [0]
    }

    /// Writes the next state.
    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        if T.self == BigFloat.self, workspace.lock.try() {
            defer { workspace.lock.unlock() }
            let constants = workspace.constants(for: dynamics, precision: Precision.current)
            let current = unsafeBitCast(history[0], to: [BigFloat].self)
            // The step works on raw pointers to the vectors' entries: no array bounds, uniqueness or exclusivity check
            // per arithmetic operation.
            current.withUnsafeBufferPointer { s in
                next.withUnsafeMutableBufferPointer { out in
                    constants.step(UnsafeRawPointer(s.baseAddress!).assumingMemoryBound(to: BigFloat.self),
                                   into: UnsafeMutableRawPointer(out.baseAddress!).assumingMemoryBound(to: BigFloat.self),
                                   maximizerSign: maximizerSign, first: k == 0)
                }
            }
            return
        }
        genericStep(history[0], into: &next, first: k == 0)
    }

    /// The same step in value arithmetic (`Double`, or a concurrent `BigFloat` run).
    private func genericStep<T: IntegrationScalar>(_ s: [T], into next: inout [T], first: Bool) {
        let n = dynamics.game.size, a = dynamics.game.payoff
        let eta = T(dynamics.stepSize), v = T(dynamics.game.value), optimistic = dynamics.method == .omwu
        var logZ = T(0)
        for player in 0..<2 {
                    let sign = player == 0 ? -1 : maximizerSign
            let (p, lp, prev) = (player * n, (2 + player) * n, (4 + player) * n)
            for i in 0..<n {
                var payoff = T(0)
                for j in 0..<n {
                    payoff = payoff + (player == 0 ? T(a[i, j]) * s[n + j] : T(a[j, i]) * s[j])
                }
                next[prev + i] = payoff
            }
            var sum = T(0), e = [T](), u = [T]()
            for i in 0..<n {
                let current = next[prev + i]
                let drive = (optimistic ? current + current - (first ? current : s[prev + i]) : current) - v
                u.append(T(sign) * eta * drive)
                e.append(T.expMinusOne(u[i]))
                sum = sum + s[p + i] * e[i]
            }
            let z = T.log(onePlus: sum)
            logZ = logZ + z
            for i in 0..<n {
                next[lp + i] = (first ? T.log(T(Rational(numerator: 1, denominator: BigInt(n)))) : s[lp + i]) + u[i] - z
                next[p + i] = s[p + i] * (T(1) + e[i]) / (T(1) + sum)
            }
        }
        next[6 * n] = logZ
    }

    /// The constants and work values of one precision.
    final class Workspace: @unchecked Sendable {
        let lock = NSLock()
        private var cached: Constants?

        func constants(for dynamics: MultiplicativeWeights, precision: Int) -> Constants {
            if let c = cached, c.precision == precision { return c }
            let c = Constants(dynamics, precision: precision)
            cached = c
            return c
        }
    }

    /// A, η, v, ln(1/n) at one precision (`BigFloat`s read through their `mpfr_t`), and the work values u, e, S,
    /// ln Z, 1 + S of one step as raw `mpfr_t`s, all allocated once. A step calls MPFR directly on gathered operand
    /// pointers, exactly the calls the in-place `BigFloat` methods make: no retain of an operand, no uniqueness or
    /// exclusivity check per operation, except one uniqueness check per write into the next state.
    final class Constants {
        let precision: Int, n: Int, optimistic: Bool
        /// A row-major (n²), η, v, ln(1/n).
        private let constants: [BigFloat]
        /// Their `mpfr_t`s (stable while `constants` lives), read only.
        private let constantPointers: UnsafeMutablePointer<UnsafePointer<__mpfr_struct>>
        /// u (n), e (n), S, ln Z, 1 + S, scratch.
        private let work: UnsafeMutablePointer<__mpfr_struct>
        /// e^u − 1 and ln(1 + S) by their series once u and S are small, as they become near the equilibrium: the
        /// same values as `mpfr_expm1` and `mpfr_log1p` (up to 2^−61 ulp), at a fraction of their cost there.
        private let smallArguments: SmallArgumentSeries
        /// The current state's entries' `mpfr_t`s (6n + 1) and the next state's (6n + 1), gathered once per step.
        private let source: UnsafeMutablePointer<UnsafePointer<__mpfr_struct>>, target: UnsafeMutablePointer<UnsafePointer<__mpfr_struct>>
        private var workCount: Int { 2 * n + 4 }

        init(_ dynamics: MultiplicativeWeights, precision: Int) {
            let game = dynamics.game
            self.precision = precision
            let n = game.size
            self.n = n
            optimistic = dynamics.method == .omwu
            let logUniform = BigFloat.log(BigFloat(Rational(numerator: 1, denominator: BigInt(n)), precision: precision))
            constants = (0..<(n * n)).map { BigFloat(game.payoff[$0 / n, $0 % n], precision: precision) }
                + [BigFloat(dynamics.stepSize, precision: precision), BigFloat(game.value, precision: precision), logUniform]
            constantPointers = .allocate(capacity: constants.count)
            for k in constants.indices { constantPointers[k] = constants[k]._unsafeStableMPFRPointer }
            smallArguments = SmallArgumentSeries(precision: precision)
            work = .allocate(capacity: 2 * n + 4)
            for k in 0..<(2 * n + 4) { mpfr_init2(work + k, precision); mpfr_set_zero(work + k, 1) }
            source = .allocate(capacity: 6 * n + 1)
            target = .allocate(capacity: 6 * n + 1)
        }

        deinit {
            for k in 0..<workCount { mpfr_clear(work + k) }
            work.deallocate()
            constantPointers.deallocate()
            source.deallocate()
            target.deallocate()
        }

        /// One step from `s` into `out` (6n + 1 entries each, `out` not aliasing `s`), in place.
        func step(_ s: UnsafePointer<BigFloat>, into out: UnsafeMutablePointer<BigFloat>, maximizerSign: Int, first: Bool) {
            let n = n, optimistic = optimistic, c = constantPointers, source = source, target = target
            let eta = c[n * n], v = c[n * n + 1], logUniform = c[n * n + 2]
            let u = work, e = u + n, sum = e + n, logZ = sum + 1, onePlus = logZ + 1, scratch = onePlus + 1
            for k in 0..<(6 * n + 1) { source[k] = s[k]._unsafeStableMPFRPointer }
            for i in 0..<n {
                out[4 * n + i].withUnsafeMutableMPFRPointer { r in
                    mpfr_set_zero(r, 1)
                    for j in 0..<n { _ = mpfr_fma(r, c[i * n + j], source[n + j], r, MPFR_RNDN) }
                }
                out[5 * n + i].withUnsafeMutableMPFRPointer { r in
                    mpfr_set_zero(r, 1)
                    for j in 0..<n { _ = mpfr_fma(r, c[j * n + i], source[j], r, MPFR_RNDN) }
                }
            }
            for k in (4 * n)..<(6 * n) { target[k] = out[k]._unsafeStableMPFRPointer }
            out[6 * n].withUnsafeMutableMPFRPointer { mpfr_set_zero($0, 1) }
            for player in 0..<2 {
                let sign = player == 0 ? -1 : maximizerSign
                let (p, lp, prev) = (player * n, (2 + player) * n, (4 + player) * n)
                mpfr_set_zero(sum, 1)
                for i in 0..<n {
                    if optimistic {
                        _ = mpfr_add(u + i, target[prev + i], target[prev + i], MPFR_RNDN)
                        _ = mpfr_sub(u + i, u + i, first ? target[prev + i] : source[prev + i], MPFR_RNDN)
                    } else {
                        _ = mpfr_set(u + i, target[prev + i], MPFR_RNDN)
                    }
                    _ = mpfr_sub(u + i, u + i, v, MPFR_RNDN); _ = mpfr_mul(u + i, u + i, eta, MPFR_RNDN)
                    _ = mpfr_mul_si(u + i, u + i, sign, MPFR_RNDN)
                    smallArguments.expMinusOne(e + i, u + i)
                    _ = mpfr_fma(sum, source[p + i], e + i, sum, MPFR_RNDN)
                }
                smallArguments.logOnePlus(logZ, sum)
                out[6 * n].withUnsafeMutableMPFRPointer { _ = mpfr_add($0, $0, logZ, MPFR_RNDN) }
                _ = mpfr_set(onePlus, sum, MPFR_RNDN); _ = mpfr_add_si(onePlus, onePlus, 1, MPFR_RNDN)
                for i in 0..<n {
                    out[lp + i].withUnsafeMutableMPFRPointer { r in
                        _ = mpfr_add(r, first ? logUniform : source[lp + i], u + i, MPFR_RNDN)
                        _ = mpfr_sub(r, r, logZ, MPFR_RNDN)
                    }
                    _ = mpfr_set(scratch, e + i, MPFR_RNDN); _ = mpfr_add_si(scratch, scratch, 1, MPFR_RNDN)
                    out[p + i].withUnsafeMutableMPFRPointer { r in
                        _ = mpfr_mul(r, source[p + i], scratch, MPFR_RNDN)
                        _ = mpfr_div(r, r, onePlus, MPFR_RNDN)
                    }
                }
            }
        }
    }
}
