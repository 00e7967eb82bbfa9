import LinearAlgebra
import Models
import MultiPrecision
import Testing

/// References: Tests/ModelsTests/References/seeded_instances.py (an independent SplitMix64, rejection sampler and
/// instance builder in exact Python fractions; its first SplitMix64 output for seed 1 is 10451216379200822465).
/// n/d, exact.
private func q(_ n: Int, _ d: Int = 1) -> Rational { Rational(n) / Rational(d) }

@Suite("Seeded instances (docs/theory.md §6.2, §6.3): exact draws against a Python reimplementation")
struct SeededInstanceTests {
    @Test("SeededMatrixSensing n = 3, m = 2, seed 7: the A_i, X* = uuᵀ and y of the reference")
    func matrixSensing() throws {
        let instance = SeededMatrixSensing(order: 3, count: 2, seed: 7)
        let sensing = try [
            Matrix(rows: [[q(-1, 4), q(0), q(-3, 4)], [q(0), q(0), q(1, 2)], [q(-3, 4), q(1, 2), q(3, 4)]]),
            Matrix(rows: [[q(1, 2), q(-3, 4), q(3, 4)], [q(-3, 4), q(-3, 4), q(3, 4)], [q(3, 4), q(3, 4), q(-1, 2)]]),
        ]
        let u = [q(-2), q(2), q(-2)]
        #expect(instance.sensing == sensing)
        #expect(instance.groundTruth == Matrix(rows: 3, columns: 3) { u[$0] * u[$1] })
        #expect(instance.measurements == [q(-8), q(3)])
        #expect(instance.dependentMatrix == nil)
    }

    @Test("SeededMatrixSensing: symmetric A_i, entries in {−3/4, …, 3/4}, y = A(X*), and a dependent set is named")
    func matrixSensingProperties() {
        let instance = SeededMatrixSensing(order: 2, count: 3, seed: 11), allowed = (-3...3).map { q($0, 4) }
        for a in instance.sensing {
            #expect(a == a.transposed())
            #expect(a.elements.allSatisfy { allowed.contains($0) })
        }
        #expect(instance.measurements == instance.sensing.map { $0.frobeniusInnerProduct(instance.groundTruth) })
        // Four symmetric 2 × 2 matrices live in a 3-dimensional space: the fourth is always dependent.
        #expect(SeededMatrixSensing(order: 2, count: 4, seed: 11).dependentMatrix != nil)
    }

    @Test("SeededBuresWasserstein d = 3, k = 2, seed 5: Σ_0 = BBᵀ + I/4 and W of the reference, and W alone when Σ_0 is given")
    func buresWasserstein() throws {
        let instance = SeededBuresWasserstein(target: nil, dimension: 3, rank: 2, seed: 5)
        #expect(instance.target == (try Matrix(rows: [[q(3, 2), q(3, 4), q(-7, 4)], [q(3, 4), q(11, 4), q(-7, 4)],
                                                      [q(-7, 4), q(-7, 4), q(9, 2)]])))
        #expect(instance.generator == (try Matrix(rows: [[q(1), q(-1)], [q(0), q(-1)], [q(-1, 2), q(-1, 2)]])))
        let given = Matrix<Rational>.identity(3)
        let withTarget = SeededBuresWasserstein(target: given, dimension: 7, rank: 2, seed: 5)
        #expect(withTarget.target == given)
        #expect(withTarget.generator == (try Matrix(rows: [[q(1), q(3, 4)], [q(1), q(-1, 2)], [q(0), q(0)]])))
    }
}
