import MultiPrecision

/// The samples of a rigorous conjecture run: at each place, enclosures of the entries (row-major) of every
/// sampled expression and, for flows, of the d/dt the monotone properties need.
struct BallSamples {
    /// The places, in order.
    var places: [SamplePlace] = []
    /// Enclosures by expression id (`SampledRun.id(of:)`), one array of entries per place.
    var values: [String: [[Ball]]] = [:]
    /// d/dt enclosures by the observable's id, one per place (flows).
    var derivatives: [String: [[Ball]]] = [:]
    /// Columns of each expression (for entry places).
    var columns: [String: Int] = [:]
    /// Where the run stopped before its end (an enclosure no longer finite, an undecided division), and why.
    var truncated: (place: SamplePlace, reason: String)?

    func series(_ e: SourceText) -> [[Ball]] { values[SampledRun<BigFloat>.id(of: e)] ?? [] }

    /// "k = 3, entry (1, 2)" (no entry for a scalar).
    func place(_ s: Int, entry: Int, of e: SourceText, count: Int) -> String {
        let c = columns[SampledRun<BigFloat>.id(of: e)] ?? 1
        return places[s].description + (count > 1 ? ", entry (\(entry / c + 1), \(entry % c + 1))" : "")
    }
}

/// One enclosed margin of a property: the property holds there when the margin is certainly ≥ 0 (certainly > 0
/// for a strict relation or direction).
struct BallMargin {
    var margin: Ball
    var strict: Bool
    var place: String
}

/// A property decided from its enclosed margins.
struct BallPropertyOutcome {
    var label: String
    var decision: RigorousEvaluation.Decision
    /// The decisive margin: the first certainly violated one, else the first undecided one, else the smallest.
    var margin: Ball
    var place: String
    var tolerance: Ball?
}

/// The properties of the conjecture language over enclosures, with the margins of the ordinary property library
/// (docs/conjecture-language.md), each margin enclosed:
/// invariant / equal: tolerance − |e_s − e_0| (or − |e_s − law_s|, − |a_s − b_s|), for every sample and entry, the
/// default tolerance 2^(−p/2)·(1 + max|e(0)|) enclosed too; monotone: e_k − e_{k+1} (+ tolerance, non-strict) for
/// consecutive samples, and for flows −d/dt e at every sample (rising: the opposite signs); bound and at: the signed
/// gap (+ tolerance, non-strict); limit: ε − |e_T − v| and r_s − |e_s − v_s|.
///
/// A property is DISPROVED at the first margin certainly on the wrong side, undecided at the first margin whose
/// enclosure straddles the boundary (or where the run stopped early), PROVED when every margin is certain.
enum BallPropertyCheck {
    static func outcome(_ property: PropertyDeclaration, document: ConjectureDocument, samples: BallSamples,
                        bits: Int) -> BallPropertyOutcome {
        let label = property.label
        let n = samples.places.count
        var margins: [BallMargin] = []
        var tolerance: Ball?
        let stated = property.tolerance.map { Ball($0, precision: bits) }
        func absolute(_ x: Ball) -> Ball { Ball.abs(x) }
        func entry(_ v: [Ball], _ i: Int) -> Ball { v.count == 1 ? v[0] : v[i] }
        switch property.statement {
        case let .invariant(e, law):
            let values = samples.series(e), laws = law.map { samples.series($0) }
            guard let first = values.first else { break }
            let slack = stated ?? relativeTolerance(first, document: document, bits: bits)
            tolerance = slack
            for s in 0..<values.count {
                let reference = laws?[s] ?? first
                for i in values[s].indices {
                    margins.append(BallMargin(margin: slack - absolute(values[s][i] - entry(reference, i)), strict: false,
                                              place: samples.place(s, entry: i, of: e, count: values[s].count)))
                }
            }
        case let .equal(a, b):
            let left = samples.series(a), right = samples.series(b)
            guard let first = left.first, let other = right.first else { break }
            let slack = stated ?? relativeTolerance(first + other, document: document, bits: bits)
            tolerance = slack
            for s in 0..<left.count {
                for i in 0..<max(left[s].count, right[s].count) {
                    margins.append(BallMargin(margin: slack - absolute(entry(left[s], i) - entry(right[s], i)), strict: false,
                                              place: samples.place(s, entry: i, of: a, count: max(left[s].count, right[s].count))))
                }
            }
        case let .monotone(e, direction, from):
            let values = samples.series(e)
            let kept = (0..<values.count).filter { from == nil || samples.places[$0].isAtOrAfter(from!) }
            let slack = Ball(direction.isStrict ? 0 : (property.tolerance ?? 0), precision: bits)
            for (a, b) in zip(kept, kept.dropFirst()) {
                for i in values[a].indices {
                    let step = direction.falls ? values[a][i] - values[b][i] : values[b][i] - values[a][i]
                    let entryText = values[a].count > 1 ? ", entry (\(i + 1))" : ""
                    margins.append(BallMargin(margin: step + slack, strict: direction.isStrict,
                                              place: "between \(samples.places[a]) and \(samples.places[b])\(entryText)"))
                }
            }
            if let rates = samples.derivatives[SampledRun<BigFloat>.id(of: e)] {
                for s in kept where s < rates.count {
                    for (i, r) in rates[s].enumerated() {
                        margins.append(BallMargin(margin: direction.falls ? -r : r, strict: direction.isStrict,
                                                  place: "d/dt at " + samples.place(s, entry: i, of: e, count: rates[s].count)))
                    }
                }
            }
        case let .bound(lhs, relation, rhs, atEnd):
            let indices = atEnd ? (n > 0 ? [n - 1] : []) : Array(0..<n)
            margins = gaps(samples, lhs, relation, rhs, indices, property.tolerance, bits)
        case let .at(lhs, relation, rhs, place):
            let indices = samples.places.firstIndex(of: place).map { [$0] } ?? []
            margins = gaps(samples, lhs, relation, rhs, indices, property.tolerance, bits)
        case let .limit(e, value, within, rate):
            let values = samples.series(e), targets = value.map { samples.series($0) }
            let rates = rate.map { samples.series($0) }
            let epsilon = Ball(within, precision: bits)
            for s in 0..<values.count {
                let target = targets?[s] ?? [Ball(0, precision: bits)]
                for i in values[s].indices {
                    let distance = absolute(values[s][i] - entry(target, i))
                    let place = samples.place(s, entry: i, of: e, count: values[s].count)
                    if let rates { margins.append(BallMargin(margin: entry(rates[s], i) - distance, strict: false, place: place + " (rate)")) }
                    if s == values.count - 1 { margins.append(BallMargin(margin: epsilon - distance, strict: false, place: place)) }
                }
            }
        case .trend:
            break
        }
        return decide(label: label, margins: margins, truncated: samples.truncated, tolerance: tolerance, bits: bits)
    }

