import AttestTestSupport
import LinearAlgebra
import MultiPrecision
@testable import Symbolic

/// Shared fixtures: a small alphabet and seeded random polynomials over it.
enum Fixtures {
    static let w1 = Symbol.matrix("W1"), w2 = Symbol.matrix("W2"), e = Symbol.matrix("E")
    static let s = Symbol.symmetric("S"), eta = Symbol.scalar("eta"), lambda = Symbol.scalar("lambda")

    /// W1, W2, E general; S symmetric; eta and lambda scalars; all matrices n×n.
    static var alphabet: Alphabet {
        var a = Alphabet(strict: true)
        for symbol in [w1, w2, e, s, eta, lambda] { try! a.declare(symbol) }
        return a
    }

    static var context: Context { Context(alphabet: alphabet) }

    static func p(_ symbol: Symbol) -> NCPolynomial { NCPolynomial(symbol) }

    /// A random polynomial: up to `maxTerms` terms, words of up to `maxLength` letters over W1, W1ᵀ, W2, W2ᵀ, S, E,
    /// optional η or λ powers, coefficients p/q with small p, q.
    static func randomPolynomial(_ rng: inout SplitMix64, maxTerms: Int = 4, maxLength: Int = 3) -> NCPolynomial {
        let letters = [Letter(w1), Letter(w1, transposed: true), Letter(w2), Letter(w2, transposed: true), Letter(s), Letter(e)]
        var terms: [(Monomial, Rational)] = []
        for _ in 0..<Int.random(in: 1...maxTerms, using: &rng) {
            let word = Word((0..<Int.random(in: 0...maxLength, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
            var powers: [Symbol: Int] = [:]
            if Bool.random(using: &rng) { powers[[eta, lambda].randomElement(using: &rng)!] = Int.random(in: 1...2, using: &rng) }
            let c = Rational(Int.random(in: -4...4, using: &rng)) / Rational(Int.random(in: 1...3, using: &rng))
            terms.append((Monomial(scalars: ScalarMonomial(powers), word: word), c))
        }
        return NCPolynomial(terms: terms)
    }

    /// A random trace polynomial: sums of products of up to two traces of random words.
    static func randomTracePolynomial(_ rng: inout SplitMix64) -> TracePolynomial {
        var result = TracePolynomial()
        for _ in 0..<Int.random(in: 1...3, using: &rng) {
            var term = TracePolynomial(Rational(Int.random(in: -3...3, using: &rng)))
            for _ in 0..<Int.random(in: 1...2, using: &rng) {
                term = term * TracePolynomial.trace(of: randomPolynomial(&rng, maxTerms: 2, maxLength: 3))
            }
            result += term
        }
        return result
    }
}

/// Exact interpolation helpers for the finite-difference tests.
enum Interpolation {
    /// The coefficient of h in the polynomial p of degree ≤ m with p(k) = values[k], k = 0…m:
    /// p(h) = Σⱼ C(h, j) Δʲp(0), and d/dh C(h, j) at 0 is (−1)^{j−1}/j.
    static func linearCoefficient(_ values: [Matrix<Rational>]) -> Matrix<Rational> {
        var differences = values
        var result = Matrix<Rational>.zeros(rows: values[0].rowCount, columns: values[0].columnCount)
        for j in 1..<values.count {
            differences = (0..<(differences.count - 1)).map { differences[$0 + 1] - differences[$0] }
            let weight = Rational(j % 2 == 1 ? 1 : -1) / Rational(j)
            result += weight * differences[0]
        }
        return result
    }

    /// The same for scalars.
    static func linearCoefficient(_ values: [Rational]) -> Rational {
        linearCoefficient(values.map { value in Matrix<Rational>(rows: 1, columns: 1) { _, _ in value } })[0, 0]
    }
}
