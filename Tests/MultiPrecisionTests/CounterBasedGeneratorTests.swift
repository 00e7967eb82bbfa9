import MultiPrecision
import Testing

/// The counter-based generator: Philox-4×32-10 against the published known answers, determinism of every draw
/// under any evaluation order and precision, and chi-square tests at fixed seeds. The counts and statistics are those
/// printed by scripts/stochastic/generator_reference.py, an independent Python implementation (its output is
/// committed next to it as generator_reference.txt); the critical values are scipy's chi2.ppf(0.999, df).
@Suite struct CounterBasedGeneratorTests {
    @Test func philoxKnownAnswers() {
        // Random123's kat_vectors for philox4x32_10: counter, key, output.
        let cases: [(Philox4x32.Block, (UInt32, UInt32), Philox4x32.Block)] = [
            ((0, 0, 0, 0), (0, 0), (0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8)),
            ((.max, .max, .max, .max), (.max, .max), (0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd)),
            ((0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344), (0xa409_3822, 0x299f_31d0),
             (0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1)),
        ]
        for (counter, key, expected) in cases {
            let output = Philox4x32.block(counter: counter, key: key)
            #expect([output.0, output.1, output.2, output.3] == [expected.0, expected.1, expected.2, expected.3])
        }
    }

    /// The exact chi-square statistic Σ (O − E)²/E of equal expected counts.
    static func chiSquare(_ counts: [Int], expected: Int) -> Rational {
        counts.reduce(Rational(0)) { sum, c in sum + Rational((c - expected) * (c - expected)) } / Rational(expected)
    }

    @Test func uniformIntegersOneSite() {
        var site = CounterBasedGenerator(seed: 2026, step: 0, stream: .minibatch)
        var counts = [Int](repeating: 0, count: 10)
        for _ in 0..<100_000 { counts[site.uniform(below: 10)] += 1 }
        #expect(counts == [10045, 9933, 9952, 9846, 10009, 10206, 10143, 9935, 9997, 9934])
        let statistic = Self.chiSquare(counts, expected: 10_000)
        #expect(statistic == Rational(numerator: 10409, denominator: 1000))
        #expect(statistic < Rational("27.877165")!)                 // χ²₉ at 99.9 %: not rejected
    }

    @Test func uniformIntegersOneDrawPerStep() {
        var counts = [Int](repeating: 0, count: 6)
        for k in 0..<60_000 {
            var site = CounterBasedGenerator(seed: 99, step: UInt64(k), stream: .minibatch)
            counts[site.uniform(below: 6)] += 1
        }
        #expect(counts == [10125, 10024, 9871, 9919, 10059, 10002])
        let statistic = Self.chiSquare(counts, expected: 10_000)
        #expect(statistic == Rational(numerator: 5361, denominator: 1250))
        #expect(statistic < Rational("20.515006")!)                 // χ²₅ at 99.9 %
    }

