import LinearAlgebra
import MultiPrecision

/// Optimistic (OMWU) and plain (MWU) multiplicative weights on a `ZeroSumGame`, in Attest's convention (x
/// minimizes, y maximizes), run in `BigFloat` at the task's precision by an allocation-light loop in the log
/// domain (the recipe of docs/benchmark-problems.md P2):
///
///     OMWU: x_{t+1,i} ∝ x_{t,i} exp(−η(2(Ay_t)_i − (Ay_{t−1})_i)),  y_{t+1,j} ∝ y_{t,j} exp(+η(2(Aᵀx_t)_j − (Aᵀx_{t−1})_j))
///     MWU:  x_{t+1,i} ∝ x_{t,i} exp(−η(Ay_t)_i),                    y_{t+1,j} ∝ y_{t,j} exp(+η(Aᵀx_t)_j)
///
/// with x_{−1} = x_0, y_{−1} = y_0 (so the first OMWU step is an MWU step). Along the way it measures
/// KL_t = KL(x*‖x_t) + KL(y*‖y_t) directly (from ln x_t, ln y_t) and each step's change by the exact identity of
/// docs/theory.md §3.4, ΔKL_t = ln Z_x + ln Z_y, with the exponents shifted by the value v (which leaves the identity
/// exact) and evaluated as log1p(Σ x_i expm1(u_i)), so that no O(1) quantities cancel.
public struct MultiplicativeWeights: Sendable {
    /// Which update rule.
    public enum Method: String, Sendable, CaseIterable {
        /// Optimistic multiplicative weights (Daskalakis & Panageas 2019, eq. (5), in Attest's convention).
        case omwu
        /// Plain simultaneous multiplicative weights.
        case mwu
    }

    /// What one run measured.
    public struct Trajectory: Sendable {
        /// KL_0 at the start.
        public var initialKL: BigFloat
        /// KL_T after the last step (direct evaluation).
        public var finalKL: BigFloat
        /// ΔKL_t = KL_t − KL_{t−1} for t = 1 … T by the identity ln Z_x + ln Z_y (index t − 1).
        public var identityChanges: [BigFloat]
        /// ΔKL_t by direct subtraction of the computed KL values (index t − 1).
        public var directChanges: [BigFloat]
        /// ‖x_T − x*‖_1 + ‖y_T − y*‖_1.
        public var finalDistance: BigFloat
        /// KL_t at the checkpoint steps asked for (direct), by step.
        public var checkpoints: [Int: BigFloat]
        /// The iterates (x_t, y_t) at step 0 and at the checkpoint steps, by step.
        public var iterates: [Int: (x: [BigFloat], y: [BigFloat])] = [:]
    }

    /// The game.
    public let game: ZeroSumGame
    /// The update rule.
    public let method: Method
    /// The step size η > 0 (exact; rounded once to the working precision).
    public let stepSize: Rational

    /// Creates the dynamics.
    public init(game: ZeroSumGame, method: Method, stepSize: Rational) {
        self.game = game
        self.method = method
        self.stepSize = stepSize
    }

    /// Runs `steps` steps from the uniform start at the task-local default precision.
    ///
    /// - Parameters:
    ///   - steps: the number of steps.
    ///   - checkpoints: steps at which KL_t is recorded.
    ///   - checkpoint: called once per step (timeouts, cancellation); its error is rethrown.
    public func run(steps: Int, checkpoints: Set<Int> = [], checkpoint: () throws -> Void = {}) rethrows -> Trajectory {
        let n = game.size
        let a = (0..<n).map { i in (0..<n).map { j in BigFloat(game.payoff[i, j]) } }
        let eta = BigFloat(stepSize), v = BigFloat(game.value)
        let xStar = game.equilibriumX.map { BigFloat($0) }, yStar = game.equilibriumY.map { BigFloat($0) }
        let logXStar = xStar.map { BigFloat.log($0) }, logYStar = yStar.map { BigFloat.log($0) }
        let uniform = BigFloat(Rational(numerator: 1, denominator: BigInt(n)))
        var x = Array(repeating: uniform, count: n), y = x
        var lx = Array(repeating: BigFloat.log(uniform), count: n), ly = lx
        var g = Array(repeating: BigFloat(0), count: n), h = g, gPrev = g, hPrev = g
        var u = g, e = g, scratch = BigFloat(0), sum = BigFloat(0), onePlus = BigFloat(0)
        func products() {
            for i in 0..<n {
                g[i].setZero(); h[i].setZero()
                for j in 0..<n { g[i].addProduct(a[i][j], y[j]); h[i].addProduct(a[j][i], x[j]) }
            }
        }
        func kl() -> BigFloat {
            var total = BigFloat(0), d = BigFloat(0)
            for i in 0..<n {
                d.formDifference(logXStar[i], lx[i]); total.addProduct(xStar[i], d)
                d.formDifference(logYStar[i], ly[i]); total.addProduct(yStar[i], d)
            }
            return total
        }
        /// One player's update: exponents u_i = sign·η((2g − g_prev)_i − v) (or g_i − v for MWU); returns ln Z.
        func update(_ p: inout [BigFloat], _ lp: inout [BigFloat], _ cur: [BigFloat], _ prev: [BigFloat],
                    sign: Int) -> BigFloat {
            sum.setZero()
            for i in 0..<n {
                switch method {
                case .omwu: u[i].formSum(cur[i], cur[i]); u[i].subtract(prev[i])
                case .mwu: u[i].set(cur[i])
                }
                u[i].subtract(v); u[i].multiply(by: eta); u[i].multiply(by: sign)
                e[i] = BigFloat.expMinusOne(u[i])
                sum.addProduct(p[i], e[i])
            }
            let logZ = BigFloat.log(onePlus: sum)
            onePlus.set(sum); onePlus.add(1)
            for i in 0..<n {
                lp[i].add(u[i]); lp[i].subtract(logZ)
                scratch.set(e[i]); scratch.add(1)
                p[i].multiply(by: scratch); p[i].divide(by: onePlus)
            }
            return logZ
        }
        // +1; −1 only under the test-only `ModelMutation.negatedMaximizerPayoff`.
        let maximizerSign = ModelMutation.active == .negatedMaximizerPayoff ? -1 : 1
        products()
        gPrev = g; hPrev = h
        let initialKL = kl()
        var previousKL = initialKL
        var identity: [BigFloat] = [], direct: [BigFloat] = []
        identity.reserveCapacity(steps); direct.reserveCapacity(steps)
        var recorded: [Int: BigFloat] = [:]
        var iterates: [Int: (x: [BigFloat], y: [BigFloat])] = [0: (x, y)]
        for t in 1...max(steps, 1) where steps > 0 {
            try checkpoint()
            if t > 1 { products() }
            let logZx = update(&x, &lx, g, gPrev, sign: -1)
            let logZy = update(&y, &ly, h, hPrev, sign: maximizerSign)
            identity.append(logZx + logZy)
            let current = kl()
            direct.append(current - previousKL)
            previousKL = current
            if checkpoints.contains(t) { recorded[t] = current; iterates[t] = (x, y) }
            for i in 0..<n { gPrev[i].set(g[i]); hPrev[i].set(h[i]) }
        }
        var distance = BigFloat(0)
        for i in 0..<n { distance += BigFloat.abs(x[i] - xStar[i]) + BigFloat.abs(y[i] - yStar[i]) }
        var trajectory = Trajectory(initialKL: initialKL, finalKL: previousKL, identityChanges: identity,
                                    directChanges: direct, finalDistance: distance, checkpoints: recorded)
        trajectory.iterates = iterates
        return trajectory
    }
}
