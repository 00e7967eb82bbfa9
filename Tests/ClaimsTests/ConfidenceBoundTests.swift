import Claims
import MultiPrecision
import Testing

/// The confidence bounds of Claims/Statistics against independent references: mpmath roots of the regularized
/// incomplete beta function (cross-checked with scipy), exact binomial coverage sums as fractions, and the closed
/// forms of Hoeffding's and the empirical Bernstein bound, all printed by scripts/stochastic/bounds_reference.py
/// (output committed as bounds_reference.txt). Intervals shrunk by the test hook must fail the coverage check.
@Suite("Statistics: Clopper–Pearson, Hoeffding, empirical Bernstein, statistical verdicts")
struct ConfidenceBoundTests {
    static let resolution = Rational(numerator: 1, denominator: BigInt(1) << 40)
    static let digits = Rational("1e-29")!                // the references' 30 significant digits
    static let ninetyFive = Rational(numerator: 95, denominator: 100)

    @Test("Clopper–Pearson endpoints contain the exact ones and are within 2⁻⁴⁰ of them", arguments: [
        (0, 10, "0.95", "0", "0.308497107818760823906668291141"),
        (10, 10, "0.95", "0.691502892181239176093331708859", "1"),
        (3, 20, "0.95", "0.0320709371854637055881332175503", "0.378926826545313939728785538306"),
        (45, 50, "0.95", "0.781864633565797732986693771314", "0.966724906410977525624022572065"),
        (7, 100, "0.99", "0.0207899303296243124229388958537", "0.162802855584422813512046438473"),
        (50, 50, "0.95", "0.9288782635358023380558362797", "1"),
    ])
    func clopperPearson(_ k: Int, _ n: Int, _ confidence: String, _ lower: String, _ upper: String) {
        let interval = ClopperPearson.interval(successes: k, trials: n, confidence: Rational(confidence)!)
        let lo = Rational(lower)!, hi = Rational(upper)!
        #expect(interval.lower <= lo + Self.digits && interval.lower >= lo - Self.resolution - Self.digits)
        #expect(interval.upper >= hi - Self.digits && interval.upper <= hi + Self.resolution + Self.digits)
        if k == 0 { #expect(interval.lower == 0) }
        if k == n { #expect(interval.upper == 1) }
    }

    /// Whether an interval rule covers p with probability ≥ its confidence (exact binomial sum).
    static func covers(trials n: Int, probability p: Rational, confidence: Rational,
                       _ rule: (Int) -> ConfidenceInterval) -> Bool {
        ClopperPearson.coverage(trials: n, probability: p, interval: rule) >= confidence
    }

    @Test("the exact coverage of Clopper–Pearson at n = 20, p = 3/10 is the reference fraction; shrunk, it fails")
    func clopperPearsonCoverage() {
        let p = Rational(numerator: 3, denominator: 10)
        let rule = { (k: Int) in ClopperPearson.interval(successes: k, trials: 20, confidence: Self.ninetyFive) }
        let coverage = ClopperPearson.coverage(trials: 20, probability: p, interval: rule)
        #expect(coverage == Rational("97521792379454155797/100000000000000000000")!)
        #expect(Self.covers(trials: 20, probability: p, confidence: Self.ninetyFive, rule))
        // The test hook halves every interval: the coverage drops to 0.665 and the check catches it.
        let shrunk = { (k: Int) in rule(k).shrunk(by: Rational(numerator: 1, denominator: 2)) }
        #expect(ClopperPearson.coverage(trials: 20, probability: p, interval: shrunk)
                == Rational("66518499291442946181/100000000000000000000")!)
        #expect(!Self.covers(trials: 20, probability: p, confidence: Self.ninetyFive, shrunk))
        // Coverage holds at every p on a grid (Clopper–Pearson is conservative everywhere).
        for i in 1..<20 {
            #expect(Self.covers(trials: 20, probability: Rational(numerator: BigInt(i), denominator: 20),
                                confidence: Self.ninetyFive, rule))
        }
    }

    @Test("Hoeffding's half-width is the closed form rounded up, and covers Bernoulli(1/2) exactly as computed")
    func hoeffding() {
        for (n, confidence, reference) in [(100, "0.95", "0.1358101515740619498490770260003589871719"),
                                           (40, "0.95", "0.2147347041733687810322428413420385034665"),
                                           (1000, "0.99", "0.05146997846583985446545010673039064391922")] {
            let t = HoeffdingBound.halfWidth(samples: n, rangeLength: 1, confidence: Rational(confidence)!)
            let r = Rational(reference)!
            #expect(t >= r - Rational("1e-39")! && t - r <= Rational("1e-37")!)
        }
        let half = Rational(numerator: 1, denominator: 2)
        let rule = { (k: Int) in
            HoeffdingBound.interval((0..<40).map { $0 < k ? Rational(1) : Rational(0) }, range: 0...1,
                                    confidence: Self.ninetyFive)
        }
        #expect(ClopperPearson.coverage(trials: 40, probability: half, interval: rule)
                == Rational("136555691579/137438953472")!)
        let shrunk = { (k: Int) in rule(k).shrunk(by: Rational(numerator: 3, denominator: 4)) }
        #expect(ClopperPearson.coverage(trials: 40, probability: half, interval: shrunk)
                == Rational("156792967305/274877906944")!)
        #expect(!Self.covers(trials: 40, probability: half, confidence: Self.ninetyFive, shrunk))
        // Seeds needed for a half-width below 1/10 at 95 %: n > ln(40)/(2/100) = 184.4…
        #expect(HoeffdingBound.samplesNeeded(gap: Rational(numerator: 1, denominator: 10), rangeLength: 1,
                                             confidence: Self.ninetyFive) == 185)
    }

    @Test("the empirical Bernstein half-width matches Maurer–Pontil's formula; its coverage holds and fails shrunk")
    func empiricalBernstein() {
        let samples = (0..<50).map { $0 < 25 ? Rational(1) : Rational(0) }
        #expect(EmpiricalBernsteinBound.sampleVariance(samples) == Rational(numerator: 25, denominator: 98))
        let t = EmpiricalBernsteinBound.halfWidth(samples: 50, variance: Rational(numerator: 25, denominator: 98),
                                                  rangeLength: 1, confidence: Self.ninetyFive)
        let r = Rational("0.4201261045988703210162830517410923119294")!
        #expect(t >= r - Rational("1e-39")! && t - r <= Rational("1e-37")!)
        // Small variance: 999 zeros and one 1/100 give an interval far narrower than Hoeffding's (0.0103 against
        // 0.0430: at n = 50 the 7 ln(2/δ)/(3(n − 1)) term would still dominate).
        let quiet = (0..<1000).map { $0 == 0 ? Rational(numerator: 1, denominator: 100) : Rational(0) }
        let eb = EmpiricalBernsteinBound.interval(quiet, range: 0...1, confidence: Self.ninetyFive)
        let hoeffding = HoeffdingBound.interval(quiet, range: 0...1, confidence: Self.ninetyFive)
        #expect(eb.upper < hoeffding.upper / 2)
        let p = Rational(numerator: 1, denominator: 5)
        let rule = { (k: Int) in
            EmpiricalBernsteinBound.interval((0..<30).map { $0 < k ? Rational(1) : Rational(0) }, range: 0...1,
                                             confidence: Self.ninetyFive)
        }
        #expect(Self.covers(trials: 30, probability: p, confidence: Self.ninetyFive, rule))
        #expect(!Self.covers(trials: 30, probability: p, confidence: Self.ninetyFive) {
            rule($0).shrunk(by: Rational(numerator: 9, denominator: 10))
        })
    }

    @Test("verdicts: PASS when the interval is on the claimed side, FAIL when on the other, else INCONCLUSIVE")
    func verdicts() {
        func interval(_ a: String, _ b: String) -> ConfidenceInterval {
            ConfidenceInterval(lower: Rational(a)!, upper: Rational(b)!, confidence: Self.ninetyFive, method: "test")
        }
        let claim = ClaimedSide.atLeast(Rational("0.9")!)
        let pass = StatisticalVerdict(interval: interval("0.92", "0.99"), claim: claim)
        #expect(pass.verdict == .pass && pass.margin == Rational("0.02")! && pass.marginError == nil)
        let fail = StatisticalVerdict(interval: interval("0.5", "0.85"), claim: claim)
        #expect(fail.verdict == .fail && fail.margin == Rational("-0.05")!)
        let open = StatisticalVerdict(interval: interval("0.85", "0.95"), claim: claim)
        #expect(open.verdict == .inconclusive && open.margin == 0 && open.marginError == Rational("0.05")!)
        let mean = StatisticalVerdict(interval: interval("0.1", "0.3"), claim: .atMost(Rational("0.25")!))
        #expect(mean.verdict == .inconclusive)
        #expect(StatisticalVerdict(interval: interval("0.1", "0.2"), claim: .atMost(Rational("0.25")!)).verdict == .pass)
        #expect(StatisticalVerdict(interval: interval("0.3", "0.4"), claim: .atMost(Rational("0.25")!)).verdict == .fail)
        // The engine's rule turns the exact margin and its "error" into the same verdict.
        #expect(VerdictRule.decide(margin: .exact(open.margin), error: BigFloat(open.marginError!, precision: 64)) == .inconclusive)
        // All of 20 seeds succeed: P ≥ 0.9 needs 0.025^{1/n} ≥ 0.9, i.e. n = 36 (reference script).
        let needed = StatisticalVerdict.seedsNeeded(current: 20) { n in
            ClopperPearson.interval(successes: n, trials: n, confidence: Self.ninetyFive).lower >= Rational("0.9")!
        }
        #expect(needed == 36)
    }
}
