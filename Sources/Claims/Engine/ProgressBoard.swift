import Foundation

/// How far each running instance is, as its kind reports it (`EvaluationContext.report(step:of:)`), for the live
/// progress line: `step 512 of 10000`, `t = 3.5 of 10`. Keys are `claim-id #index`; the engine sets the key of each
/// instance it runs, and removes the entry when the instance ends.
public final class ProgressBoard: @unchecked Sendable {
    /// The board that the engine and the live progress line share.
    public static let shared = ProgressBoard()

    private let lock = NSLock()
    private var entries: [String: (done: Double, total: Double, unit: String, bits: Int?)] = [:]

    /// Creates an empty board (tests use their own).
    public init() {}

    /// Records that the instance `key` is at `done` of `total` (`unit`: "step" or "t").
    public func set(_ key: String, done: Double, total: Double, unit: String, bits: Int?) {
        lock.lock()
        entries[key] = (done, total, unit, bits)
        lock.unlock()
    }

    /// Forgets the instance `key`.
    public func remove(_ key: String) {
        lock.lock()
        entries[key] = nil
        lock.unlock()
    }

    /// How far the instance `key` is, in words (`step 512 of 10000, 256 bits`), or `nil` when it reported nothing.
    public func text(for key: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries[key] else { return nil }
        let bits = entry.bits.map { ", \($0) bits" } ?? ""
        if entry.unit == "step" {
            return "step \(Int(entry.done)) of \(Int(entry.total))\(bits)"
        }
        return "\(entry.unit) = \(Self.short(entry.done)) of \(Self.short(entry.total))\(bits)"
    }

    static func short(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(format: "%.3g", x)
    }
}
