import Claims
import Foundation
import MultiPrecision

/// Everything that can change a claim's results, for `attest check --resume`: a result of an earlier run is taken
/// over only when its claim's key is identical to this run's; any difference reruns the claim's instances, and the
/// report says which and why (`ResumeSummary`).
///
/// The key holds SHA-256 content hashes (FIPS 180-4, `SHA256`) of the claim file, of every data file it reads and
/// of the exact values of every instance's parameters (inline matrices entry by entry), the numeric settings in
/// effect for the claim (precision, maximum precision, guard bits, tolerance, after `--precision`,
/// `--max-precision` and `--tolerance`), the per-instance time limit (`--timeout`), and the versions of Attest,
/// GMP and MPFR.
public struct ResumeKey: Codable, Sendable, Equatable {
    /// `attest VERSION (GMP …, MPFR …)`.
    public var tool: String
    /// SHA-256 of the claim file's bytes (`unreadable` when it cannot be read).
    public var claimFile: String
    /// SHA-256 of each data file's bytes, by the path the claim file gives.
    public var dataFiles: [String: String]
    /// SHA-256 of the exact values of every instance's parameters.
    public var parameters: String
    /// The starting precision in bits.
    public var precision: Int
    /// The maximum precision in bits.
    public var maxPrecision: Int
    /// The guard bits of the reference evaluation.
    public var guardBits: Int
    /// The tolerance, exactly (`p/q`).
    public var tolerance: String
    /// The per-instance time limit in milliseconds (`nil`: none).
    public var timeoutMilliseconds: Int64?
    /// `true` for a rigorous run (`nil`: an ordinary one; absent from older reports).
    public var rigorous: Bool?

    /// Creates a key.
    public init(tool: String, claimFile: String, dataFiles: [String: String], parameters: String, precision: Int,
                maxPrecision: Int, guardBits: Int, tolerance: String, timeoutMilliseconds: Int64?) {
        self.tool = tool
        self.claimFile = claimFile
        self.dataFiles = dataFiles
        self.parameters = parameters
        self.precision = precision
        self.maxPrecision = maxPrecision
        self.guardBits = guardBits
        self.tolerance = tolerance
        self.timeoutMilliseconds = timeoutMilliseconds
    }

    /// The key of `claim` run with `options` by `tool`.
    public init(claim: ClaimSpec, options: CheckOptions, tool: ToolInfo) {
        let numerics = options.numerics(for: claim)
        let directory = (claim.file as NSString).deletingLastPathComponent
        var dataFiles: [String: String] = [:]
        var hash = SHA256()
        for instance in claim.instances {
            hash.update("instance \(instance.index)\n")
            for name in instance.parameters.values.keys.sorted() {
                hash.update("\(name) = ")
                Self.hashValue(instance.parameters.values[name]!, into: &hash) { origin in
                    if origin != "inline", dataFiles[origin] == nil {
                        let path = origin.hasPrefix("/") ? origin : (directory as NSString).appendingPathComponent(origin)
                        dataFiles[origin] = Self.fileHash(path)
                    }
                }
                hash.update("\n")
            }
        }
        let ms = options.timeout.map { duration -> Int64 in
            let (seconds, attoseconds) = duration.components
            return seconds &* 1000 &+ attoseconds / 1_000_000_000_000_000
        }
        self.init(tool: "attest \(tool.version) (GMP \(tool.gmp), MPFR \(tool.mpfr))", claimFile: Self.fileHash(claim.file),
                  dataFiles: dataFiles, parameters: hash.hexDigest(), precision: numerics.precision,
                  maxPrecision: numerics.maxPrecision, guardBits: numerics.guardBits,
                  tolerance: numerics.tolerance.description, timeoutMilliseconds: ms)
        rigorous = numerics.rigorous ? true : nil
    }

    /// The keys of `claims` run with `options` by `tool`, by claim id: computed before the run, so that a file
    /// edited while the run goes on does not lend its hash to results computed from the old content.
    public static func keys(for claims: [ClaimSpec], options: CheckOptions, tool: ToolInfo) -> [String: ResumeKey] {
        Dictionary(claims.map { ($0.id, ResumeKey(claim: $0, options: options, tool: tool)) }, uniquingKeysWith: { first, _ in first })
    }

    /// SHA-256 of a file's bytes, or `unreadable`.
    static func fileHash(_ path: String) -> String {
        guard let data = FileManager.default.contents(atPath: path) else { return "unreadable" }
        return SHA256.hex(data)
    }

    /// Feeds the exact value into `hash`; `origin` is called with the source of every matrix read from a file.
    static func hashValue(_ value: ParameterValue, into hash: inout SHA256, origin: (String) -> Void) {
        func matrix(_ source: MatrixSource) {
            switch source {
            case .random: hash.update("random")
            case let .exact(m, from):
                origin(from)
                hash.update("\(from) \(m.rowCount)x\(m.columnCount) [")
                for entry in m.elements { hash.update(entry.description); hash.update(",") }
                hash.update("]")
            }
        }
        switch value {
        case let .integer(n): hash.update("integer \(n)")
        case let .rational(r): hash.update("rational \(r.description)")
        case let .integerList(list): hash.update("integers \(list)")
        case let .choice(s): hash.update("choice \(s.utf8.count):\(s)")
        case let .text(s): hash.update("text \(s.utf8.count):\(s)")
        case let .matrix(source): hash.update("matrix "); matrix(source)
        case let .matrixList(list):
            hash.update("matrices \(list.count) ")
            for source in list { matrix(source); hash.update(";") }
        }
    }

    /// What differs between a report's key (`self`) and this run's, in words; empty when nothing does.
    public func differences(from current: ResumeKey) -> [String] {
        var out: [String] = []
        func compare<T: Equatable>(_ name: String, _ a: T, _ b: T, _ show: (T) -> String) {
            if a != b { out.append("\(name) \(show(a)) in the report, \(show(b)) now") }
        }
        compare("the tool", tool, current.tool) { $0 }
        if claimFile != current.claimFile { out.append("the claim file has changed") }
        for path in Set(dataFiles.keys).union(current.dataFiles.keys).sorted() where dataFiles[path] != current.dataFiles[path] {
            out.append("data file \(path) has changed")
        }
        if parameters != current.parameters { out.append("the instances' parameter values have changed") }
        compare("precision", precision, current.precision) { "\($0) bits" }
        compare("max_precision", maxPrecision, current.maxPrecision) { "\($0) bits" }
        compare("guard_bits", guardBits, current.guardBits) { "\($0)" }
        compare("tolerance", tolerance, current.tolerance) { $0 }
        compare("the mode", rigorous ?? false, current.rigorous ?? false) { $0 ? "rigorous" : "ordinary" }
        compare("the time limit (--timeout)", timeoutMilliseconds, current.timeoutMilliseconds) { $0.map { "\($0) ms" } ?? "none" }
        return out
    }

    enum CodingKeys: String, CodingKey {
        case tool, claimFile = "claim_file", dataFiles = "data_files", parameters, precision
        case maxPrecision = "max_precision", guardBits = "guard_bits", tolerance, timeoutMilliseconds = "timeout_ms", rigorous
    }
}
