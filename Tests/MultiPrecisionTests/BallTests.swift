import AttestTestSupport
import Testing
@testable import MultiPrecision

/// Ball arithmetic against exact values: rationals computed exactly, and closed forms from mpmath at 130 digits
/// (References/make_ball_references.py). Every check is "the enclosure contains the reference"; the mutation tests
/// show that the same check rejects a ball whose radius was shrunk on purpose.
@Suite("Ball enclosures")
struct BallTests {
    /// The rational p/q.
    static func q(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }
    static let references = try! AttestTestSupport.referenceValues(at: AttestTestSupport.referencePath("balls.txt"))

    /// The reference as a ball: its 130-digit decimal value, read exactly, with a radius of 10^-129 times its
    /// magnitude (the rounding of the decimal text).
    static func reference(_ name: String) -> Ball {
        let value = Rational(references[name]!)!
        let scale = value < 0 ? -value : value
        let radius = BigFloat(scale * Rational(numerator: 1, denominator: BigInt(10).power(129)), precision: 64, rounding: .up)
        return Ball(midpoint: BigFloat(value, precision: 1024), radius: radius, precision: 1024)
    }

    /// The enclosure test: the ball and the reference have a number in common (the true value lies in both).
    static func encloses(_ ball: Ball, _ name: String) -> Bool { ball.overlaps(reference(name)) }

    /// The named closed form in balls at `bits`.
    static func evaluate(_ name: String, bits: Int) -> Ball {
        withPrecision(bits) {
            switch name {
            case "sqrt(2)": return Ball.sqrt(Ball(2))
            case "exp(1)": return Ball.exp(Ball(1))
            case "log(3)": return Ball.log(Ball(3))
            case "exp(1/3)": return Ball.exp(Ball(Self.q(1, 3)))
            case "log(10/7)": return Ball.log(Ball(Self.q(10, 7)))
            case "sqrt(1/3)": return Ball.sqrt(Ball(Self.q(1, 3)))
            case "pow(2,1/3)": return Ball.pow(Ball(2), rational: Self.q(1, 3))
            case "pi": return Ball.pi()
            case "iterate10":
                var x = Ball(Self.q(1, 2))
                let third = Ball(Self.q(1, 3))
                var square = Ball()
                for _ in 0..<10 {
                    square.formSquare(x)
                    x.formDifference(square, third)
                }
                var y = Ball.exp(x)
                y.add(1)
                return Ball.log(y)
            default: fatalError("no case \(name)")
            }
        }
    }

    static let closedForms = ["sqrt(2)", "exp(1)", "log(3)", "exp(1/3)", "log(10/7)", "sqrt(1/3)", "pow(2,1/3)", "pi",
                              "iterate10"]

    @Test("closed forms at 256 bits contain the mpmath value and are at least 250 bits accurate", arguments: closedForms)
    func closedForm(name: String) {
        let ball = Self.evaluate(name, bits: 256)
        #expect(Self.encloses(ball, name), "\(name): \(ball) misses \(Self.references[name]!)")
        #expect(ball.relativeAccuracyBits >= 250, "\(name): only \(ball.relativeAccuracyBits) bits")
        #expect(ball.precision == 256)
    }

    @Test("closed forms at 512 bits: the same enclosure test, about 500 bits accurate", arguments: ["sqrt(2)", "log(3)", "exp(1)"])
    func closedFormHigherPrecision(name: String) {
        let ball = Self.evaluate(name, bits: 512)
        // The reference has only 130 digits (≈ 432 bits); the ball must still overlap its interval.
        #expect(Self.encloses(ball, name))
        #expect(ball.relativeAccuracyBits >= 500)
    }

    @Test("mutation: the enclosure test rejects every closed form whose radius was shrunk by 2^200", arguments: closedForms)
    func shrunkRadiusIsCaught(name: String) {
        let ball = Self.evaluate(name, bits: 256)
        let unsound = ball._scalingRadius(byPowerOfTwo: -200)
        #expect(!Self.encloses(unsound, name), "\(name): the check did not notice an unsound radius")
        #expect(unsound.midpoint == ball.midpoint)
    }

    @Test("exact construction: dyadic rationals, integers and BigFloats have radius zero")
    func exactConstruction() {
        #expect(Ball(Self.q(3, 8)).isExact)
        #expect(Ball(Self.q(-5, 1024)).contains(Self.q(-5, 1024)))
        let huge = BigInt(3).power(400)   // 634 bits: more than the working precision, still exact
        let ball = Ball(huge, precision: 64)
        #expect(ball.isExact)
        #expect(ball.contains(Rational(huge)))
        #expect(!ball.contains(Rational(huge + 1)))
        let x = withPrecision(200) { BigFloat(1) / BigFloat(3) }
        let enclosed = Ball(enclosing: x)
        #expect(enclosed.isExact && enclosed.precision == 200 && enclosed.contains(x))
        #expect(Ball(7).isExact && Ball(7).contains(Rational(7)))
    }

