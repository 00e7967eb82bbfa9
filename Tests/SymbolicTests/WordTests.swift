import Testing
@testable import Symbolic

@Suite("Letter and Word: transpose and order")
struct WordTests {
    let w1 = Letter(.matrix("W1")), w2 = Letter(.matrix("W2")), s = Letter(.symmetric("S"))

    @Test("A symmetric letter is never transposed")
    func symmetricLetter() {
        #expect(s.transposed() == s)
        #expect(!Letter(.symmetric("S"), transposed: true).isTransposed)
        #expect(w1.transposed().isTransposed)
        #expect(w1.transposed().transposed() == w1)
    }

    @Test("(W₂W₁S)ᵀ = S W₁ᵀW₂ᵀ, and transposition is an involution")
    func wordTranspose() {
        let w = Word([w2, w1, s])
        #expect(w.transposed() == Word([s, w1.transposed(), w2.transposed()]))
        #expect(w.transposed().transposed() == w)
        #expect(Word.empty.transposed() == .empty)
    }

    @Test("Shortlex order and concatenation")
    func order() {
        #expect(Word([w2]) < Word([w1, w1]))
        #expect(Word([w1, w2]) < Word([w2, w1]))
        #expect(Word([w1]) < Word([w1.transposed()]))
        #expect((Word([w1]) * Word([w2])).letters == [w1, w2])
    }

    @Test("Word description juxtaposes letters")
    func description() {
        #expect(Word([w2.transposed(), w2]).description == "W₂ᵀW₂")
        #expect(Word.empty.description == "I")
    }
}
