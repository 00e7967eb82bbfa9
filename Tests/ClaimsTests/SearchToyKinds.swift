import Claims
import LinearAlgebra
import MultiPrecision

/// Toy claim kinds whose counterexamples are known in closed form, for the search tests.
enum SearchToyKinds {
    /// A registry with every toy kind.
    static let registry = ClaimKindRegistry.standard.adding(IntegerBound()).adding(RationalBound())
        .adding(ZeroMatrix()).adding(BlurryBound()).adding(StepRun())

    /// "n ≤ 10" (exact): margin 10 − n; `m` is an extra integer that does not matter; n = m is rejected.
    struct IntegerBound: ClaimKind {
        var name: String { "toy-integer-bound" }
        var summary: String { "n ≤ 10" }
        var method: String { "margin 10 − n, exact" }
        var arithmetic: Arithmetic { .exact }
        var parameters: [ParameterSpec] {
            [ParameterSpec("n", section: .model, type: .integer(0...1000), required: true, help: "n"),
             ParameterSpec("m", section: .model, type: .integer(0...1000), default: .integer(0), help: "m")]
        }
        func validate(_ p: InstanceParameters) throws(ParameterProblem) {
            if p.integer("n") == p.integer("m") && p.integer("m")! > 0 {
                throw ParameterProblem(key: "m", .invalidValue("m must differ from n"))
            }
        }
        func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
            Evaluation(quantities: [], margin: .exact(Rational(10 - p.integer("n")!)))
        }
    }

    /// "x ≤ 1/3" (exact): margin 1/3 − x (held at x = 1/3).
    struct RationalBound: ClaimKind {
        var name: String { "toy-rational-bound" }
        var summary: String { "x ≤ 1/3" }
        var method: String { "margin 1/3 − x, exact" }
        var arithmetic: Arithmetic { .exact }
        var parameters: [ParameterSpec] {
            [ParameterSpec("x", section: .model, type: .rational(minimum: 0, exclusive: false), required: true, help: "x"),
             ParameterSpec("steps", section: .dynamics, type: .integer(1...100), default: .integer(1), help: "unused")]
        }
        func validate(_ p: InstanceParameters) throws(ParameterProblem) {}
        func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
            Evaluation(quantities: [], margin: .exact(Rational(numerator: 1, denominator: 3) - p.rational("x")!))
        }
    }

    /// "A = 0" (exact): margin −(number of non-zero entries).
    struct ZeroMatrix: ClaimKind {
        var name: String { "toy-zero-matrix" }
        var summary: String { "A = 0" }
        var method: String { "margin −#{A_ij ≠ 0}, exact" }
        var arithmetic: Arithmetic { .exact }
        var parameters: [ParameterSpec] {
            [ParameterSpec("A", section: .model, type: .matrix, required: true, help: "A"),
             ParameterSpec("rows", section: .model, type: .integer(1...5), default: .integer(2), help: "rows")]
        }
        func validate(_ p: InstanceParameters) throws(ParameterProblem) {
            if case let .exact(a, _)? = p.matrix("A"), a.rowCount != p.integer("rows") {
                throw ParameterProblem(key: "A", .dimensionMismatch("A needs `rows` rows"))
            }
        }
        func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
            guard case let .exact(a, _)? = p.matrix("A") else { return Evaluation(quantities: [], margin: .exact(0)) }
            var nonzero = 0
            for i in 0..<a.rowCount { for j in 0..<a.columnCount where !a[i, j].isZero { nonzero += 1 } }
            return Evaluation(quantities: [], margin: .exact(Rational(-nonzero)))
        }
    }

    /// "x ≤ 1/3" measured with a precision-dependent blur: the margin at p bits is (1/3 − x) + 2^(−p/4), so the
    /// two precisions differ by about 2^(−p/4) and values of x just above 1/3 are INCONCLUSIVE.
    struct BlurryBound: ClaimKind {
        var name: String { "toy-blurry-bound" }
        var summary: String { "x ≤ 1/3, blurred" }
        var method: String { "margin (1/3 − x) + 2^(48 − p), rounded" }
        var arithmetic: Arithmetic { .rounded }
        var parameters: [ParameterSpec] {
            [ParameterSpec("x", section: .model, type: .rational(minimum: 0, exclusive: false), required: true, help: "x")]
        }
        func validate(_ p: InstanceParameters) throws(ParameterProblem) {}
        func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
            let bits = context.precision ?? 64
            let blur = BigFloat(Rational(numerator: 1, denominator: BigInt(1) << max(bits - 48, 1)))
            return Evaluation(quantities: [], margin: .rounded(BigFloat(Rational(numerator: 1, denominator: 3) - p.rational("x")!) + blur))
        }
    }

    /// "f(t) ≥ 0 at every step t ≤ steps" (exact) with f(t) = 1 for t < 3, f(3) = −1/1000 and f(t) = −t for t > 3:
    /// the first violation is at step 3, the largest at the last step.
    struct StepRun: ClaimKind {
        var name: String { "toy-step-run" }
        var summary: String { "f(t) ≥ 0 for t ≤ steps" }
        var method: String { "margin min_t f(t), exact" }
        var arithmetic: Arithmetic { .exact }
        var parameters: [ParameterSpec] {
            [ParameterSpec("steps", section: .dynamics, type: .integer(1...100), default: .integer(1), help: "steps")]
        }
        func validate(_ p: InstanceParameters) throws(ParameterProblem) {}
        func evaluate(_ p: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
            var margin = Rational(1), place = "t = 1"
            for t in 1...p.integer("steps")! {
                let f = t < 3 ? Rational(1) : (t == 3 ? Rational(numerator: -1, denominator: 1000) : Rational(-t))
                if f < margin { margin = f; place = "t = \(t)" }
            }
            return Evaluation(quantities: [], margin: .exact(margin), location: place)
        }
    }

    /// A claim file of `kind` with `body` after the metadata.
    static func file(_ kind: String, expect: String = "pass", _ body: String) -> String {
        "id = \"toy\"\ntitle = \"toy\"\nkind = \"\(kind)\"\nexpect = \"\(expect)\"\nsource = \"tests\"\nstatement = \"s\"\n\n" + body
    }

    /// Parses `text` with the toy registry.
    static func claim(_ text: String) throws -> ClaimSpec {
        try ClaimFileParser(registry: registry).parse(text: text, file: "toy.toml", baseDirectory: ".")
    }

    /// Checks `text` with the toy registry.
    static func check(_ text: String, jobs: Int = 1) async throws -> ClaimOutcome {
        let claim = try claim(text)
        return await ClaimEngine(registry: registry).check([claim], options: CheckOptions(jobs: jobs)).claims[0]
    }
}