    @Test("1/3 at 256 bits: contains 1/3, radius at most 2^-256, and the ends straddle 1/3")
    func third() {
        let ball = withPrecision(256) { Ball(Self.q(1, 3)) }
        #expect(ball.contains(Self.q(1, 3)))
        #expect(!ball.isExact)
        #expect(ball.radius <= BigFloat(Rational(numerator: 1, denominator: BigInt(2).power(256)), precision: 64))
        #expect(ball.radius > 0)
        #expect(Rational(exactly: ball.lowerBound)! < Self.q(1, 3))
        #expect(Rational(exactly: ball.upperBound)! > Self.q(1, 3))
    }

    @Test("rational arithmetic: Σ 1/k² for k = 1 … 60, and a product of quotients, contain the exact sums")
    func rationalSums() {
        var exact = Rational(0)
        var sum = withPrecision(256) { Ball(0) }
        var term = withPrecision(256) { Ball(0) }
        for k in 1...60 {
            exact += Rational(numerator: 1, denominator: BigInt(k * k))
            term.formQuotient(Ball(1), Ball(k * k))
            sum.add(term)
        }
        #expect(sum.contains(exact))
        #expect(sum.radius <= BigFloat(Rational(numerator: 1, denominator: BigInt(2).power(245)), precision: 64))
        #expect(!sum._scalingRadius(byPowerOfTwo: -64).contains(exact))

        var product = withPrecision(256) { Ball(1) }
        var exactProduct = Rational(1)
        for k in 1...40 {
            product.multiply(by: withPrecision(256) { Ball(Self.q(2 * k + 1, 3 * k + 2)) })
            exactProduct *= Self.q(2 * k + 1, 3 * k + 2)
        }
        #expect(product.contains(exactProduct))
        #expect(product.relativeAccuracyBits >= 245)
    }

    @Test("in-place forms agree with the value-returning operators, and copies are independent")
    func inPlaceMatchesOperators() {
        withPrecision(256) {
            let a = Ball(Self.q(2, 7)), b = Ball.sqrt(Ball(5))
            var r = Ball()
            r.formSum(a, b); #expect(r.description == (a + b).description)
            r.formDifference(a, b); #expect(r.description == (a - b).description)
            r.formProduct(a, b); #expect(r.description == (a * b).description)
            r.formQuotient(a, b); #expect(r.description == (a / b).description)
            var fused = a
            fused.addProduct(a, b)
            #expect(fused.contains(a + a * b) || fused.overlaps(a + a * b))
            #expect(a.description == Ball(Self.q(2, 7)).description)   // the copy was not changed
            var alias = b
            alias.subtractProduct(alias, alias)                            // operands share storage with self
            #expect(alias.overlaps(b - b * b))
        }
    }

    @Test("comparisons are three-valued: separated balls decide, overlapping balls are undecided")
    func threeValuedComparisons() {
        withPrecision(256) {
            let third = Ball(Self.q(1, 3)), half = Ball(Self.q(1, 2))
            #expect(third.isLess(than: half) == .certainlyTrue)
            #expect(half.isLess(than: third) == .certainlyFalse)
            #expect(half.isGreaterThanOrEqual(to: third) == .certainlyTrue)
            let two = Ball.sqrt(Ball(2)) * Ball.sqrt(Ball(2))       // contains 2, not exact
            #expect(two.isLess(than: Ball(2)) == .undecided)
            #expect(two.isEqual(to: Ball(2)) == .undecided)
            #expect((two - Ball(2)).isPositive == .undecided)
            #expect(Ball(2).isEqual(to: Ball(2)) == .certainlyTrue)
            #expect(Ball(-1).isNegative == .certainlyTrue && Ball(0).isNonnegative == .certainlyTrue)
            let undefined = Ball.log(Ball(midpoint: BigFloat(0), radius: BigFloat(1)))
            #expect(!undefined.isFinite)
            #expect(undefined.isPositive == .undecided && undefined.isNegative == .undecided)
        }
    }

    @Test("Kleene connectives: undecided never becomes true or false unless the other side decides")
    func certaintyLogic() {
        let t = Certainty.certainlyTrue, f = Certainty.certainlyFalse, u = Certainty.undecided
        #expect((t && u) == u && (f && u) == f && (u && u) == u && (t && t) == t)
        #expect((t || u) == t && (f || u) == u && (f || f) == f)
        #expect(!u == u && !t == f)
    }
}
