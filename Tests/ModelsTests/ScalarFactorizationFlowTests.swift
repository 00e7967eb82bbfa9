import AttestTestSupport
import Models
import MultiPrecision
import Testing

@Suite("ScalarFactorizationFlow: the closed forms of docs/theory.md §5.2 against mpmath (References/make_references.py)")
struct ScalarFactorizationFlowTests {
    static let references: [String: String] = {
        (try? AttestTestSupport.referenceValues(at: AttestTestSupport.referencePath("factorization.txt"))) ?? [:]
    }()

    static func reference(_ name: String) -> BigFloat {
        guard let text = references[name], let value = BigFloat(text) else {
            Issue.record("missing reference \(name)")
            return BigFloat(0)
        }
        return value
    }

    static func relativeError(_ a: BigFloat, _ b: BigFloat) -> Double {
        (BigFloat.abs(a - b) / BigFloat.abs(b)).doubleValue
    }

    @Test("₂F₁(1, 2/N; 1 + 2/N; z) by the series (z ≤ 1/2) and the logarithmic continuation (z > 1/2) agree with mpmath.hyp2f1 to 1e-45")
    func hypergeometric() {
        withPrecision(200) {
            for n in [3, 4, 6] {
                for z in ["0.1", "0.5", "0.7", "0.99", "0.99996"] {
                    let value = ScalarFactorizationFlow.hypergeometric(numerator: 2, denominator: n, BigFloat(z)!)
                    let expected = Self.reference("hyp2f1 N=\(n) z=\(z)")
                    #expect(Self.relativeError(value, expected) < 1e-45, "N = \(n), z = \(z)")
                }
            }
        }
    }

    @Test("The implicit solution reproduces the §5.2 reference table (λ = 1.7, w₀ = 0.2) and the logistic N = 2 value")
    func referenceTable() throws {
        try withPrecision(200) {
            for n in [3, 4, 6] {
                let flow = try ScalarFactorizationFlow(depth: n, target: BigFloat("1.7")!)
                for t in [2, 5] {
                    let w = try flow.factor(at: BigFloat(t), from: BigFloat("0.2")!)
                    let expected = Self.reference("w N=\(n) lam=1.7 w0=0.2 t=\(t)")
                    #expect(Self.relativeError(w, expected) < 1e-40, "N = \(n), t = \(t)")
                    #expect(Self.relativeError(try flow.endToEnd(at: BigFloat(t), from: BigFloat("0.2")!),
                                               BigFloat.pow(expected, n)) < 1e-40)
                }
            }
            let logistic = try ScalarFactorizationFlow(depth: 2, target: BigFloat("1.7")!)
            #expect(Self.relativeError(try logistic.endToEnd(at: BigFloat(3), from: BigFloat("0.2")!),
                                       Self.reference("x N=2 lam=1.7 x0=0.04 t=3")) < 1e-40)
        }
    }

    @Test("Half-learning times equal mpmath's quadrature; the N ≥ 3 leading term α^{2−N}/((N−2)λ) is off by O(1)")
    func halfLearningTimes() throws {
        try withPrecision(200) {
            for (n, lambda, alpha, name) in [(2, "4", "0.1", "thalf N=2 lam=4.0 alpha=0.1"),
                                             (3, "4", "0.1", "thalf N=3 lam=4.0 alpha=0.1"),
                                             (3, "1", "0.1", "thalf N=3 lam=1.0 alpha=0.1"),
                                             (4, "0.5", "0.2", "thalf N=4 lam=0.5 alpha=0.2")] {
                let flow = try ScalarFactorizationFlow(depth: n, target: BigFloat(lambda)!)
                let time = try flow.halfLearningTime(from: BigFloat(alpha)!)
                #expect(Self.relativeError(time, Self.reference(name)) < 1e-40, "\(name)")
                if n >= 3 {
                    let gap = BigFloat.abs(time - flow.asymptoticHalfLearningTime(from: BigFloat(alpha)!))
                    #expect(gap.doubleValue < 1, "\(name): t½ − α^{2−N}/((N−2)λ) = \(gap)")
                }
            }
        }
    }

    @Test("Out-of-domain requests are typed errors")
    func domain() throws {
        #expect(throws: ScalarFactorizationFlowError.self) { try ScalarFactorizationFlow(depth: 3, target: BigFloat(-1)) }
        let flow = try ScalarFactorizationFlow(depth: 3, target: BigFloat(1))
        #expect(throws: ScalarFactorizationFlowError.self) { try flow.factor(at: BigFloat(1), from: BigFloat(2)) }
        #expect(throws: ScalarFactorizationFlowError.self) { try flow.halfLearningTime(from: BigFloat("0.9")!) }
    }
}