    @Test func fisherYatesPermutationsAreUniform() {
        var index: [[Int]: Int] = [:]
        func permutations(_ items: [Int]) -> [[Int]] {
            items.count <= 1 ? [items] : items.indices.flatMap { i in
                permutations(items.enumerated().filter { $0.offset != i }.map(\.element)).map { [items[i]] + $0 }
            }
        }
        for (i, p) in permutations([0, 1, 2, 3]).enumerated() { index[p] = i }   // itertools' lexicographic order
        var counts = [Int](repeating: 0, count: 24)
        for epoch in 0..<24_000 {
            var site = CounterBasedGenerator(seed: 5, step: UInt64(epoch), stream: .epochPermutation)
            counts[index[StochasticDraws.permutation(4, using: &site)]!] += 1
        }
        #expect(counts == [1020, 1014, 992, 992, 999, 983, 978, 1031, 1051, 1012, 1006, 956, 939, 994, 1023, 983,
                           1035, 970, 993, 1004, 1002, 1008, 992, 1023])
        let statistic = Self.chiSquare(counts, expected: 1_000)
        #expect(statistic == Rational(numerator: 7301, denominator: 500))
        #expect(statistic < Rational("49.728232")!)                 // χ²₂₃ at 99.9 %
    }

    @Test func gaussiansFallInDecilesEvenly() {
        let edges = ["-1.2815515655446004", "-0.84162123357291418", "-0.52440051270804089", "-0.25334710313579972",
                     "0", "0.25334710313579972", "0.52440051270804067", "0.8416212335729143", "1.2815515655446004"]
            .map { Rational($0)! }
        let draws = StochasticDraws.gaussians(seed: 11, step: 0, count: 20_000)
        #expect(draws[0] == Rational("15729377303856222017/36893488147419103232")!)
        #expect(draws[1] == Rational("-14442410568591484601/9223372036854775808")!)
        var counts = [Int](repeating: 0, count: 10)
        for d in draws { counts[edges.filter { d > $0 }.count] += 1 }
        #expect(counts == [2023, 2001, 2017, 1883, 2012, 2011, 2037, 2020, 2033, 1963])
        let statistic = Self.chiSquare(counts, expected: 2_000)
        #expect(statistic == Rational(numerator: 19, denominator: 2))
        #expect(statistic < Rational("27.877165")!)                 // χ²₉ at 99.9 %
    }

    @Test func gaussiansHaveTheSameBitsAtEveryPrecision() {
        let reference = StochasticDraws.gaussians(seed: 3, step: 17, count: 9)
        for bits in [24, 53, 64, 256, 1024] {
            #expect(withPrecision(bits) { StochasticDraws.gaussians(seed: 3, step: 17, count: 9) } == reference)
        }
        // An odd count is the prefix of the next even one: a draw never depends on how many are asked for.
        #expect(Array(StochasticDraws.gaussians(seed: 3, step: 17, count: 10).prefix(9)) == reference)
    }

    @Test func drawsDoNotDependOnEvaluationOrder() async {
        func batch(_ k: Int) -> [Int] {
            StochasticDraws.minibatch(seed: 42, step: k, size: 3, count: 10, sampling: .withReplacement)
                + StochasticDraws.minibatch(seed: 42, step: k, size: 3, count: 10, sampling: .withoutReplacement)
                + StochasticDraws.minibatch(seed: 42, step: k, size: 3, count: 10, sampling: .epochs)
                + StochasticDraws.signs(seed: 42, step: k, count: 4)
        }
        let forward = (0..<50).map(batch)
        let backward = (0..<50).reversed().map(batch).reversed()
        #expect(Array(backward) == forward)
        // Concurrently, in whatever order the tasks run (as under --jobs N, or in shards).
        let concurrent = await withTaskGroup(of: (Int, [Int]).self) { group in
            for k in (0..<50).shuffled() { group.addTask { (k, batch(k)) } }
            var result = [[Int]](repeating: [], count: 50)
            for await (k, draws) in group { result[k] = draws }
            return result
        }
        #expect(concurrent == forward)
        // Different seeds, steps and streams give different draws.
        #expect(StochasticDraws.signs(seed: 42, step: 0, count: 64) != StochasticDraws.signs(seed: 43, step: 0, count: 64))
        #expect(StochasticDraws.signs(seed: 42, step: 0, count: 64) != StochasticDraws.signs(seed: 42, step: 1, count: 64))
        #expect(StochasticDraws.signs(seed: 42, step: 0, count: 64, stream: .labelNoise)
                != StochasticDraws.signs(seed: 42, step: 0, count: 64, stream: .gradientNoise))
    }

    @Test func minibatchRules() {
        for k in 0..<40 {
            let without = StochasticDraws.minibatch(seed: 8, step: k, size: 4, count: 7, sampling: .withoutReplacement)
            #expect(Set(without).count == 4 && without.allSatisfy { (0..<7).contains($0) })
            let with = StochasticDraws.minibatch(seed: 8, step: k, size: 7, count: 7, sampling: .withReplacement)
            #expect(with.count == 7 && with.allSatisfy { (0..<7).contains($0) })
        }
        // Reshuffled epochs: ⌊7/3⌋ = 2 batches per epoch, disjoint, from one permutation per epoch.
        for epoch in 0..<10 {
            let first = StochasticDraws.minibatch(seed: 8, step: 2 * epoch, size: 3, count: 7, sampling: .epochs)
            let second = StochasticDraws.minibatch(seed: 8, step: 2 * epoch + 1, size: 3, count: 7, sampling: .epochs)
            var site = CounterBasedGenerator(seed: 8, step: UInt64(epoch), stream: .epochPermutation)
            #expect(first + second == Array(StochasticDraws.permutation(7, using: &site).prefix(6)))
        }
        // A full batch without replacement is every index once.
        #expect(StochasticDraws.minibatch(seed: 1, step: 0, size: 5, count: 5, sampling: .withoutReplacement).sorted()
                == [0, 1, 2, 3, 4])
    }

    @Test func rejectionHasNoModuloBias() {
        // n = 3·2⁶¹: 2⁶⁴ mod n = 2⁶², so a plain x mod n would hit the first two thirds of 0..<n with weight 3/8
        // each and the last with 2/8 (11 250, 11 250, 7 500 of 30 000). With rejection the thirds are even.
        let n = 3 << 61
        var site = CounterBasedGenerator(seed: 1, step: 0, stream: .minibatch)
        var thirds = [0, 0, 0]
        for _ in 0..<30_000 { thirds[site.uniform(below: n) / (1 << 61)] += 1 }
        #expect(thirds.allSatisfy { abs($0 - 10_000) < 400 })     // 4σ of a binomial(30000, 1/3) is ≈ 326
    }
}
