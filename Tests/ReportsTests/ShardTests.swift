import Claims
import Testing
@testable import Reports

/// `--shard K/N`: the assignment of a run's instances to shards.
@Suite("Shards: every unit in exactly one shard, balanced by count")
struct ShardTests {
    /// A claim with `count` instances (indices 0 …); with `search`, one that runs whole.
    static func claim(_ id: String, _ count: Int) -> ClaimSpec {
        let instances = (0..<count).map {
            InstanceSpec(index: $0, parameters: InstanceParameters(values: ["seed": .integer($0 + 1)], order: ["seed"]))
        }
        return ClaimSpec(file: "\(id).toml", id: id, title: id, kind: "k", expectation: .pass, source: "s",
                         statement: "s", statementLaTeX: nil, hypotheses: [], notes: nil, numerics: NumericsSettings(),
                         instances: instances)
    }

    @Test("K/N parses for 1 ≤ K ≤ N; anything else is refused with the reason")
    func parsing() throws {
        #expect(try Shard(parsing: "2/7") == Shard(index: 2, count: 7))
        #expect(try Shard(parsing: "1/1").description == "1/1")
        for (text, reason) in [("0/3", "between 1 and N = 3"), ("4/3", "between 1 and N = 3"), ("1/0", "at least 1"),
                               ("3", "K/N"), ("a/2", "K/N"), ("1/2/3", "K/N"), ("", "K/N")] {
            #expect(throws: ShardSyntaxError.self) { try Shard(parsing: text) }
            do { _ = try Shard(parsing: text) } catch { #expect(error.description.contains(reason), "\(text): \(error)") }
        }
    }

    @Test("N = 1 … 9: every instance in exactly one shard, unit counts differ by at most one, indices kept",
          arguments: 1...9)
    func partition(count: Int) {
        let claims = [Self.claim("a", 5), Self.claim("b", 1), Self.claim("c", 0), Self.claim("d", 7)]
        var seen: [String: [Int]] = [:]
        var units: [Int] = []
        for k in 1...count {
            let part = Shard(index: k, count: count)!.select(claims)
            units.append(Shard.units(of: part))
            for claim in part { seen[claim.id, default: []] += claim.instances.map(\.index) }
            // Claims keep run order.
            #expect(part.map(\.id) == claims.map(\.id).filter { id in part.contains { $0.id == id } })
        }
        // 5 + 1 + 1 (c runs whole, with no instances) + 7 units.
        #expect(units.reduce(0, +) == 14 && Shard.units(of: claims) == 14)
        #expect(units.max()! - units.min()! <= 1)
        #expect(seen["a"]?.sorted() == Array(0..<5) && seen["b"] == [0] && seen["c"] == [] && seen["d"]?.sorted() == Array(0..<7))
    }

    @Test("Unit u goes to shard u mod N + 1: 3 shards of a 5- and a 2-instance claim")
    func roundRobin() {
        let claims = [Self.claim("a", 5), Self.claim("b", 2)]
        let parts = (1...3).map { Shard(index: $0, count: 3)!.select(claims) }
        // Units: a0 a1 a2 a3 a4 b0 b1 → shards 1 2 3 1 2 3 1.
        #expect(parts[0].map { "\($0.id)\($0.instances.map(\.index))" } == ["a[0, 3]", "b[1]"])
        #expect(parts[1].map { "\($0.id)\($0.instances.map(\.index))" } == ["a[1, 4]"])
        #expect(parts[2].map { "\($0.id)\($0.instances.map(\.index))" } == ["a[2]", "b[0]"])
    }
}
