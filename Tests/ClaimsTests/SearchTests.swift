import Claims
import LinearAlgebra
import MultiPrecision
import Testing

@Suite("Counterexample search: seeded draws, the smallest failing draw, shrinking")
struct SearchTests {
    @Test("Draw a is a function of the search seed and a alone, and lies in the stated ranges")
    func reproducibleDraws() throws {
        let claim = try SearchToyKinds.claim(SearchToyKinds.file("toy-zero-matrix", """
            [model]
            A = [[0]]
            rows = 1
            [search]
            draws = 10
            seed = 7
            [search.ranges]
            rows = [1, 4]
            A = { rows = "rows", columns = 3, entries = ["-1", "1"], denominator = 4 }
            """))
        let search = try #require(claim.search)
        let draws = SearchDraws(base: claim.instances[0].parameters, search: search, kind: SearchToyKinds.ZeroMatrix())
        for attempt in [0, 5, 99] {
            let a = try #require(draws.parameters(attempt: attempt))
            #expect(a == draws.parameters(attempt: attempt))
            let rows = try #require(a.integer("rows"))
            #expect((1...4).contains(rows))
            guard case let .exact(m, _)? = a.matrix("A") else { Issue.record("A is not drawn"); continue }
            #expect(m.rowCount == rows && m.columnCount == 3)
            for i in 0..<m.rowCount {
                for j in 0..<3 {
                    #expect(m[i, j] >= -1 && m[i, j] <= 1)
                    #expect((m[i, j] * 4).isInteger)
                }
            }
        }
        var other = search
        other.seed = 8
        let differ = (0..<10).contains { draws.parameters(attempt: $0)
            != SearchDraws(base: claim.instances[0].parameters, search: other, kind: SearchToyKinds.ZeroMatrix()).parameters(attempt: $0) }
        #expect(differ)
    }

    static let integerSearch = SearchToyKinds.file("toy-integer-bound", expect: "fail", """
        [model]
        m = 3
        [search]
        draws = 200
        seed = 11
        [search.ranges]
        n = [0, 1000]
        """)

    @Test("The first FAIL is the smallest failing draw; shrinking an integer ends at the boundary n = 11")
    func integerShrinksToBoundary() async throws {
        let outcome = try await SearchToyKinds.check(Self.integerSearch)
        let search = try #require(outcome.search)
        #expect(outcome.verdict == .fail && outcome.metExpectation)
        // Independently: the first attempt whose drawn n exceeds 10 (no draw is rejected: n = m = 3 is not > 10,
        // and rejected attempts do not count as draws).
        let claim = try SearchToyKinds.claim(Self.integerSearch)
        let draws = SearchDraws(base: claim.instances[0].parameters, search: claim.search!, kind: SearchToyKinds.IntegerBound())
        var valid: [Int] = []
        for attempt in 0..<400 { if let p = draws.parameters(attempt: attempt) { valid.append(p.integer("n")!) } }
        let firstFailing = try #require(valid.firstIndex { $0 > 10 })
        #expect(search.draws == firstFailing + 1)
        #expect(search.failingDraw?.instance.index == firstFailing)
        #expect(search.failingDraw?.instance.parameters.integer("n") == valid[firstFailing])
        #expect(search.minimal?.instance.parameters.integer("n") == 11)
        #expect(search.minimal?.margin?.exact == "-1")
        #expect(!search.shrinkSteps.isEmpty && search.shrinkSteps.last?.change.hasSuffix("→ 11") == true)
        #expect(outcome.instances.count == 1 && outcome.instances[0].instance.parameters.integer("n") == 11)
    }

    @Test("The same draws, FAIL, minimal instance and shrink path for 1, 2 and 4 jobs")
    func jobsDoNotMatter() async throws {
        var results: [(Int, Int?, InstanceParameters?, [ShrinkStep], Int)] = []
        for jobs in [1, 2, 4] {
            let search = try #require(try await SearchToyKinds.check(Self.integerSearch, jobs: jobs).search)
            results.append((search.draws, search.failingDraw?.instance.index, search.minimal?.instance.parameters,
                            search.shrinkSteps, search.shrinkEvaluations))
        }
        for r in results.dropFirst() {
            #expect(r.0 == results[0].0 && r.1 == results[0].1 && r.2 == results[0].2 && r.3 == results[0].3 && r.4 == results[0].4)
        }
    }

    @Test("A rational shrinks to the simplest failing value of its range (x = 1 for x ≤ 1/3 on [0, 1])")
    func rationalShrinksToSimplest() async throws {
        let outcome = try await SearchToyKinds.check(SearchToyKinds.file("toy-rational-bound", expect: "fail", """
            [search]
            draws = 50
            seed = 3
            [search.ranges]
            x = { min = "0", max = "1", denominator = 1000 }
            steps = [1, 100]
            """))
        let search = try #require(outcome.search)
        let drawn = try #require(search.failingDraw?.instance.parameters.rational("x"))
        #expect(drawn > Rational(numerator: 1, denominator: 3))
        #expect(search.minimal?.instance.parameters.rational("x") == 1)
        #expect(search.minimal?.instance.parameters.integer("steps") == 1)
    }

