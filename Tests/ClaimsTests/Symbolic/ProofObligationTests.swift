import Foundation
import LinearAlgebra
import MultiPrecision
import Testing
import Claims
@testable import Symbolic

/// The shipped obligation files in proofs/symbolic/.
enum ShippedObligations {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("proofs/symbolic")

    static var fileNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".toml") }.sorted()
    }

    static func load(_ name: String) throws -> ProofObligation {
        try ObligationFile.read(file: folder.appendingPathComponent(name).path)
    }

    /// Loads, checks, prints the verdict (and, for refutations, the obstruction and counterexample) and returns it.
    static func check(_ name: String) throws -> ObligationReport {
        let report = try load(name).check()
        print(report.verdictLine)
        if report.obligation.expectation == .refuted || !report.metExpectation { print(report.details) }
        return report
    }
}

@Suite("Proof obligations: every shipped file is proved or refuted as it expects")
struct ProofObligationTests {
    @Test("The shipped families are all there: balancedness (flow N = 2…8, GD N = 2…6), layer norms N = 2…8, refutations")
    func inventory() throws {
        let names = Set(ShippedObligations.fileNames)
        for n in 2...8 {
            #expect(names.contains("balancedness-flow-N\(n).toml"))
            #expect(names.contains("layer-norms-flow-N\(n).toml"))
        }
        for n in 2...6 { #expect(names.contains("balancedness-gd-N\(n).toml")) }
        for name in ["commutativity", "weight-decay-balancedness", "non-product-loss-gd", "gd-exact-conservation", "weight-decay-rate"] {
            #expect(names.contains(name + ".toml"))
        }
        #expect(names.count == 24)
        // Every balancedness file states one identity per j (three per j for gradient descent).
        for n in 2...8 { #expect(try ShippedObligations.load("balancedness-flow-N\(n).toml").claims.count == n - 1) }
        for n in 2...6 { #expect(try ShippedObligations.load("balancedness-gd-N\(n).toml").claims.count == 3 * (n - 1)) }
        for n in 2...8 { #expect(try ShippedObligations.load("layer-norms-flow-N\(n).toml").claims.count == n) }
    }

    @Test("Each obligation meets its expectation", arguments: ShippedObligations.fileNames)
    func meetsExpectation(file: String) throws {
        let report = try ShippedObligations.check(file)
        #expect(report.metExpectation, "\(report.verdictLine)\n\(report.details)")
        #expect(report.verdictLine.hasPrefix("PASS  \(report.obligation.id)  "))
        for result in report.results {
            switch report.obligation.expectation {
            case .proved:
                #expect(result.proof?.isProved == true)
                #expect(result.crossCheck?.counterexample == nil)
            case .refuted:
                #expect(result.proof?.obstruction != nil)
                let c = try #require(result.crossCheck?.counterexample)
                #expect(!c.lhs.isEqual(to: c.rhs))
            }
        }
    }

    @Test("Balancedness at depth 8: each side's derivative is non-zero and they cancel exactly")
    func depthEightCancellation() throws {
        let obligation = try ShippedObligations.load("balancedness-flow-N8.toml")
        for j in 1...7 {
            let up = try obligation.context.evaluate("d/dt(W\(j + 1)' W\(j + 1))")
            let down = try obligation.context.evaluate("d/dt(W\(j) W\(j)')")
            guard case .matrix(let a) = up, case .matrix(let b) = down else { Issue.record("matrix values"); return }
            #expect(a.termCount == 2 && a == b)
            // −(W_{j+1}ᵀG_{j+1} + G_{j+1}ᵀW_{j+1}): G has seven W's and E, so each word has 9 letters.
            #expect(a.degree == 9)
        }
    }

    @Test("Gradient descent at depth 6: the η² change is non-zero and there are no other orders")
    func gradientDescentOrders() throws {
        let obligation = try ShippedObligations.load("balancedness-gd-N6.toml")
        for j in 1...5 {
            let d = "W\(j + 1)' W\(j + 1) - W\(j) W\(j)'"
            guard case .matrix(let change) = try obligation.context.evaluate("step(\(d)) - (\(d))") else {
                Issue.record("matrix"); return
            }
            let eta = Symbol.scalar("eta")
            #expect(change.expansion(in: eta).keys.sorted() == [2])
            #expect(change.coefficient(of: eta, power: 2).termCount == 2)
        }
    }

    @Test("Commutativity: obstruction W₂W₁ − W₁W₂, and the counterexample matrices do not commute")
    func commutativity() throws {
        let report = try ShippedObligations.check("commutativity.toml")
        let result = report.results[0]
        #expect(result.proof?.remainder.description == "W₂W₁ − W₁W₂")
        let c = try #require(result.crossCheck?.counterexample)
        let w1 = c.assignment.matrices[Symbol("W1")]!, w2 = c.assignment.matrices[Symbol("W2")]!
        #expect(w1.isSquare && w1.rowCount >= 2)
        #expect(w2 * w1 != w1 * w2)
        #expect(c.lhs == .matrix(w2 * w1) && c.rhs == .matrix(w1 * w2))
    }

    /// G_j = W_{N:j+1}ᵀ E W_{j−1:1}ᵀ for N = 3, computed directly on matrices.
    static func gradients(_ w: [Matrix<Rational>], _ e: Matrix<Rational>) -> [Matrix<Rational>] {
        [(w[2] * w[1]).transposed() * e, w[2].transposed() * e * w[0].transposed(), e * (w[1] * w[0]).transposed()]
    }

    @Test("Weight decay: obstruction −2λD_j, and on the counterexample dD_j/dt = −2λD_j ≠ 0 by direct matrix algebra")
    func weightDecay() throws {
        let report = try ShippedObligations.check("weight-decay-balancedness.toml")
        let context = report.obligation.context
        for (j, result) in report.results.enumerated().map({ ($0.offset + 1, $0.element) }) {
            let expected = try context.evaluate("-2 lambda (W\(j + 1)' W\(j + 1) - W\(j) W\(j)')")
            #expect(result.proof?.remainder == expected)
            let c = try #require(result.crossCheck?.counterexample)
            let w = (1...3).map { c.assignment.matrices[Symbol("W\($0)")]! }
            let e = c.assignment.matrices[Symbol("E")]!, lambda = c.assignment.scalars[Symbol.scalar("lambda")]!
            let g = Self.gradients(w, e)
            let dw = (0..<3).map { -g[$0] - lambda * w[$0] }
            let (a, b) = (j, j - 1)   // W_{j+1} and W_j as 0-based indices
            let dD = dw[a].transposed() * w[a] + w[a].transposed() * dw[a] - dw[b] * w[b].transposed() - w[b] * dw[b].transposed()
            let d = w[a].transposed() * w[a] - w[b] * w[b].transposed()
            #expect(dD == Rational(-2) * lambda * d)
            #expect(dD != .zeros(rows: d.rowCount, columns: d.columnCount))
            #expect(c.lhs == .matrix(dD))
        }
    }

    @Test("Weight decay, the true rate: d/dt D_j = −2λD_j is proved")
    func weightDecayRate() throws {
        let report = try ShippedObligations.check("weight-decay-rate.toml")
        #expect(report.metExpectation && report.results.count == 2)
    }

    @Test("A loss that is not a function of the product: first-order obstructions −(W₂ᵀH + HᵀW₂) and HW₂ᵀ + W₂Hᵀ")
    func nonProductLoss() throws {
        let report = try ShippedObligations.check("non-product-loss-gd.toml")
        let context = report.obligation.context
        #expect(report.results[0].proof?.remainder == (try context.evaluate("-(W2' H + H' W2)")))
        #expect(report.results[1].proof?.remainder == (try context.evaluate("H W2' + W2 H'")))
        #expect(report.results[0].proof?.remainder.description == "−W₂ᵀH − HᵀW₂")
        // On the counterexample, the first-order term computed by hand is the obstruction, and not zero.
        let c = try #require(report.results[0].crossCheck?.counterexample)
        let w = (1...3).map { c.assignment.matrices[Symbol("W\($0)")]! }
        let e = c.assignment.matrices[Symbol("E")]!, h = c.assignment.matrices[Symbol("H")]!
        var g = Self.gradients(w, e)
        g[1] = g[1] + h
        let firstOrder = -(g[1].transposed() * w[1] + w[1].transposed() * g[1]) + g[0] * w[0].transposed() + w[0] * g[0].transposed()
        #expect(firstOrder == -(w[1].transposed() * h + h.transposed() * w[1]))
        #expect(c.lhs == .matrix(firstOrder))
        #expect(firstOrder != .zeros(rows: firstOrder.rowCount, columns: firstOrder.columnCount))
    }

    @Test("Exact conservation under gradient descent is false: the obstruction is the η² term")
    func gradientDescentNotConserved() throws {
        let report = try ShippedObligations.check("gd-exact-conservation.toml")
        let expected = try report.obligation.context.evaluate("eta^2 (G2' G2 - G1 G1')")
        #expect(report.results[0].proof?.remainder == expected)
        let c = try #require(report.results[0].crossCheck?.counterexample)
        let w1 = c.assignment.matrices[Symbol("W1")]!, w2 = c.assignment.matrices[Symbol("W2")]!
        let e = c.assignment.matrices[Symbol("E")]!, eta = c.assignment.scalars[Symbol.scalar("eta")]!
        let g1 = w2.transposed() * e, g2 = e * w1.transposed()
        let p1 = w1 - eta * g1, p2 = w2 - eta * g2
        let before = w2.transposed() * w2 - w1 * w1.transposed(), after = p2.transposed() * p2 - p1 * p1.transposed()
        #expect(after - before == eta * eta * (g2.transposed() * g2 - g1 * g1.transposed()))
        #expect(after != before)
    }

    @Test("Checking is deterministic: the same verdicts and counterexamples every time")
    func deterministic() throws {
        let first = try ShippedObligations.load("weight-decay-balancedness.toml").check()
        let second = try ShippedObligations.load("weight-decay-balancedness.toml").check()
        #expect(first.verdictLine == second.verdictLine)
        #expect(first.details == second.details)
    }

    @Test("One identity alone (check(claimAt:), what an instance of symbolic-identity runs) comes out as in the whole check")
    func oneIdentity() throws {
        let obligation = try ShippedObligations.load("weight-decay-balancedness.toml")
        let whole = obligation.check().results
        #expect(!whole.isEmpty)
        for (index, result) in whole.enumerated() {
            let alone = obligation.check(claimAt: index)
            #expect(alone.outcome == result.outcome && alone.label == result.label)
            #expect(alone.proof == result.proof)
            #expect(alone.crossCheck?.counterexample?.description == result.crossCheck?.counterexample?.description)
        }
    }
}
