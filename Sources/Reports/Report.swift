import Claims
import Foundation

/// The result of an `attest check` run as one Codable value, from which every output format is rendered.
///
/// The JSON form is documented in docs/report-schema.md. Numbers that come from the mathematics (margins, measured
/// values, errors) are decimal **strings** with all their digits, never JSON numbers, so that nothing is lost to a
/// reader's `Double`. `complete` is `false` when the run was interrupted (Ctrl-C): such a report holds only the
/// instances that finished and never passes as a full run.
public struct Report: Codable, Sendable, Equatable {
    /// The version of this schema; readers should refuse versions they do not know.
    public static let currentSchemaVersion = 1

    /// The schema version (`currentSchemaVersion` when written by this build).
    public var schemaVersion: Int
    /// The tool that wrote the report.
    public var tool: ToolInfo
    /// When the run started, ISO 8601 in UTC.
    public var time: String
    /// The machine it ran on.
    public var machine: MachineSummary
    /// Whether every instance of every selected claim ran.
    public var complete: Bool
    /// Counts of claims and instances by outcome.
    public var summary: ReportSummary
    /// The claims, in the order they were checked (sorted by file).
    public var claims: [ClaimReport]
    /// What a resumed run took over from the earlier report and what it ran again, and why (`nil` when the run
    /// was not resumed).
    public var resume: ResumeSummary?
    /// For the partial report of one shard (`--shard K/N`), which shard and of which run (`nil` for a whole run,
    /// and for the report `attest merge` makes of the shards).
    public var shard: ShardRecord?
    /// SHA-256 of the report's JSON without this field, written by `JSONReportWriter`: `--resume` trusts a report's
    /// results only when it matches (it detects edits, not a forger who recomputes it).
    public var digest: String?

    /// Creates a report.
    public init(schemaVersion: Int = Report.currentSchemaVersion, tool: ToolInfo, time: String, machine: MachineSummary,
                complete: Bool, claims: [ClaimReport]) {
        self.schemaVersion = schemaVersion
        self.tool = tool
        self.time = time
        self.machine = machine
        self.complete = complete
        self.claims = claims
        self.summary = ReportSummary(claims: claims)
    }

    /// Whether every claim met its expectation and the run was complete: the CLI's exit status 0.
    public var allMetExpectations: Bool { complete && claims.allSatisfy(\.metExpectation) }
}

/// The tool that wrote a report.
public struct ToolInfo: Codable, Sendable, Equatable {
    /// "attest".
    public var name: String
    /// Its version.
    public var version: String
    /// The GMP version underneath.
    public var gmp: String
    /// The MPFR version underneath.
    public var mpfr: String

    /// Creates tool information.
    public init(name: String = "attest", version: String, gmp: String, mpfr: String) {
        self.name = name
        self.version = version
        self.gmp = gmp
        self.mpfr = mpfr
    }
}

/// A short description of the machine a run used.
public struct MachineSummary: Codable, Sendable, Equatable {
    /// The operating system and its version.
    public var os: String
    /// The processor architecture.
    public var architecture: String
    /// Active processor cores.
    public var processors: Int
    /// Physical memory in bytes.
    public var memoryBytes: UInt64

    /// Creates a summary.
    public init(os: String, architecture: String, processors: Int, memoryBytes: UInt64) {
        self.os = os
        self.architecture = architecture
        self.processors = processors
        self.memoryBytes = memoryBytes
    }

    /// The machine this process runs on.
    public static var current: MachineSummary {
        #if arch(x86_64)
        let architecture = "x86_64"
        #elseif arch(arm64)
        let architecture = "arm64"
        #else
        let architecture = "unknown"
        #endif
        let info = ProcessInfo.processInfo
        return MachineSummary(os: info.operatingSystemVersionString, architecture: architecture,
                              processors: info.activeProcessorCount, memoryBytes: info.physicalMemory)
    }

    enum CodingKeys: String, CodingKey {
        case os, architecture, processors, memoryBytes = "memory_bytes"
    }
}

/// Counts of claims and instances by outcome.
public struct ReportSummary: Codable, Sendable, Equatable {
    /// Number of claims.
    public var claims: Int
    /// Claims whose verdict met their expectation.
    public var met: Int
    /// Claims whose verdict did not.
    public var notMet: Int
    /// Instances that ran.
    public var instances: Int
    /// Instances by verdict (`PASS`, `FAIL`, …), every verdict present.
    public var verdicts: [String: Int]

    /// Counts the claims.
    public init(claims: [ClaimReport]) {
        self.claims = claims.count
        met = claims.filter(\.metExpectation).count
        notMet = claims.count - met
        instances = claims.reduce(0) { $0 + $1.instances.count }
        var counts = Dictionary(uniqueKeysWithValues: Verdict.allCases.map { ($0.rawValue, 0) })
        for claim in claims { for instance in claim.instances { counts[instance.verdict.rawValue, default: 0] += 1 } }
        verdicts = counts
    }

    enum CodingKeys: String, CodingKey {
        case claims, met, notMet = "not_met", instances, verdicts
    }
}