    @Test("Matrix entries are set to zero while the instance still fails: one integer entry is left")
    func dataEntriesZeroed() async throws {
        let outcome = try await SearchToyKinds.check(SearchToyKinds.file("toy-zero-matrix", expect: "fail", """
            [model]
            A = [[0], [0], [0]]
            rows = 3
            [search]
            draws = 5
            [search.ranges]
            A = { rows = 3, columns = 3, entries = ["-2", "2"], denominator = 4 }
            """))
        let search = try #require(outcome.search)
        guard case let .exact(m, _)? = search.minimal?.instance.parameters.matrix("A") else {
            Issue.record("no minimal matrix")
            return
        }
        var nonzero: [Rational] = []
        for i in 0..<3 { for j in 0..<3 where !m[i, j].isZero { nonzero.append(m[i, j]) } }
        #expect(nonzero.count == 1)
        #expect(nonzero.first?.isInteger == true)
        #expect(search.minimal?.margin?.exact == "-1")
        #expect(search.shrinkSteps.contains { $0.change.hasSuffix("→ 0") })
    }

    @Test("A search that finds no FAIL runs its whole budget and is PASS with its number of draws")
    func budgetWithoutFail() async throws {
        let outcome = try await SearchToyKinds.check(SearchToyKinds.file("toy-integer-bound", """
            [search]
            draws = 40
            [search.ranges]
            n = [0, 10]
            """), jobs: 2)
        #expect(outcome.verdict == .pass && outcome.metExpectation)
        #expect(outcome.search?.draws == 40 && outcome.instances.count == 40)
        #expect(outcome.search?.failingDraw == nil && outcome.search?.replayText == nil)
    }

    @Test("A time budget bounds the search by the clock")
    func timeBudget() async throws {
        let outcome = try await SearchToyKinds.check(SearchToyKinds.file("toy-integer-bound", """
            [search]
            seconds = 0.2
            [search.ranges]
            n = [0, 10]
            """))
        let search = try #require(outcome.search)
        #expect(outcome.verdict == .pass && search.draws >= 1 && search.drawBudget == nil && search.secondsBudget == 0.2)
    }

    @Test("Attempts the kind rejects are skipped and counted, not run")
    func rejectedDraws() async throws {
        let outcome = try await SearchToyKinds.check(SearchToyKinds.file("toy-integer-bound", """
            [model]
            n = 1
            m = 2
            [search]
            draws = 30
            [search.ranges]
            n = [1, 2]
            m = [1, 2]
            """))
        let search = try #require(outcome.search)
        #expect(search.draws == 30 && search.rejected > 0)
        #expect(outcome.instances.allSatisfy { $0.instance.parameters.integer("n") != $0.instance.parameters.integer("m") })
    }

    @Test("The first violation beyond its error estimate is found by cutting the run, not at the largest violation")
    func firstViolation() async throws {
        let outcome = try await SearchToyKinds.check(SearchToyKinds.file("toy-step-run", expect: "fail", """
            [search]
            draws = 3
            shrink = false
            [search.ranges]
            steps = [9, 9]
            """))
        let search = try #require(outcome.search)
        #expect(search.minimal?.location == "t = 9")
        let statement = try #require(search.firstViolation)
        #expect(statement.contains("at step 3 of 9") && statement.contains("-0.001") && statement.contains("after 2 it is PASS"))
    }

    @Test("Simpler rationals are the continued-fraction convergents")
    func convergents() {
        #expect(SimplerRationals.convergents(of: Rational(numerator: 355, denominator: 113)) == [3, Rational(numerator: 22, denominator: 7)])
        #expect(SimplerRationals.convergents(of: Rational(numerator: 7, denominator: 10)) == [0, 1, Rational(numerator: 2, denominator: 3)])
        #expect(SimplerRationals.convergents(of: Rational(numerator: -3, denominator: 4)) == [-1])
        #expect(SimplerRationals.convergents(of: 5).isEmpty)
        #expect(SimplerRationals.candidates(of: Rational(numerator: 1, denominator: 4)) == [0, 1, Rational(numerator: 1, denominator: 2)])
        #expect(SimplerRationals.candidates(of: Rational(numerator: 7, denominator: 10))
                == [1, 0, Rational(numerator: 1, denominator: 2), Rational(numerator: 2, denominator: 3), Rational(numerator: 3, denominator: 4)])
    }
}
