import Claims
import Foundation
import LinearAlgebra
import MultiPrecision
import Testing

/// End-to-end runs of conjecture claim files through the engine (both precisions, escalation, verdicts), against
/// closed forms and independent hand-written computations.
@Suite("Conjecture kind: flows, maps, exact maps and the four conjectures of the issue")
struct ConjectureKindTests {
    /// Reads `toml` (as a file in a fresh folder) and checks it.
    func check(_ toml: String, jobs: Int = 2) async throws -> ClaimOutcome {
        let path = try writeClaimFolder(toml)
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let claim = try ClaimFileParser().parse(file: path)
        #expect(claim.kind == "conjecture")
        let result = await ClaimEngine().check([claim], options: CheckOptions(jobs: jobs))
        return result.claims[0]
    }

    func measurement(_ outcome: InstanceOutcome, _ prefix: String) throws -> Claims.Measurement {
        try #require(outcome.measurements.first { $0.name.hasPrefix(prefix) }, "no measurement \(prefix) in \(outcome.measurements.map(\.name))")
    }

    func value(_ m: Claims.Measurement) -> Double { Double(m.value)! }

    // MARK: - A flow with a closed form

    static let decay = """
        id = "decay"
        title = "x' = -x"
        statement = "x(t) = e^{-t} x(0)"

        [symbols]
        x = { kind = "scalar", init = 1 }

        [dynamics]
        flow.x = "-x"
        horizon = 3
        output_times = 12

        [[property]]
        name = "law"
        invariant = "x"
        law = "exp(-t) initial(x)"

        [[property]]
        name = "equal"
        equal = ["x", "exp(-t)"]

        [[property]]
        name = "falls"
        monotone = "x"
        direction = "decreasing"

        [[property]]
        name = "positive"
        bound = "x >= 0"

        [[property]]
        name = "at one"
        at = "x <= 1/2"
        time = 1

        [[property]]
        name = "limit"
        limit = "x"
        within = "1/10"
        """

    @Test("A flow against its closed form e^{−t}: law, equal, monotone with d/dt, bound, at, limit")
    func decayFlow() async throws {
        let outcome = try await check(Self.decay)
        #expect(outcome.verdict == .pass)
        let instance = outcome.instances[0]
        #expect(try value(measurement(instance, "law: max |e − law|")) < 1e-60)
        #expect(try value(measurement(instance, "equal: max |a − b|")) < 1e-60)
        // The smallest gap of "x ≤ 1/2" at t = 1 is 1/2 − e^{−1}; the limit's distance is e^{−3}.
        #expect(try abs(value(measurement(instance, "at one: smallest signed gap")) - (0.5 - exp(-1.0))) < 1e-15)
        #expect(try abs(value(measurement(instance, "limit: max |e(T) − v|")) - exp(-3.0)) < 1e-15)
        // min over the samples of −d/dt x = e^{−3} (at the end); the smallest fall between samples is e^{−11/4}(1 − e^{−1/4}).
        #expect(try abs(value(measurement(instance, "falls: min over samples of −d/dt e")) - exp(-3.0)) < 1e-15)
        #expect(try abs(value(measurement(instance, "falls: min_k (e_k − e_{k+1})")) - exp(-2.75) * (1 - exp(-0.25))) < 1e-15)
        #expect(instance.statistics["checked (at one)"] == "x ≤ 1/2 at t = 1")
    }

    @Test("Its known-false twin fails at the stated place: e^{−1} > 1/3")
    func decayTwin() async throws {
        let outcome = try await check(Self.decay.replacingOccurrences(of: "x <= 1/2", with: "x <= 1/3"))
        #expect(outcome.verdict == .fail)
        let instance = try #require(outcome.counterexample)
        #expect(instance.location?.hasPrefix("at one: t = 1; checked: x ≤ 1/3 at t = 1") == true, "\(instance.location ?? "")")
        #expect(try abs(value(#require(instance.margin)) - (1.0 / 3 - exp(-1.0))) < 1e-15)
    }

    // MARK: - Conjecture 4: balancedness of a linear two-layer network, not with tanh

