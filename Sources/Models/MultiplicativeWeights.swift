import Dynamics
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

    /// What one run measured. The per-step reductions cover the steps t ≥ `from` of the run.
    public struct Trajectory: Sendable {
        /// KL_0 at the start.
        public var initialKL: BigFloat
        /// KL_T after the last step (direct evaluation).
        public var finalKL: BigFloat
        /// ΔKL_t = KL_t − KL_{t−1} for t = 1 … T by the identity ln Z_x + ln Z_y (index t − 1); empty unless the run
        /// was asked to record them.
        public var identityChanges: [BigFloat] = []
        /// ΔKL_t by direct subtraction of the computed KL values (index t − 1); recorded likewise.
        public var directChanges: [BigFloat] = []
        /// ‖x_T − x*‖_1 + ‖y_T − y*‖_1.
        public var finalDistance: BigFloat
        /// KL_t at the checkpoint steps asked for (direct), by step.
        public var checkpoints: [Int: BigFloat]
        /// The iterates (x_t, y_t) at step 0 and at the checkpoint steps, by step.
        public var iterates: [Int: (x: [BigFloat], y: [BigFloat])] = [:]
        /// ΔKL_1 by the identity.
        public var firstChange: BigFloat
        /// The step t ≥ `from` of the largest ΔKL_t (identity), and that change.
        public var largestChange: (step: Int, value: BigFloat)
        /// The largest ΔKL_t, t ≥ `from`, by direct subtraction.
        public var largestDirectChange: BigFloat
        /// The first step t ≥ `from` with ΔKL_t > 0 (identity), or 0 when there is none.
        public var firstIncrease: Int
        /// Steps with ΔKL_t > 0: by the identity and by direct subtraction, over all t and over t ≥ `from`.
        public var increases: (identity: Int, direct: Int, identityFrom: Int, directFrom: Int)
        /// max_t |identity − direct|.
        public var largestDiscrepancy: BigFloat
        /// Whether all steps ran (not stopped by the time limit).
        public var completed = true
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

    /// Runs `steps` steps of `MultiplicativeWeightsMap` from the uniform start through `iterate` at the task-local
    /// default precision, measuring KL_t = Σ x*_i (ln x*_i − ln x_{t,i}) + (same for y) after every step and reducing
    /// the changes on the fly (nothing is allocated per step unless `recordChanges`).
    ///
    /// - Parameters:
    ///   - steps: the number of steps.
    ///   - from: the first step of the reductions (`largestChange`, `firstIncrease`, …).
    ///   - checkpoints: steps at which KL_t and the iterates are recorded.
    ///   - recordChanges: also keep every ΔKL_t (identity and direct).
    ///   - timeLimit: stop early (the result's `completed` is then `false`).
    ///   - progress: called once per step with the step.
    public func run(steps: Int, from: Int = 1, checkpoints: Set<Int> = [], recordChanges: Bool = true,
                    timeLimit: Duration? = nil, progress: @escaping (Int) -> Void = { _ in }) throws -> Trajectory {
        let map = MultiplicativeWeightsMap(self)
        let n = game.size, bits = Precision.current
        let xStar = game.equilibriumX.map { BigFloat($0) }, yStar = game.equilibriumY.map { BigFloat($0) }
        var start = map.initialState.map { BigFloat($0) }
        let logUniform = BigFloat.log(start[0])
        for i in (2 * n)..<(4 * n) { start[i].set(logUniform) }
        // The observer's state lives behind one pointer: the per-step updates then need no dynamic exclusivity check
        // on captured variables (an escaping closure's boxes).
        let reduction = UnsafeMutablePointer<KLReduction>.allocate(capacity: 1)
        reduction.initialize(to: KLReduction(stars: xStar + yStar, n: n, start: start, from: from))
        defer { reduction.deinitialize(count: 1); reduction.deallocate() }
        if recordChanges {
            reduction.pointee.trajectory.identityChanges.reserveCapacity(steps)
            reduction.pointee.trajectory.directChanges.reserveCapacity(steps)
        }
        let observer = Observer<BigFloat>(.everyStep) { sample in
            let t = sample.step
            guard t >= 1 else { return }
            reduction.pointee.observe(sample.state, step: t, from: from, recordChanges: recordChanges,
                                      checkpoint: checkpoints.contains(t))
            progress(t)
        }
        var options = MapOptions(precision: bits)
        options.timeLimit = timeLimit
        let result = try iterate(MapProblem(map: map, initialState: map.initialState, steps: steps),
                                 scalar: BigFloat.self, options: options, observers: [observer])
        var trajectory = reduction.pointee.trajectory
        trajectory.finalKL = reduction.pointee.previous
        trajectory.completed = result.termination.isSuccess
        var distance = BigFloat(0)
        for i in 0..<n {
            distance += BigFloat.abs(result.state[i] - xStar[i]) + BigFloat.abs(result.state[n + i] - yStar[i])
        }
        trajectory.finalDistance = distance
        return trajectory
    }

    /// The running KL reductions of `run`: KL_t from the state's ln x, ln y blocks, its change, and the trajectory's
    /// reductions, updated in place once per step (nothing allocated per step unless changes are recorded).
    private struct KLReduction {
        /// x*, y* and their logarithms, preallocated.
        let stars: [BigFloat], logStars: [BigFloat]
        let n: Int
        /// KL_t (after `kl`), KL_{t−1}, a difference, the direct change, |identity − direct|.
        var total = BigFloat(0), previous = BigFloat(0), d = BigFloat(0), change = BigFloat(0), gap = BigFloat(0)
        /// What the run measured so far.
        var trajectory: Trajectory

        /// The reductions at the state `start` (KL_0) of an n × n game with equilibrium `stars` = (x*, y*).
        init(stars: [BigFloat], n: Int, start: [BigFloat], from: Int) {
            self.stars = stars
            logStars = stars.map { BigFloat.log($0) }
            self.n = n
            let uniform = { (_: BigFloat) in BigFloat(Rational(numerator: 1, denominator: BigInt(n))) }
            trajectory = Trajectory(
                initialKL: BigFloat(0), finalKL: BigFloat(0), finalDistance: BigFloat(0), checkpoints: [:],
                iterates: [0: (stars[0..<n].map(uniform), stars[n...].map(uniform))],
                firstChange: BigFloat(0), largestChange: (from, BigFloat(0)), largestDirectChange: BigFloat(0),
                firstIncrease: 0, increases: (0, 0, 0, 0), largestDiscrepancy: BigFloat(0))
            kl(start)
            trajectory.initialKL = total + 0
            trajectory.finalKL = trajectory.initialKL
            previous = trajectory.initialKL + 0
        }

        /// KL into `total`, from the state's ln x, ln y blocks.
        mutating func kl(_ state: [BigFloat]) {
            total.setZero()
            for i in 0..<n {
                d.formDifference(logStars[i], state[2 * n + i]); total.addProduct(stars[i], d)
                d.formDifference(logStars[n + i], state[3 * n + i]); total.addProduct(stars[n + i], d)
            }
        }

        /// Folds in the state after step t ≥ 1.
        mutating func observe(_ state: [BigFloat], step t: Int, from: Int, recordChanges: Bool, checkpoint: Bool) {
            let identity = state[6 * n]
            kl(state)
            change.formDifference(total, previous)
            swap(&previous, &total)
            if t == 1 { trajectory.firstChange.set(identity) }
            if recordChanges { trajectory.identityChanges.append(identity + 0); trajectory.directChanges.append(change + 0) }
            if identity.signum > 0 {  // (signum, not `> 0`: no BigFloat zero made per step)
                trajectory.increases.identity += 1
                if t >= from {
                    trajectory.increases.identityFrom += 1
                    if trajectory.firstIncrease == 0 { trajectory.firstIncrease = t }
                }
            }
            if change.signum > 0 { trajectory.increases.direct += 1; if t >= from { trajectory.increases.directFrom += 1 } }
            if t == from || (t > from && identity > trajectory.largestChange.value) {
                trajectory.largestChange.step = t; trajectory.largestChange.value.set(identity)
            }
            if t == from || (t > from && change > trajectory.largestDirectChange) { trajectory.largestDirectChange.set(change) }
            gap.formDifference(identity, change); gap.formMagnitude()
            if gap > trajectory.largestDiscrepancy { trajectory.largestDiscrepancy.set(gap) }
            if checkpoint {
                trajectory.checkpoints[t] = previous + 0
                trajectory.iterates[t] = (Array(state[0..<n]).map { $0 + 0 }, Array(state[n..<(2 * n)]).map { $0 + 0 })
            }
        }
    }
}
