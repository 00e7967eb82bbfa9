import Dynamics
import LinearAlgebra
import Models
import MultiPrecision
import Testing

@Suite("BuresWassersteinDescent: W ← W − η∇B² as a map, against the loop and the rank-k minimum Σ_{i>k} λ_i")
struct BuresWassersteinDescentTests {
    static func r(_ n: Int, _ d: Int = 1) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }

    /// Σ_0 = diag(4, 3, 2, 1), k = 2: min over rank ≤ 2 of B² is λ_3 + λ_4 = 3, and gradient descent from a generic
    /// W(0) reaches it.
    @Test("On diag(4, 3, 2, 1), k = 2, η = 1/4: 20 steps equal the loop W −= η∇B²(W) exactly; 400 steps give B² = 3 to 1e−30")
    func descentOnDiagonalTarget() throws {
        try withPrecision(128) {
            let loss = try BuresWassersteinLoss(target: Matrix<BigFloat>.diagonal([4, 3, 2, 1]))
            let start = [Self.r(1), Self.r(1, 4), Self.r(-1, 2), Self.r(1), Self.r(3, 4), 0, Self.r(1, 4), Self.r(-1, 4)]
            let map = BuresWassersteinDescent(loss: loss, rank: 2, stepSize: Self.r(1, 4))
            func run(_ steps: Int) throws -> [BigFloat] {
                try iterate(MapProblem(map: map, initialState: start, steps: steps), scalar: BigFloat.self,
                            options: MapOptions(precision: 128)).state
            }
            var w = try Matrix(rows: 4, columns: 2, elements: start.map { BigFloat($0) })
            for _ in 0..<20 { w -= BigFloat(Self.r(1, 4)) * (try loss.gradient(w)) }
            #expect(try run(20) == w.elements)
            let after = try loss.loss(Matrix(rows: 4, columns: 2, elements: try run(400)))
            #expect(BigFloat.abs(after - 3) < BigFloat("1e-30")!)
        }
    }

    @Test("In Double (the loss is prepared in BigFloat) the step writes NaN: the iteration stops at step 1, diverged")
    func otherScalarStops() throws {
        let loss = try withPrecision(64) { try BuresWassersteinLoss(target: Matrix<BigFloat>.diagonal([2, 1])) }
        let map = BuresWassersteinDescent(loss: loss, rank: 1, stepSize: Self.r(1, 10))
        let result = try iterate(MapProblem(map: map, initialState: [1, 1], steps: 3), scalar: Double.self)
        #expect(result.termination == .diverged(step: 1, reason: .nonFiniteValue))
    }
}