    static let balancedness = """
        id = "linear-balancedness"
        title = "tr(W2ᵀW2) − tr(W1W1ᵀ) is conserved"
        statement = "tr(W2ᵀW2) − tr(W1W1ᵀ) is constant along the gradient flow of ½‖W2 W1 X − Y‖²_F"

        [symbols]
        X  = { shape = ["d0", "m"], data = "random", seed = 1 }
        Y  = { shape = ["d2", "m"], data = "random", seed = 2 }
        W1 = { shape = ["d1", "d0"], init = "random", scale = "1/2" }
        W2 = { shape = ["d2", "d1"], init = "random", scale = "1/2" }

        [dynamics]
        gradient-flow = "1/2 norm2(W2 W1 X - Y)"
        horizon = 1
        output_times = 8

        [[property]]
        invariant = "tr(W2' W2) - tr(W1 W1')"

        [grid]
        d0 = [3]
        d1 = [3]
        d2 = [2]
        m = [4]
        """

    @Test("Linear: PASS, and proved for all sizes by the Symbolic prover along the derived flow")
    func linearBalancedness() async throws {
        let outcome = try await check(Self.balancedness)
        #expect(outcome.verdict == .pass)
        let instance = outcome.instances[0]
        #expect(try value(measurement(instance, "property 1: max |e − e(0)|")) < 1e-60)
        #expect(try measurement(instance, "symbolic (property 1)").exact == "1")
        #expect(instance.statistics["symbolic (property 1)"]?.hasPrefix("PROVED for all sizes") == true)
        #expect(outcome.claim.checked.count == 2)
        #expect(outcome.claim.checked.first?.hasPrefix("dynamics: gradient flow of 1/2 norm2(W2 W1 X - Y), derived exactly: dW1/dt = ") == true)
        #expect(outcome.claim.checked.last
                == "property 1: tr(W2' W2) - tr(W1 W1') at t = 0, T/8, 2T/8, …, T (T = 1) equals its value at t = 0")
    }

    @Test("tanh: FAIL with its place, and 'not polynomial' from the symbolic side")
    func tanhBalancedness() async throws {
        let outcome = try await check(Self.balancedness.replacingOccurrences(of: "W2 W1 X - Y", with: "W2 tanh(W1 X) - Y"))
        #expect(outcome.verdict == .fail)
        let instance = try #require(outcome.counterexample)
        #expect(try value(measurement(instance, "property 1: max |e − e(0)|")) > 1e-6)
        #expect(try measurement(instance, "symbolic (property 1)").exact == "-1")
        #expect(instance.statistics["symbolic (property 1)"]?.hasPrefix("not polynomial: tanh is not polynomial") == true,
                "\(instance.statistics)")
        #expect(instance.location?.hasPrefix("property 1: t = ") == true)
    }

    // MARK: - Conjecture 1: exact gradient descent on a depth-3 linear network

    static func gradientDescent(eta: String) -> String {
        """
        id = "gd-depth-3"
        title = "GD on a depth-3 linear network does not increase the loss"
        statement = "L(W(k+1)) ≤ L(W(k))"

        [symbols]
        Phi = { data = [[1, 0], [0, 0]] }
        W1 = { data = [[1, 0], [0, 1]] }
        W2 = { init = [[1, "1/2"], [0, 1]] }
        W3 = { init = [["1/2", 0], [1, 1]] }

        [parameters]
        eta = "\(eta)"

        [definitions]
        loss = "1/2 norm2(W3 W2 W1 - Phi)"

        [dynamics]
        gradient-descent = "loss"
        step_size = "eta"
        steps = 2
        arithmetic = "exact"

        [[property]]
        monotone = "loss"
        direction = "non-increasing"
        """
    }

    /// The losses of two GD steps on W2, W3 (W1 is data here), by the hand-written gradients
    /// G2 = W3ᵀ E W1ᵀ, G3 = E (W2 W1)ᵀ with E = W3 W2 W1 − Φ.
    static func referenceLosses(eta: Rational) throws -> [Rational] {
        func m(_ rows: [[Rational]]) throws -> Matrix<Rational> { try Matrix(rows: rows) }
        let half = Rational(numerator: 1, denominator: 2)
        let phi = try m([[1, 0], [0, 0]]), w1 = try m([[1, 0], [0, 1]])
        var w2 = try m([[1, half], [0, 1]]), w3 = try m([[half, 0], [1, 1]])
        func loss() -> Rational { let e = w3 * w2 * w1 - phi; return half * e.frobeniusInnerProduct(e) }
        var losses = [loss()]
        for _ in 0..<2 {
            let e = w3 * w2 * w1 - phi
            let g2 = w3.transposed() * e * w1.transposed(), g3 = e * (w2 * w1).transposed()
            w2 = w2 - eta * g2
            w3 = w3 - eta * g3
            losses.append(loss())
        }
        return losses
    }

    @Test("Exact GD, small step: the exact losses of a hand-written gradient, non-increasing (PASS)")
    func gradientDescentSmallStep() async throws {
        let eta = Rational(numerator: 1, denominator: 10)
        let losses = try Self.referenceLosses(eta: eta)
        let smallest = min(losses[0] - losses[1], losses[1] - losses[2])
        #expect(smallest > 0)     // the test data: the small step decreases the loss
        let outcome = try await check(Self.gradientDescent(eta: "1/10"))
        #expect(outcome.verdict == .pass)
        let instance = outcome.instances[0]
        #expect(try measurement(instance, "property 1: min_k (e_k − e_{k+1})").exact == smallest.description)
        #expect(try measurement(instance, "property 1: e at the last sample").exact == losses[2].description)
        #expect(instance.margin?.exact == smallest.description && instance.margin?.error == "0")
    }

    @Test("Exact GD, large step: the loss rises, FAIL exactly between the steps where it does")
    func gradientDescentLargeStep() async throws {
        let losses = try Self.referenceLosses(eta: 2)
        let steps = [losses[0] - losses[1], losses[1] - losses[2]]
        let smallest = steps.min()!
        #expect(smallest < 0)     // the test data: the large step increases the loss
        let outcome = try await check(Self.gradientDescent(eta: "2"))
        #expect(outcome.verdict == .fail)
        let instance = try #require(outcome.counterexample)
        #expect(instance.margin?.exact == smallest.description)
        let k = steps.firstIndex(of: smallest)!
        #expect(instance.location?.hasPrefix("property 1: between k = \(k) and k = \(k + 1)") == true, "\(instance.location ?? "")")
    }

    // MARK: - Conjecture 2: the OMWU duality gap after step 10

    static let omwu = """
        id = "omwu-gap"
        title = "The OMWU duality gap is non-increasing after step 10"
        statement = "max_j (Aᵀx)_j − min_i (Ay)_i is non-increasing for k ≥ 10"

        [symbols]
        A = { data = [[0, 1, -2], [-1, 0, 3], [2, -3, 0]] }
        x = { shape = [3], init = "uniform" }
        y = { shape = [3], init = "uniform" }

        [parameters]
        eta = "1/10"

        [dynamics]
        map.x = "normalize(x ∘ exp(-eta (2 A y - A prev(y))))"
        map.y = "normalize(y ∘ exp(eta (2 A' x - A' prev(x))))"
        steps = 60

        [[property]]
        monotone = "max(A' x) - min(A y)"
        direction = "non-increasing"
        from_step = 10
        """

    /// The gap of OMWU in Double, written out by hand: x⁺ ∝ x ∘ exp(−η(2Ay − Ay₋)), y⁺ ∝ y ∘ exp(η(2Aᵀx − Aᵀx₋)).
    static func omwuGaps(steps: Int, eta: Double = 0.1) -> [Double] {
        let a: [[Double]] = [[0, 1, -2], [-1, 0, 3], [2, -3, 0]]
        func times(_ v: [Double]) -> [Double] { (0..<3).map { i in (0..<3).reduce(0) { $0 + a[i][$1] * v[$1] } } }
        func transposeTimes(_ v: [Double]) -> [Double] { (0..<3).map { j in (0..<3).reduce(0) { $0 + a[$1][j] * v[$1] } } }
        func normalize(_ v: [Double]) -> [Double] { let s = v.reduce(0, +); return v.map { $0 / s } }
        var x = [1.0 / 3, 1.0 / 3, 1.0 / 3], y = x, xPrev = x, yPrev = y
        var gaps = [transposeTimes(x).max()! - times(y).min()!]
        for _ in 0..<steps {
            let ay = times(y), ayPrev = times(yPrev), atx = transposeTimes(x), atxPrev = transposeTimes(xPrev)
            let nx = normalize((0..<3).map { x[$0] * Foundation.exp(-eta * (2 * ay[$0] - ayPrev[$0])) })
            let ny = normalize((0..<3).map { y[$0] * Foundation.exp(eta * (2 * atx[$0] - atxPrev[$0])) })
            xPrev = x; yPrev = y; x = nx; y = ny
            gaps.append(transposeTimes(x).max()! - times(y).min()!)
        }
        return gaps
    }

    @Test("OMWU as a map with prev(): the gap agrees with a hand-written Double iteration; its verdict is the sign")
    func omwuGap() async throws {
        let gaps = Self.omwuGaps(steps: 60)
        let falls = (10..<60).map { gaps[$0] - gaps[$0 + 1] }
        let smallest = falls.min()!
        let outcome = try await check(Self.omwu)
        let instance = outcome.instances[0]
        #expect(try abs(value(measurement(instance, "property 1: e at the first sample checked")) - gaps[10]) < 1e-12)
        #expect(try abs(value(measurement(instance, "property 1: e at the last sample")) - gaps[60]) < 1e-12)
        #expect(try abs(value(measurement(instance, "property 1: min_k (e_k − e_{k+1})")) - smallest) < 1e-12)
        #expect(outcome.verdict == (smallest < 0 ? .fail : .pass))
        if smallest < 0 {
            let k = 10 + falls.firstIndex(of: smallest)!
            #expect(instance.location?.hasPrefix("property 1: between k = \(k) and k = \(k + 1)") == true, "\(instance.location ?? "")")
        }
    }

    // MARK: - Conjecture 3: the ℓ1 norm of a diagonal network's limit across α

    static func diagonal(direction: String) -> String {
        """
        id = "diagonal-l1-trend"
        title = "The ℓ1 norm of the limit falls with α"
        statement = "‖x∞(α)‖₁ falls as α falls"

        [symbols]
        A = { data = [[1, 2, 0, -1], [0, 1, 1, 1]] }
        b = { data = [1, 2] }
        u = { shape = [4], init = "alpha ones" }
        v = { shape = [4], init = "alpha ones" }

        [parameters]
        alpha = 1

        [definitions]
        x = "u ∘ u - v ∘ v"

        [dynamics]
        gradient-flow = "1/2 norm2(A x - b)"
        horizon = 40
        output_times = 4

        [[property]]
        trend = "norm1(x)"
        over = "alpha"
        values = ["1", "1/4", "1/16"]
        direction = "\(direction)"
        """
    }

    @Test("Diagonal network: a trend over α, one run per value; the twin claims the opposite direction")
    func diagonalTrend() async throws {
        let falls = try await check(Self.diagonal(direction: "decreasing"))
        let rises = try await check(Self.diagonal(direction: "increasing"))
        let ends = try (1...3).map { try value(measurement(falls.instances[0], "property 1: e at the end of run \($0)")) }
        // Every run ends near the solution set A x = b, whose ℓ1 minimum is 2 (x = (0, 1/2, 3/2, 0) and others).
        #expect(ends.allSatisfy { $0 > 2 - 1e-9 && $0 < 2.2 })
        let decreasing = ends[0] > ends[1] && ends[1] > ends[2]
        #expect(falls.verdict == (decreasing ? .pass : .fail))
        #expect(rises.verdict == (decreasing ? .fail : .pass))
        #expect([falls.verdict, rises.verdict].contains(.fail))
    }

    // MARK: - Symbol values and instances

    @Test("Symbol values from inline data, CSV, JSON, uniform, zeros, ones, identity, random, gaussian and expressions; [[instance]] bindings")
    func symbolValues() async throws {
        let toml = """
            id = "values"
            title = "t"
            statement = "s"

            [symbols]
            D = { data = "data/d.csv" }
            J = { data = "data/j.json" }
            U = { shape = ["n"], data = "uniform" }
            Z = { shape = [2, "n"], data = "zeros" }
            O = { shape = [2, "n"], data = "ones", scale = "c" }
            E = { shape = ["n", "n"], data = "identity" }
            X = { shape = ["n", "n"], data = "random", scale = "1/2", seed = 5 }
            Y = { shape = ["n", "n"], data = "random", scale = "1/2", seed = 5 }
            G = { shape = ["n", 2], data = "gaussian" }
            W = { shape = ["n", "n"], init = "2 E + c X" }

            [dynamics]
            map.W = "W"
            steps = 1
            arithmetic = "exact"

            [[property]]
            name = "csv"
            equal = ["sum(D) + 0 norm2(W)", "10/3"]

            [[property]]
            name = "json"
            equal = ["J", "D"]

            [[property]]
            name = "uniform"
            equal = ["sum(U) + norm2(Z)", "1"]

            [[property]]
            name = "ones"
            equal = ["sum(O)", "ocount"]

            [[property]]
            name = "expression"
            equal = ["tr(W)", "2 tr(E) + c tr(X)"]

            [[property]]
            name = "random"
            bound = "max(abs(X)) <= 1/2"

            [[property]]
            name = "distinct draws"
            bound = "norm2(X - Y) + norm2(G) > 0"

            [[instance]]
            n = 3
            c = "1/2"
            ocount = 3

            [[instance]]
            n = 2
            c = 2
            ocount = 8
            seed = 7
            """
        let path = try writeClaimFolder(toml, dataFiles: ["data/d.csv": "1, 1/3\n2, 0\n", "data/j.json": "[[1, \"1/3\"], [2, 0]]"])
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let claim = try ClaimFileParser().parse(file: path)
        #expect(claim.instances.count == 2)
        #expect(claim.instances[1].parameters.reportEntries.map { "\($0.name)=\($0.value)" } == ["n=2", "c=2", "ocount=8", "seed=7"])
        let outcome = await ClaimEngine().check([claim]).claims[0]
        #expect(outcome.verdict == .pass, "\(outcome.instances.map { $0.message ?? $0.location ?? "" })")
        for instance in outcome.instances {
            for name in ["csv", "json", "uniform", "ones", "expression"] {
                #expect(try measurement(instance, "\(name): max |a − b|").exact == "0")
            }
        }
    }

    // MARK: - Run-time failures and stopping

    @Test("A run-time failure is an ERROR of the instance naming the step and the cause")
    func runtimeError() async throws {
        let toml = """
            id = "log-of-negative"
            title = "t"
            statement = "s"

            [symbols]
            x = { kind = "scalar", init = 1 }

            [dynamics]
            map.x = "x - 1"
            steps = 3

            [[property]]
            bound = "log(x) <= 1"
            """
        let outcome = try await check(toml)
        #expect(outcome.verdict == .error)
        let message = outcome.instances[0].message ?? ""
        #expect(message.contains("k = 1") && message.contains("log"), "\(message)")
    }

    @Test("relu in a flow: a fixed activation pattern while no pre-activation changes sign; an ERROR when one crosses its kink")
    func reluFlow() async throws {
        func relu(_ rate: String) -> String {
            """
            id = "relu-flow"
            title = "t"
            statement = "s"

            [symbols]
            x = { kind = "scalar", init = 1 }

            [dynamics]
            flow.x = "\(rate)"
            horizon = 2
            output_times = 8

            [[property]]
            bound = "x <= 2"
            """
        }
        // x' = −relu(x − 1/2): x(t) = 1/2 + e^{−t}/2 stays above the kink; x' = relu(x) − 2: x(t) = 2 − e^t crosses 0 at ln 2.
        let smooth = try await check(relu("-relu(x - 1/2)"))
        #expect(smooth.verdict == .pass)
        #expect(try abs(value(measurement(smooth.instances[0], "property 1: smallest signed gap")) - 1) < 1e-60)
        let crossing = try await check(relu("relu(x) - 2"))
        #expect(crossing.verdict == .error)
        let message = crossing.instances[0].message ?? ""
        #expect(message.contains("at t = 0.75: a relu pre-activation changed sign"), "\(message)")
    }

    @Test("stop_when ends a map at the first sample where it holds, and reports where")
    func stopWhen() async throws {
        let toml = """
            id = "halving"
            title = "t"
            statement = "s"

            [symbols]
            x = { kind = "scalar", init = 1 }

            [dynamics]
            map.x = "x/2"
            steps = 100
            arithmetic = "exact"
            stop_when = "x <= 1/16"

            [[property]]
            limit = "x"
            within = "1/16"
            """
        let outcome = try await check(toml)
        #expect(outcome.verdict == .pass)
        let instance = outcome.instances[0]
        #expect(instance.statistics["stopped (stop_when)"] == "k = 4")
        #expect(try measurement(instance, "end of the run").exact == "4")
        #expect(instance.margin?.exact == "0")
    }
}