    /// The signed gaps of a relation at the samples `indices`: rhs − lhs for ≤ and <, lhs − rhs for ≥ and >, plus
    /// the tolerance for the non-strict relations; a scalar side stands for every entry.
    static func gaps(_ samples: BallSamples, _ lhs: SourceText, _ relation: Relation, _ rhs: SourceText, _ indices: [Int],
                     _ tolerance: Rational?, _ bits: Int) -> [BallMargin] {
        let left = samples.series(lhs), right = samples.series(rhs)
        let slack = Ball(relation.isStrict ? 0 : (tolerance ?? 0), precision: bits)
        var margins: [BallMargin] = []
        for s in indices where s < left.count && s < right.count {
            let count = max(left[s].count, right[s].count)
            for i in 0..<count {
                let x = left[s].count == 1 ? left[s][0] : left[s][i], y = right[s].count == 1 ? right[s][0] : right[s][i]
                let gap = relation == .lessOrEqual || relation == .less ? y - x : x - y
                margins.append(BallMargin(margin: gap + slack, strict: relation.isStrict,
                                          place: samples.place(s, entry: i, of: left[s].count > 1 ? lhs : rhs, count: count)))
            }
        }
        return margins
    }

    /// The default tolerance 2^(−p/2)·(1 + s), p the claim's declared precision and s = max_i |e_i(0)|, enclosed.
    static func relativeTolerance(_ first: [Ball], document: ConjectureDocument, bits: Int) -> Ball {
        var low = BigFloat(0, precision: 64), high = BigFloat(0, precision: 64)
        for x in first {
            let magnitude = Ball.abs(x)
            if magnitude.lowerBound > low { low = magnitude.lowerBound }
            if magnitude.upperBound > high { high = magnitude.upperBound }
        }
        let scale = Ball.union(Ball(enclosing: low, precision: bits), Ball(enclosing: high, precision: bits))
        var unit = Ball(1, precision: bits)
        unit.multiply(byPowerOfTwo: -max(1, document.precision / 2))
        return unit * (Ball(1, precision: bits) + scale)
    }

    /// The decision from the margins (see the type's documentation).
    static func decide(label: String, margins: [BallMargin], truncated: (place: SamplePlace, reason: String)?,
                       tolerance: Ball?, bits: Int) -> BallPropertyOutcome {
        var undecided: BallMargin?
        var smallest: BallMargin?
        for m in margins {
            switch m.strict ? m.margin.isPositive : m.margin.isNonnegative {
            case .certainlyFalse:
                return BallPropertyOutcome(label: label, decision: .disproved(place: "\(label): \(m.place): margin ∈ \(m.margin)"),
                                           margin: m.margin, place: m.place, tolerance: tolerance)
            case .undecided:
                if undecided == nil { undecided = m }
            case .certainlyTrue:
                if smallest == nil || m.margin.lowerBound < smallest!.margin.lowerBound { smallest = m }
            }
        }
        if let m = undecided {
            let accuracy = m.margin.isFinite ? " (relative accuracy \(m.margin.relativeAccuracyBits) bits)" : " (not finite)"
            return BallPropertyOutcome(label: label, decision: .undecided(place: "\(label): \(m.place): margin ∈ \(m.margin)\(accuracy)"),
                                       margin: m.margin, place: m.place, tolerance: tolerance)
        }
        if let truncated {
            let place = "\(truncated.place) (\(truncated.reason))"
            return BallPropertyOutcome(label: label, decision: .undecided(place: "\(label): the run stopped at \(place)"),
                                       margin: smallest?.margin ?? Ball(midpoint: BigFloat(0), radius: BigFloat(1), precision: bits),
                                       place: place, tolerance: tolerance)
        }
        guard let smallest else {
            return BallPropertyOutcome(label: label, decision: .undecided(place: "\(label): no sample to check"),
                                       margin: Ball(midpoint: BigFloat(0), radius: BigFloat(1), precision: bits),
                                       place: "no sample", tolerance: tolerance)
        }
        return BallPropertyOutcome(label: label, decision: .proved, margin: smallest.margin, place: smallest.place,
                                   tolerance: tolerance)
    }
}
