import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

@Suite("Matrix: construction, access, value semantics")
struct MatrixTests {
    @Test("rows, literals, zeros, identity, diagonal and a function of (i, j)")
    func construction() throws {
        let a = try Matrix<Double>(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(a.shape == MatrixShape(rows: 2, columns: 3))
        #expect(a.rowCount == 2 && a.columnCount == 3 && !a.isSquare)
        #expect(a[1, 2] == 6 && a[0, 1] == 2)
        #expect(a.row(1) == [4, 5, 6])
        #expect(a.column(2) == [3, 6])
        #expect(a.elements == [1, 2, 3, 4, 5, 6])
        let literal: Matrix<Double> = [[1, 2, 3], [4, 5, 6]]
        #expect(literal == a)
        #expect(try Matrix<Double>(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6]) == a)
        #expect(Matrix<Double>(rows: 2, columns: 3) { i, j in Double(3 * i + j + 1) } == a)
        #expect(Matrix<Double>.zeros(rows: 2, columns: 2) == [[0, 0], [0, 0]])
        #expect(Matrix<Double>.identity(3) == [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
        #expect(Matrix<Double>.diagonal([2, 5]) == [[2, 0], [0, 5]])
        #expect(Matrix<Double>.diagonal([2, 5]).diagonalEntries == [2, 5])
        #expect(try Matrix<Double>(rows: []).shape == MatrixShape(rows: 0, columns: 0))
        #expect(a.description == "[1.0, 2.0, 3.0]\n[4.0, 5.0, 6.0]")
        #expect(MatrixShape(rows: 2, columns: 3).description == "2×3")
    }

    @Test("ragged rows and a wrong entry count are thrown errors that describe themselves")
    func userDataErrors() {
        #expect(throws: LinearAlgebraError.raggedRows(row: 1, expected: 2, found: 3)) {
            try Matrix<Double>(rows: [[1, 2], [3, 4, 5]])
        }
        #expect(throws: LinearAlgebraError.elementCountMismatch(shape: MatrixShape(rows: 2, columns: 2), count: 3)) {
            try Matrix<Double>(rows: 2, columns: 2, elements: [1, 2, 3])
        }
        let message = LinearAlgebraError.raggedRows(row: 1, expected: 2, found: 3).description
        #expect(message.contains("row 1") && message.contains("3 entries"))
    }

    @Test("a mutated copy leaves the original unchanged (copy-on-write), also for BigFloat entries")
    func copyOnWrite() {
        let original: Matrix<Double> = [[1, 2], [3, 4]]
        var copy = original
        copy[0, 0] = 10
        #expect(original[0, 0] == 1 && copy[0, 0] == 10)

        let big = withPrecision(256) { Matrix<BigFloat>.identity(2) }
        var bigCopy = big
        bigCopy[1, 1].addProduct(2, 3)   // in place on the entry
        #expect(big[1, 1] == 1 && bigCopy[1, 1] == 7)
    }

    @Test("equal matrices hash alike; different shapes with the same entries differ")
    func equatableAndHashable() {
        let a: Matrix<Double> = [[1, 2, 3, 4]]
        let b = try! Matrix<Double>(rows: 2, columns: 2, elements: [1, 2, 3, 4])
        #expect(a != b)
        #expect(Set([a, a, b]).count == 2)
        let x = withPrecision(128) { Matrix<BigFloat>(rows: 1, columns: 1) { _, _ in BigFloat(1) / 4 } }
        let y = withPrecision(512) { Matrix<BigFloat>(rows: 1, columns: 1) { _, _ in BigFloat(1) / 4 } }
        #expect(x == y && x.hashValue == y.hashValue)
    }

    @Test("an index out of range stops with a precondition message")
    func indexPrecondition() async {
        await #expect(processExitsWith: .failure) {
            let a: Matrix<Double> = [[1, 2]]
            _ = a[1, 0]
        }
    }
}
