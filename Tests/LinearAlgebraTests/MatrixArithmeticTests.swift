import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

@Suite("Matrix: arithmetic, transpose, Hadamard product, norms")
struct MatrixArithmeticTests {
    let a: Matrix<Double> = [[1, 2], [3, 4]]
    let b: Matrix<Double> = [[0, 1], [-1, 2]]

    @Test("sums, differences, negation and scalar multiples, entry by entry")
    func entrywise() {
        #expect(a + b == [[1, 3], [2, 6]])
        #expect(a - b == [[1, 1], [4, 2]])
        #expect(-a == [[-1, -2], [-3, -4]])
        #expect(2 * a == [[2, 4], [6, 8]] && a * 2 == 2 * a)
        #expect(a / 2 == [[0.5, 1], [1.5, 2]])
        var c = a
        c += b
        #expect(c == a + b)
        c -= b
        #expect(c == a)
        c *= 3
        #expect(c == 3 * a)
    }

    @Test("the product, the transpose and the Hadamard product against hand computation")
    func products() {
        #expect(a * b == [[-2, 5], [-4, 11]])
        let wide: Matrix<Double> = [[1, 2, 3]]
        #expect(wide.transposed() == [[1], [2], [3]])
        #expect(wide * wide.transposed() == [[14]])
        #expect(wide.transposed() * wide == [[1, 2, 3], [2, 4, 6], [3, 6, 9]])
        #expect(a.hadamardProduct(b) == [[0, 2], [-3, 8]])
    }

    @Test("trace, Frobenius inner product and norm, max-abs and ∞-norm")
    func norms() {
        #expect(a.trace == 5)
        #expect(a.frobeniusInnerProduct(b) == 0 + 2 - 3 + 8)
        #expect(a.frobeniusInnerProduct(b) == (a.transposed() * b).trace)
        #expect(([[3, 0], [0, -4]] as Matrix<Double>).frobeniusNorm == 5)
        #expect(b.maxAbs == 2)
        #expect(a.infinityNorm == 7)
        #expect(Matrix<Double>.zeros(rows: 2, columns: 2).frobeniusNorm == 0)
        // No overflow: entries near the top of Double's range.
        #expect(([[3e300, 4e300]] as Matrix<Double>).frobeniusNorm == 5e300)
    }

    @Test("‖A‖_F at 1024 bits is √30 for [[1, 2], [3, 4]] to the last bits")
    func frobeniusNormBigFloat() {
        withPrecision(1024) {
            let m = integerMatrix([[1, 2], [3, 4]], as: BigFloat.self)
            expectClose(m.frobeniusNorm, BigFloat.sqrt(30), within: 4 * BigFloat.unitRoundoff * 6)
        }
    }

    @Test("(AB)ᵀ = BᵀAᵀ and (AB)C = A(BC) on random integer matrices, exact in Double (small integers)")
    func propertiesOnIntegers() {
        for seed in 0..<5 as Range<UInt64> {
            // k/7 entries are not exact in Double; scale by 7 to get integers, which are.
            let x = 7 * pseudoRandomMatrix(rows: 3, columns: 4, seed: seed, as: Double.self)
            let y = 7 * pseudoRandomMatrix(rows: 4, columns: 2, seed: seed + 100, as: Double.self)
            let z = 7 * pseudoRandomMatrix(rows: 2, columns: 5, seed: seed + 200, as: Double.self)
            let xr = x.elements.map { $0.rounded() }, yr = y.elements.map { $0.rounded() }, zr = z.elements.map { $0.rounded() }
            let xi = try! Matrix(rows: 3, columns: 4, elements: xr)
            let yi = try! Matrix(rows: 4, columns: 2, elements: yr)
            let zi = try! Matrix(rows: 2, columns: 5, elements: zr)
            #expect((xi * yi).transposed() == yi.transposed() * xi.transposed())
            #expect((xi * yi) * zi == xi * (yi * zi))
        }
    }

    @Test("a shape mismatch in code stops with a precondition message")
    func shapePrecondition() async {
        await #expect(processExitsWith: .failure) {
            let x: Matrix<Double> = [[1, 2]]
            let y: Matrix<Double> = [[1, 2], [3, 4], [5, 6]]
            _ = x * y
        }
    }
}
