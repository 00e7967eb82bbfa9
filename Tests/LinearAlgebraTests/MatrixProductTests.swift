import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

@Suite("Matrix: in-place and fused products")
struct MatrixProductTests {
    /// Entry (i, j) of op(A)·op(B) as one chain of fused multiply-adds, written out by hand.
    func referenceProduct<T: OrderedField>(_ a: Matrix<T>, _ b: Matrix<T>) -> Matrix<T> {
        Matrix(rows: a.rowCount, columns: b.columnCount) { i, j in
            var sum = T.zero
            for k in 0..<a.columnCount { sum.addProduct(a[i, k], b[k, j]) }
            return sum
        }
    }

    func checkProducts<T: Scalar>(_: T.Type) {
        let a: Matrix<T> = pseudoRandomMatrix(rows: 3, columns: 5, seed: 1)
        let b: Matrix<T> = pseudoRandomMatrix(rows: 5, columns: 4, seed: 2)
        let expected = referenceProduct(a, b)
        var c = Matrix<T>.zeros(rows: 3, columns: 4)
        Matrix.multiply(a, b, into: &c)
        #expect(c == expected)
        #expect(a * b == expected)
        // The transposed variants give the same bits as the materialized transposes.
        var d = Matrix<T>.zeros(rows: 3, columns: 4)
        Matrix.multiply(transposeOf: a.transposed(), b, into: &d)
        #expect(d == expected)
        Matrix.multiply(a, transposeOf: b.transposed(), into: &d)
        #expect(d == expected)
        // C += α·A·B.
        var f = Matrix<T>.zeros(rows: 3, columns: 4)
        f.addProduct(a, b, scaledBy: 2)
        #expect(f == 2 * expected)   // exact: doubling
        var g = expected
        g.addProduct(a, b, scaledBy: -1)
        #expect(g == .zeros(rows: 3, columns: 4))
    }

    @Test("multiply(into:), AᵀB, ABᵀ, C += A·B and C += α·A·B agree with a hand-written fma chain", arguments: precisions)
    func products(bits: Int) {
        atPrecision(bits, double: { checkProducts(Double.self) }, bigFloat: { checkProducts(BigFloat.self) })
    }

    @Test("C += A·B continues the fma chain from C's entries")
    func accumulate() {
        withPrecision(256) {
            let a: Matrix<BigFloat> = pseudoRandomMatrix(rows: 2, columns: 3, seed: 5)
            let b: Matrix<BigFloat> = pseudoRandomMatrix(rows: 3, columns: 2, seed: 6)
            let c0: Matrix<BigFloat> = pseudoRandomMatrix(rows: 2, columns: 2, seed: 7)
            var c = c0
            c.addProduct(a, b)
            let expected = Matrix<BigFloat>(rows: 2, columns: 2) { i, j in
                var sum = c0[i, j]
                for k in 0..<3 { sum.addProduct(a[i, k], b[k, j]) }
                return sum
            }
            #expect(c == expected)
        }
    }

    @Test("with BigFloat, each entry is rounded to the receiver's precision")
    func receiverPrecision() {
        let a = withPrecision(1024) { Matrix<BigFloat>(rows: 2, columns: 2) { i, j in BigFloat.sqrt(BigFloat(i + 2 * j + 2)) } }
        var c = withPrecision(64) { Matrix<BigFloat>.zeros(rows: 2, columns: 2) }
        Matrix.multiply(a, a, into: &c)
        #expect(c.elements.allSatisfy { $0.precision == 64 })
        // Each fma of the chain rounds to 64 bits, as a 64-bit accumulator written by hand does.
        for i in 0..<2 {
            for j in 0..<2 {
                var sum = BigFloat(precision: 64)
                for k in 0..<2 { sum.addProduct(a[i, k], a[k, j]) }
                #expect(c[i, j] == sum && sum.precision == 64)
            }
        }
    }

    @Test("an operand may be the receiver; copies that share storage are unaffected")
    func aliasing() {
        withPrecision(256) {
            var a: Matrix<BigFloat> = pseudoRandomMatrix(rows: 3, columns: 3, seed: 9)
            let snapshot = a
            let square = a * a
            Matrix.multiply(a, a, into: &a)
            #expect(a == square)
            #expect(snapshot != square && snapshot == pseudoRandomMatrix(rows: 3, columns: 3, seed: 9))
        }
    }

    @Test("a receiver of the wrong shape stops with a precondition message")
    func receiverShape() async {
        await #expect(processExitsWith: .failure) {
            let a: Matrix<Double> = [[1, 2], [3, 4]]
            var c = Matrix<Double>.zeros(rows: 3, columns: 2)
            Matrix.multiply(a, a, into: &c)
        }
    }
}
