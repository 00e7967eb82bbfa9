import Claims

extension Report {
    /// The report of a whole run made from the partial reports of its shards (`attest merge`).
    ///
    /// Each claim's instances are gathered from the shards and sorted by index; its verdict, expectation met,
    /// completeness and counterexample are then aggregated as a run on one machine aggregates them
    /// (`ClaimOutcome`), and the summary is counted again. A claim that runs whole (a search or a threshold
    /// bisection) is taken from its shard as it is. The result is the report of the same run on one machine,
    /// except for the times (`time`, the earliest shard's start; `seconds` of each instance) and `machine` (the first
    /// shard's); it is complete only when every shard is, and every claim has all its instances.
    ///
    /// - Parameter shards: every shard's report, with the path it was read from (for messages).
    /// - Throws: `ReportMergeError` when an input is not a trusted shard report, when the shards come from different
    ///   runs (claim files, settings, versions, shard counts), or when a shard is missing or given twice.
    public static func merging(_ shards: [(path: String, report: Report)]) throws(ReportMergeError) -> Report {
        guard let (firstPath, first) = shards.first else { throw .noInputs }
        var records: [ShardRecord] = []
        for (path, report) in shards {
            guard let record = report.shard else { throw .notAShard(path: path) }
            if let reason = report.digestCheck { throw .untrusted(path: path, reason: reason) }
            records.append(record)
        }
        let base = records[0]
        for (s, (path, report)) in shards.enumerated().dropFirst() {
            let record = records[s]
            func differ(_ what: String) -> ReportMergeError { .differentRuns(path: path, other: firstPath, what: what) }
            if record.count != base.count {
                throw differ("it is a shard of \(record.count), the other of \(base.count)")
            }
            if report.tool != first.tool || report.schemaVersion != first.schemaVersion {
                throw differ("it was written by attest \(report.tool.version) (GMP \(report.tool.gmp), MPFR "
                             + "\(report.tool.mpfr)), the other by attest \(first.tool.version) (GMP \(first.tool.gmp), "
                             + "MPFR \(first.tool.mpfr))")
            }
            for file in Set(record.files.keys).union(base.files.keys).sorted() where record.files[file] != base.files[file] {
                switch (record.files[file], base.files[file]) {
                case (nil, _), (_, nil): throw differ("only one of them reads \(file)")
                default: throw differ("\(file) has other content (SHA-256 \(record.files[file]!.prefix(12))… against "
                                      + "\(base.files[file]!.prefix(12))…)")
                }
            }
            if record.claims != base.claims { throw differ("the runs have other claims") }
        }
        var seen: [Int: String] = [:]
        for (s, record) in records.enumerated() {
            if let earlier = seen[record.index] {
                throw .duplicate(shard: record.label, paths: [earlier, shards[s].path])
            }
            seen[record.index] = shards[s].path
        }
        let missing = (1...base.count).filter { seen[$0] == nil }
        guard missing.isEmpty else { throw .missing(shards: missing.map { "\($0)/\(base.count)" }) }

        var parts: [String: [(path: String, claim: ClaimReport)]] = [:]
        for (path, report) in shards { for claim in report.claims { parts[claim.id, default: []].append((path, claim)) } }
        var claims: [ClaimReport] = []
        for id in base.claims {
            guard let pieces = parts[id] else { continue }      // a shard stopped before it began this claim
            for piece in pieces.dropFirst() where piece.claim.resumeKey != pieces[0].claim.resumeKey {
                throw .differentRuns(path: piece.path, other: pieces[0].path,
                                     what: "claim \(id) ran with other settings (precision, tolerance, time limit or "
                                         + "parameter values)")
            }
            claims.append(try ClaimReport.merging(pieces))
        }
        var merged = Report(schemaVersion: first.schemaVersion, tool: first.tool,
                            time: shards.map(\.report.time).min() ?? first.time, machine: first.machine,
                            complete: shards.allSatisfy(\.report.complete) && claims.count == base.claims.count
                                && claims.allSatisfy(\.complete),
                            claims: claims)
        merged.shard = nil
        return merged
    }
}

extension ClaimReport {
    /// One claim of a merged report from its pieces in the shards (see `Report.merging`).
    static func merging(_ pieces: [(path: String, claim: ClaimReport)]) throws(ReportMergeError) -> ClaimReport {
        var merged = pieces[0].claim
        if pieces.count == 1 && merged.search != nil { return merged }     // a search or bisection runs whole
        var instances: [InstanceReport] = []
        var owner: [Int: String] = [:]
        for (path, claim) in pieces {
            for instance in claim.instances {
                if let other = owner[instance.index] {
                    throw .differentRuns(path: path, other: other,
                                         what: "both hold instance #\(instance.index) of claim \(claim.id)")
                }
                owner[instance.index] = path
                instances.append(instance)
            }
        }
        instances.sort { $0.index < $1.index }
        merged.instances = instances
        merged.complete = pieces.allSatisfy(\.claim.complete) && merged.totalInstances.map { instances.count == $0 } ?? true
        merged.verdict = Verdict.aggregate(instances.map(\.verdict), complete: merged.complete)
        let expectation = Expectation(rawValue: merged.expected.rawValue.lowercased())
        merged.metExpectation = expectation?.isMet(by: merged.verdict, complete: merged.complete) ?? false
        // Each piece names its own first counterexample; the claim's is the one of the lowest instance index.
        merged.counterexample = pieces.compactMap(\.claim.counterexample)
            .min { counterexampleIndex($0) < counterexampleIndex($1) }
        return merged
    }

    /// The instance index of a counterexample line `instance N: …` (`Int.max` when it has none).
    private static func counterexampleIndex(_ line: String) -> Int {
        guard line.hasPrefix("instance ") else { return .max }
        return Int(line.dropFirst("instance ".count).prefix { $0.isNumber }) ?? .max
    }
}

/// Why `attest merge` refuses its inputs.
public enum ReportMergeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// No report was given.
    case noInputs
    /// The report has no `shard` field.
    case notAShard(path: String)
    /// The report's digest does not match its content.
    case untrusted(path: String, reason: String)
    /// Two shards come from different runs.
    case differentRuns(path: String, other: String, what: String)
    /// A shard is given twice.
    case duplicate(shard: String, paths: [String])
    /// Shards are missing.
    case missing(shards: [String])

    /// A one-line message.
    public var description: String {
        switch self {
        case .noInputs:
            return "no shard reports given"
        case let .notAShard(path):
            return "\(path) is not a shard report (it has no \"shard\" field; write shard reports with "
                + "`attest check --shard K/N --report FILE.json`)"
        case let .untrusted(path, reason):
            return "\(path): the report is not trusted: \(reason)"
        case let .differentRuns(path, other, what):
            return "\(path) and \(other) are shards of different runs: \(what)"
        case let .duplicate(shard, paths):
            return "shard \(shard) is given twice (\(paths.joined(separator: " and ")))"
        case let .missing(shards):
            return "shard\(shards.count == 1 ? "" : "s") \(shards.joined(separator: ", ")) "
                + "\(shards.count == 1 ? "is" : "are") missing; give every shard's report"
        }
    }
}
