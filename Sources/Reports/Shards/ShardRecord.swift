import Claims
import Foundation

/// What a shard's partial report records about its shard (the `shard` field of the JSON report; absent in the
/// report of a whole run): which shard it is, the whole run's claims, and the content hashes of the files they come
/// from, so that `attest merge` can refuse shards of different runs.
public struct ShardRecord: Codable, Sendable, Equatable {
    /// K, from 1.
    public var index: Int
    /// N.
    public var count: Int
    /// The ids of every claim of the whole run, in run order (the shard's report holds those with work here).
    public var claims: [String]
    /// SHA-256 (hex) of each claim file of the whole run (and of the sweep file, for `attest table`), by path.
    public var files: [String: String]
    /// The units of work (`Shard`) of this shard.
    public var units: Int
    /// The units of the whole run.
    public var totalUnits: Int

    /// Creates a record.
    public init(index: Int, count: Int, claims: [String], files: [String: String], units: Int, totalUnits: Int) {
        self.index = index
        self.count = count
        self.claims = claims
        self.files = files
        self.units = units
        self.totalUnits = totalUnits
    }

    /// The record of `shard` of a run of `claims`, whose files (plus `extraFiles`, such as a sweep file) are hashed
    /// now.
    public init(shard: Shard, claims: [ClaimSpec], extraFiles: [String] = []) {
        var files: [String: String] = [:]
        for path in claims.map(\.file) + extraFiles where files[path] == nil { files[path] = ResumeKey.fileHash(path) }
        self.init(index: shard.index, count: shard.count, claims: claims.map(\.id), files: files,
                  units: Shard.units(of: shard.select(claims)), totalUnits: Shard.units(of: claims))
    }

    /// `K/N`.
    public var label: String { "\(index)/\(count)" }

    enum CodingKeys: String, CodingKey {
        case index, count, claims, files, units, totalUnits = "total_units"
    }
}

extension Report {
    /// Makes this report of a shard's part of `claims` (the run of `shard.select(claims)`) a shard report: each
    /// claim split over the shards records the instance count of the whole claim, and `shard` records the shard, the run's claims and the
    /// content hashes of their files.
    public mutating func recordShard(_ shard: Shard, of claims: [ClaimSpec], extraFiles: [String] = []) {
        // A claim that runs whole is reported as a run on one machine reports it; a split one records its whole count.
        let split = claims.filter { !Shard.runsWhole($0) }
        let totals = Dictionary(split.map { ($0.id, $0.instances.count) }, uniquingKeysWith: { first, _ in first })
        for c in self.claims.indices {
            if let total = totals[self.claims[c].id] { self.claims[c].totalInstances = total }
        }
        self.shard = ShardRecord(shard: shard, claims: claims, extraFiles: extraFiles)
    }
}
