import Dynamics
import MultiPrecision
import Testing

/// A rooted tree, as the canonical (sorted) list of its root's subtrees.
private struct RootedTree: Hashable, Comparable {
    var children: [RootedTree]
    var order: Int { 1 + children.reduce(0) { $0 + $1.order } }
    /// γ(t) = |t| Π γ(tₖ).
    var density: Int { children.reduce(order) { $0 * $1.density } }
    var key: String { "[" + children.map(\.key).joined() + "]" }
    static func < (a: RootedTree, b: RootedTree) -> Bool { a.key < b.key }

    /// Every tree of order `n`, without duplicates (grafting a leaf onto every vertex of the trees of order n − 1).
    static func all(order n: Int) -> [RootedTree] {
        if n == 1 { return [RootedTree(children: [])] }
        var seen = Set<String>(), result: [RootedTree] = []
        for tree in all(order: n - 1) {
            for grown in tree.graftings() where seen.insert(grown.key).inserted { result.append(grown) }
        }
        return result
    }

    /// The trees obtained by adding one leaf to one vertex of this tree.
    func graftings() -> [RootedTree] {
        var result = [RootedTree(children: (children + [RootedTree(children: [])]).sorted())]
        for (i, child) in children.enumerated() {
            for grown in child.graftings() {
                var c = children
                c[i] = grown
                result.append(RootedTree(children: c.sorted()))
            }
        }
        return result
    }
}

/// Φᵢ(t) for every stage i: 1 for the leaf; Πₖ Σⱼ aᵢⱼ Φⱼ(tₖ) otherwise (exact).
private func stageWeights(_ tree: RootedTree, _ tableau: ButcherTableau, memo: inout [String: [Rational]]) -> [Rational] {
    if let known = memo[tree.key] { return known }
    let s = tableau.stages
    var phi = [Rational](repeating: Rational(1), count: s)
    for child in tree.children {
        let inner = stageWeights(child, tableau, memo: &memo)
        for i in 0..<s {
            var sum = Rational(0)
            for j in 0..<i { sum = sum + tableau.coefficients[i][j] * inner[j] }
            phi[i] = phi[i] * sum
        }
    }
    memo[tree.key] = phi
    return phi
}

/// The trees up to `order` whose order condition Σ bᵢ Φᵢ(t) = 1/γ(t) fails for `weights`.
private func failedConditions(_ tableau: ButcherTableau, weights: [Rational], order: Int) -> [String] {
    var memo: [String: [Rational]] = [:]
    var failed: [String] = []
    for n in 1...order {
        for tree in RootedTree.all(order: n) {
            let phi = stageWeights(tree, tableau, memo: &memo)
            let value = zip(weights, phi).reduce(Rational(0)) { $0 + $1.0 * $1.1 }
            if value != Rational(numerator: 1, denominator: BigInt(tree.density)) { failed.append(tree.key) }
        }
    }
    return failed
}

@Suite("Butcher tableaux (exact order conditions)")
struct ButcherTableauTests {
    @Test("There are 1, 1, 2, 4, 9, 20, 48, 115 rooted trees of orders 1 … 8")
    func treeCounts() {
        #expect((1...8).map { RootedTree.all(order: $0).count } == [1, 1, 2, 4, 9, 20, 48, 115])
    }

    @Test("Fehlberg 8(7): rows sum to the nodes; b meets all 200 conditions of order ≤ 8, b̂ all 85 of order ≤ 7")
    func fehlberg() {
        let t = ButcherTableau.fehlberg78
        for i in 0..<t.stages {
            #expect(t.coefficients[i].reduce(Rational(0), +) == t.nodes[i], "row \(i)")
        }
        #expect(failedConditions(t, weights: t.weights, order: 8).isEmpty)
        #expect(failedConditions(t, weights: t.embeddedWeights!, order: 7).isEmpty)
        // And the embedded solution really is only of order 7 (so the estimate is O(h⁸), as the controller assumes).
        #expect(!failedConditions(t, weights: t.embeddedWeights!, order: 8).isEmpty)
    }

    @Test("Classical RK4 meets the 8 conditions of order ≤ 4 and not all of order 5")
    func rk4() {
        let t = ButcherTableau.classicalRungeKutta4
        #expect(failedConditions(t, weights: t.weights, order: 4).isEmpty)
        #expect(!failedConditions(t, weights: t.weights, order: 5).isEmpty)
    }
}
