import MultiPrecision

/// A data symbol redrawn at every step of a map: the per-step randomness of stochastic gradient descent. The entries
/// at step k are a function of (seed, k, stream) only, through the counter-based Philox generator of
/// `StochasticDraws`, and they are exact rationals, so a realization is the same at every working precision, under
/// any number of jobs, and in exact arithmetic.
///
/// - `minibatch(sampling)`: an m × b selection matrix S with S[iⱼ, j] = scale for the b indices i₀, …, i_{b−1} of
///   the step's minibatch among 0..<m (with or without replacement, or reshuffled epochs) and 0 elsewhere, so that
///   X S and Y S are the minibatch's columns (a repeated index gives a repeated column);
/// - `gaussian`: independent standard normal entries (dyadic rationals, 64 significant bits) times scale;
/// - `rademacher`: independent signs ±1 (each with probability 1/2) times scale.
public struct ConjectureDraw: Hashable, Sendable {
    /// The law of the entries.
    public enum Law: Hashable, Sendable {
        /// A selection matrix of minibatch indices (rows: samples, columns: batch positions).
        case minibatch(MinibatchSampling)
        /// Standard normal entries.
        case gaussian
        /// Signs ±1.
        case rademacher
    }

    /// The law.
    public var law: Law
    /// The realization's seed.
    public var seed: UInt64
    /// The factor multiplying every entry.
    public var scale: Rational

    /// A draw.
    public init(law: Law, seed: UInt64, scale: Rational = 1) {
        self.law = law
        self.seed = seed
        self.scale = scale
    }

    /// Why a draw of this law cannot have the shape rows × columns, or `nil` when it can.
    public func problem(rows: Int, columns: Int) -> String? {
        if case .minibatch = law, columns > rows {
            return "a minibatch of \(columns) distinct positions among \(rows) samples is impossible: the shape is [samples, batch] with batch ≤ samples"
        }
        return nil
    }

    /// The entries at step `step`, row-major (rows × columns).
    ///
    /// - Precondition: ``problem(rows:columns:)`` is `nil`.
    public func values(rows: Int, columns: Int, step: Int) -> [Rational] {
        switch law {
        case .minibatch(let sampling):
            var entries = Array(repeating: Rational(0), count: rows * columns)
            let indices = StochasticDraws.minibatch(seed: seed, step: step, size: columns, count: rows, sampling: sampling)
            for (j, i) in indices.enumerated() { entries[i * columns + j] = scale }
            return entries
        case .gaussian:
            return StochasticDraws.gaussians(seed: seed, step: step, count: rows * columns, stream: .gradientNoise).map { scale * $0 }
        case .rademacher:
            return StochasticDraws.signs(seed: seed, step: step, count: rows * columns, stream: .labelNoise).map { scale * Rational($0) }
        }
    }
}
