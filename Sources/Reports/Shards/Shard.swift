import Claims

/// The K-th of N deterministic shards of a run (`attest check --shard K/N`, `attest table --shard K/N`).
///
/// A run's work is a list of units in run order: every instance of a claim is one unit, and a claim with a
/// `[search]` or `[threshold]` (which runs as a whole) or without instances is one unit. Unit `u` (counted from 0)
/// belongs to shard `u mod N + 1`. So every unit lands in exactly one shard, the shards' unit counts differ by at
/// most one, and neighbouring instances of a claim (often of growing size) are spread over the shards.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// K, from 1.
    public var index: Int
    /// N, at least 1.
    public var count: Int

    /// The shard `index`/`count`; `nil` unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads `K/N`.
    ///
    /// - Throws: `ShardSyntaxError` with what is wrong, for anything but two integers with 1 ≤ K ≤ N.
    public init(parsing text: String) throws(ShardSyntaxError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw ShardSyntaxError(text: text, reason: "write it as K/N, two integers such as 2/7")
        }
        guard n >= 1 else { throw ShardSyntaxError(text: text, reason: "the number of shards N must be at least 1") }
        guard let shard = Shard(index: k, count: n) else {
            throw ShardSyntaxError(text: text, reason: "the shard K must be between 1 and N = \(n)")
        }
        self = shard
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// Whether `claim` runs as one unit (a search, a threshold bisection, or no instances) rather than one unit per
    /// instance.
    public static func runsWhole(_ claim: ClaimSpec) -> Bool {
        claim.search != nil || claim.threshold != nil || claim.instances.isEmpty
    }

    /// The number of units of `claims`.
    public static func units(of claims: [ClaimSpec]) -> Int {
        claims.reduce(0) { $0 + (runsWhole($1) ? 1 : $1.instances.count) }
    }

    /// This shard's part of `claims`, in run order: each claim that has a unit here, with only its instances that
    /// belong here (a claim that runs whole keeps all of them). Instance indices are those of the whole claim.
    public func select(_ claims: [ClaimSpec]) -> [ClaimSpec] {
        var unit = 0
        var out: [ClaimSpec] = []
        for claim in claims {
            if Self.runsWhole(claim) {
                if unit % count == index - 1 { out.append(claim) }
                unit += 1
                continue
            }
            var part = claim
            part.instances = claim.instances.enumerated().filter { (unit + $0.offset) % count == index - 1 }.map(\.element)
            unit += claim.instances.count
            if !part.instances.isEmpty { out.append(part) }
        }
        return out
    }
}

/// A `--shard` value that is not `K/N` with 1 ≤ K ≤ N.
public struct ShardSyntaxError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The text given.
    public var text: String
    /// What is wrong.
    public var reason: String

    /// A one-line message.
    public var description: String { "--shard \(text): \(reason)" }
}
