/// How a step of stochastic gradient descent chooses its sample indices among 0..<m.
public enum MinibatchSampling: String, Sendable, CaseIterable, Codable {
    /// b indices drawn independently and uniformly (repeats possible).
    case withReplacement = "with-replacement"
    /// b distinct indices, uniform among all b-subsets: the first b entries of a uniform random permutation.
    case withoutReplacement = "without-replacement"
    /// Reshuffled epochs: epoch e is a uniform random permutation π_e of 0..<m, cut into ⌊m/b⌋ consecutive
    /// batches (the last m mod b indices are left out of that epoch); step k uses batch k mod ⌊m/b⌋ of epoch
    /// ⌊k / ⌊m/b⌋⌋.
    case epochs = "epochs"
}

/// The draws of stochastic dynamics from a counter-based generator: every function reads only the draw site
/// (seed, step, stream), so results never depend on the order in which steps, seeds or instances are evaluated.
public enum StochasticDraws {
    /// A uniform random permutation of 0..<m by Fisher–Yates (Durstenfeld's form): for i = m−1 down to 1, swap
    /// entry i with entry j, j uniform in 0...i (by `uniform(below:)`, without modulo bias).
    public static func permutation(_ m: Int, using generator: inout CounterBasedGenerator) -> [Int] {
        var order = Array(0..<m)
        var i = m - 1
        while i > 0 {
            order.swapAt(i, generator.uniform(below: i + 1))
            i -= 1
        }
        return order
    }

    /// The minibatch of step `step` for the realization `seed`: `size` indices in 0..<`count`, by `sampling`.
    ///
    /// - Precondition: 1 ≤ size ≤ count (also for sampling with replacement, so that one parameter means the
    ///   same under every rule).
    public static func minibatch(seed: UInt64, step: Int, size: Int, count: Int,
                                 sampling: MinibatchSampling) -> [Int] {
        precondition(size >= 1 && size <= count, "minibatch: size \(size) for \(count) samples")
        switch sampling {
        case .withReplacement:
            var generator = CounterBasedGenerator(seed: seed, step: UInt64(step), stream: .minibatch)
            return (0..<size).map { _ in generator.uniform(below: count) }
        case .withoutReplacement:
            var generator = CounterBasedGenerator(seed: seed, step: UInt64(step), stream: .minibatch)
            var order = Array(0..<count)
            for i in 0..<size {                         // the first `size` swaps of a forward Fisher–Yates
                order.swapAt(i, i + generator.uniform(below: count - i))
            }
            return Array(order[0..<size])
        case .epochs:
            let perEpoch = count / size
            let epoch = step / perEpoch, position = step % perEpoch
            var generator = CounterBasedGenerator(seed: seed, step: UInt64(epoch), stream: .epochPermutation)
            let order = permutation(count, using: &generator)
            return Array(order[(position * size)..<((position + 1) * size)])
        }
    }

    /// Rademacher signs ε_i ∈ {−1, +1} (each with probability 1/2), one per index, from stream `stream` at `step`:
    /// label noise y_i + σ ε_i stays exact.
    public static func signs(seed: UInt64, step: Int, count: Int,
                             stream: CounterBasedGenerator.Stream = .labelNoise) -> [Int] {
        var generator = CounterBasedGenerator(seed: seed, step: UInt64(step), stream: stream)
        return (0..<count).map { _ in generator.next32() & 1 == 0 ? -1 : 1 }
    }
}
