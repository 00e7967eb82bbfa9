import Testing
@testable import Symbolic

@Suite("Symbol: canonical names, kinds and order")
struct SymbolTests {
    @Test("Input spellings become one canonical name", arguments: [
        ("W1", "W1"), ("W₁", "W1"), ("W_1", "W1"), ("W_₁₂", "W12"), ("η", "eta"), ("eta", "eta"), ("λ₂", "lambda2"),
        ("Grad", "Grad"), ("Σ", "Sigma"),
    ])
    func canonicalNames(input: String, canonical: String) {
        #expect(Symbol(input).name == canonical)
    }

    @Test("Invalid spellings are rejected by the canonicalizer")
    func invalidNames() {
        for text in ["", "1W", "W_", "W1a", "W²", "_W", "ᵀ"] {
            #expect(_Naming.canonicalize(text) == nil, "\(text)")
        }
    }

    @Test("Names print in Unicode and LaTeX")
    func printing() {
        #expect(Symbol("W12").description == "W₁₂")
        #expect(Symbol("eta", kind: .scalar).description == "η")
        #expect(_Naming.latex("W1") == "W_1")
        #expect(_Naming.latex("W12") == "W_{12}")
        #expect(_Naming.latex("eta") == "\\eta")
        #expect(_Naming.latex("Grad2") == "\\mathrm{Grad}_2")
        #expect(_Naming.latex("Sigma") == "\\Sigma")
    }

    @Test("Natural order: W2 < W10, then by kind")
    func order() {
        let sorted = [Symbol("W10"), Symbol("W2"), Symbol("E"), Symbol("W1")].sorted().map(\.name)
        #expect(sorted == ["E", "W1", "W2", "W10"])
        #expect(Symbol("X", kind: .matrix) < Symbol("X", kind: .symmetric))
    }

    @Test("Kinds: scalars and symmetric symbols are self-transposed")
    func kinds() {
        #expect(Symbol.scalar("eta").isScalar)
        #expect(Symbol.symmetric("S").isSelfTransposed)
        #expect(!Symbol.matrix("W").isSelfTransposed)
    }
}
