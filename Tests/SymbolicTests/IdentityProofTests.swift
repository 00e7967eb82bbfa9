import MultiPrecision
import Testing
@testable import Symbolic

@Suite("IdentityProof: canonical-form zero proves; a non-zero remainder is the obstruction")
struct IdentityProofTests {
    typealias F = Fixtures

    @Test("True identities prove", arguments: [
        "(W2 W1)' = W1' W2'",
        "(W1 + W2)(W1 - W2) = W1 W1 - W1 W2 + W2 W1 - W2 W2",
        "eta W1 W2 = W1 eta W2",
        "S' W1 = S W1",
        "tr(W1 W2 E) = tr(E' W2' W1')",
        "tr(W1 W2) tr(E) = tr(E) tr(W2 W1)",
        "transpose(transpose(W1 E)) = W1 E",
        "W1 + 2 = 2 I + W1",
    ])
    func proved(text: String) throws {
        let proof = try F.context.prove(text)
        #expect(proof.isProved)
        #expect(proof.obstruction == nil)
        #expect(proof.lhs == proof.rhs)
    }

    @Test("False identities leave their obstruction", arguments: [
        ("W2 W1 = W1 W2", "W₂W₁ − W₁W₂"),
        ("W1' = W1", "W₁ᵀ − W₁"),
        ("(W2 W1)' = W2' W1'", "−W₂ᵀW₁ᵀ + W₁ᵀW₂ᵀ"),
        ("tr(W1 W2) = tr(W1' W2)", "−tr(W₁W₂ᵀ) + tr(W₁W₂)"),
        ("(W1 + W2)^2 = W1^2 + 2 W1 W2 + W2^2", "W₂W₁ − W₁W₂"),
    ])
    func refuted(text: String, obstruction: String) throws {
        let proof = try F.context.prove(text)
        #expect(!proof.isProved)
        #expect(proof.obstruction?.description == obstruction)
    }

    @Test("Polynomial and trace initializers; a matrix against a trace expression is an error")
    func initializers() throws {
        let w1 = F.p(F.w1)
        #expect(IdentityProof(w1, equals: w1).isProved)
        #expect(IdentityProof(TracePolynomial.trace(of: w1), equals: TracePolynomial.trace(of: w1.transposed())).isProved)
        #expect(throws: SymbolicError.mixedEquation) {
            try IdentityProof(lhs: .matrix(w1), rhs: .scalar(TracePolynomial.trace(of: w1)))
        }
        // A pure scalar next to a matrix means a multiple of I.
        #expect(try IdentityProof(lhs: .matrix(NCPolynomial(3)), rhs: .scalar(TracePolynomial(3))).isProved)
    }
}
