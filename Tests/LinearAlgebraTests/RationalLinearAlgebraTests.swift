import AttestTestSupport
import LinearAlgebra
import MultiPrecision
import Testing

// Exact linear algebra over `Rational`: every check is an exact equality, never a tolerance. The references are
// computed here independently of the code under test (closed forms with BigInt factorials, the Leibniz formula).

/// n! as a BigInt.
private func factorial(_ n: Int) -> BigInt {
    var result: BigInt = 1
    for i in stride(from: 2, through: n, by: 1) { result *= BigInt(i) }
    return result
}

/// The binomial coefficient C(n, k), 0 outside 0 ≤ k ≤ n.
private func binomial(_ n: Int, _ k: Int) -> BigInt {
    guard k >= 0 && k <= n else { return 0 }
    return factorial(n) / (factorial(k) * factorial(n - k))
}

/// c_n = ∏_{i=1}^{n−1} i!, the superfactorial in the closed form of the Hilbert determinant.
private func superfactorial(_ n: Int) -> BigInt {
    var result: BigInt = 1
    for i in stride(from: 1, to: n, by: 1) { result *= factorial(i) }
    return result
}

/// The Hilbert matrix H_n, entries 1/(i + j + 1) (0-based).
private func hilbert(_ n: Int) -> Matrix<Rational> {
    Matrix(rows: n, columns: n) { i, j in Rational(numerator: 1, denominator: BigInt(i + j + 1)) }
}

/// det H_n = c_n⁴ / c_{2n}.
private func hilbertDeterminant(_ n: Int) -> Rational {
    Rational(numerator: superfactorial(n).power(4), denominator: superfactorial(2 * n))
}

/// Entry (i, j) of H_n⁻¹ (0-based): (−1)^{i+j} (i+j+1) C(n+i, n−j−1) C(n+j, n−i−1) C(i+j, i)², an integer.
private func hilbertInverseEntry(_ n: Int, _ i: Int, _ j: Int) -> BigInt {
    let magnitude = BigInt(i + j + 1) * binomial(n + i, n - j - 1) * binomial(n + j, n - i - 1) * binomial(i + j, i).power(2)
    return (i + j) % 2 == 0 ? magnitude : -magnitude
}

/// The determinant by the Leibniz formula, Σ_σ sgn(σ) ∏ a[i, σ(i)], over all n! permutations.
private func leibnizDeterminant(_ a: Matrix<Rational>) -> Rational {
    let n = a.rowCount
    var total = Rational(0)
    var permutation = Array(0..<n)
    func visit(_ k: Int, _ sign: Int) {
        if k == n {
            var term = Rational(sign)
            for i in 0..<n { term *= a[i, permutation[i]] }
            total += term
            return
        }
        for i in k..<n {
            permutation.swapAt(k, i)
            visit(k + 1, i == k ? sign : -sign)
            permutation.swapAt(k, i)
        }
    }
    visit(0, 1)
    return total
}

/// A random rational p/q with p in −9…9 and q in 1…7 (drawn with plain modular reduction, so the sequence does not
/// depend on the standard library's `random(in:using:)` algorithm).
private func randomRational(using rng: inout SplitMix64) -> Rational {
    let p = Int(rng.next() % 19) - 9
    let q = Int(rng.next() % 7) + 1
    return Rational(numerator: BigInt(p), denominator: BigInt(q))
}

/// A random rows×columns matrix of `randomRational` entries.
private func randomRationalMatrix(rows: Int, columns: Int, using rng: inout SplitMix64) -> Matrix<Rational> {
    Matrix(rows: rows, columns: columns) { _, _ in randomRational(using: &rng) }
}

@Suite("Exact linear algebra over Rational")
struct RationalLinearAlgebraTests {
    // MARK: Hilbert matrices

    @Test("det H_n = c_n⁴/c_{2n} exactly for n = 1…10 (and mpmath's values for n ≤ 8)")
    func hilbertDeterminants() throws {
        for n in 1...10 {
            let h = hilbert(n)
            let expected = hilbertDeterminant(n)
            #expect(try h.determinant() == expected, "det H_\(n)")
            #expect(expected.numerator == 1, "det H_\(n) is the reciprocal of an integer")
            if n <= 6 { #expect(leibnizDeterminant(h) == expected, "Leibniz det H_\(n)") }
        }
        // The closed form itself against the independently generated table (mpmath, References/make_references.py).
        for (index, reference) in LinearAlgebraReferences.hilbertDeterminants.enumerated() {
            let value = Rational(numerator: BigInt(reference.numerator)!, denominator: BigInt(reference.denominator)!)
            #expect(hilbertDeterminant(index + 1) == value, "det H_\(index + 1) against mpmath")
        }
    }

    @Test("H_n⁻¹ is the known integer matrix, and H·H⁻¹ = H⁻¹·H = I exactly, for n = 1…10")
    func hilbertInverses() throws {
        for n in 1...10 {
            let h = hilbert(n)
            let inverse = try h.inverse()
            #expect(inverse.elements.allSatisfy { $0.isInteger }, "H_\(n)⁻¹ has integer entries")
            let expected = Matrix<Rational>(rows: n, columns: n) { i, j in Rational(hilbertInverseEntry(n, i, j)) }
            #expect(inverse == expected, "H_\(n)⁻¹ against the closed form")
            #expect(inverse[0, 0] == Rational(n * n))
            #expect(h * inverse == .identity(n) && inverse * h == .identity(n), "H_\(n)·H_\(n)⁻¹")
            // The sum of all entries of H_n⁻¹ is n².
            #expect(inverse.elements.reduce(Rational(0), +) == Rational(n * n))
        }
        let h4Inverse = try hilbert(4).inverse()
        #expect(h4Inverse[0, 0] == 16)
        #expect(h4Inverse == [[16, -120, 240, -140], [-120, 1200, -2700, 1680],
                              [240, -2700, 6480, -4200], [-140, 1680, -4200, 2800]])
        // Solving H_8·x = H_8·𝟙 gives back 𝟙 exactly, where floating point loses about 10 digits.
        let h8 = hilbert(8)
        let ones = Matrix<Rational>(rows: 8, columns: 1) { _, _ in 1 }
        #expect(try h8.solve(h8 * ones) == ones)
    }

    // MARK: Products

    /// Shapes (m, k, n, p) for A: m×k, B: k×n, C: n×p, including vectors and non-square shapes.
    static let productShapes: [(Int, Int, Int, Int)] = [(2, 3, 4, 5), (4, 1, 3, 2), (1, 5, 2, 1), (3, 3, 3, 3), (5, 2, 1, 4)]

    @Test("(AB)ᵀ = BᵀAᵀ, (AB)C = A(BC), A(B + B′) = AB + AB′ and (A + A′)B = AB + A′B, exactly")
    func productProperties() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        for (m, k, n, p) in Self.productShapes {
            for _ in 0..<4 {
                let a = randomRationalMatrix(rows: m, columns: k, using: &rng)
                let a2 = randomRationalMatrix(rows: m, columns: k, using: &rng)
                let b = randomRationalMatrix(rows: k, columns: n, using: &rng)
                let b2 = randomRationalMatrix(rows: k, columns: n, using: &rng)
                let c = randomRationalMatrix(rows: n, columns: p, using: &rng)
                let ab = a * b
                #expect(ab.shape == MatrixShape(rows: m, columns: n))
                #expect(ab.transposed() == b.transposed() * a.transposed(), "(AB)ᵀ = BᵀAᵀ for \(m)×\(k)·\(k)×\(n)")
                #expect(ab * c == a * (b * c), "(AB)C = A(BC) for \(m)×\(k)·\(k)×\(n)·\(n)×\(p)")
                #expect(a * (b + b2) == ab + a * b2, "A(B + B′) = AB + AB′")
                #expect((a + a2) * b == ab + a2 * b, "(A + A′)B = AB + A′B")
                #expect(ab.transposed().transposed() == ab)
            }
        }
    }

    @Test("multiply(into:), AᵀB, ABᵀ, C += AB and C += αAB agree exactly with the operators, and leave operands intact")
    func inPlaceProducts() {
        for (shapeIndex, (m, k, n, _)) in Self.productShapes.enumerated() {
            for trial in 0..<4 {
                let seed = UInt64(100 * shapeIndex + trial)
                // Draw the operands twice from the same seed: `pristine` shares no storage with the operands, so it
                // detects an in-place write into an operand's (shared, copy-on-write) rational entries.
                func draw() -> (a: Matrix<Rational>, b: Matrix<Rational>, c0: Matrix<Rational>, alpha: Rational) {
                    var rng = SplitMix64(seed: seed)
                    return (randomRationalMatrix(rows: m, columns: k, using: &rng),
                            randomRationalMatrix(rows: k, columns: n, using: &rng),
                            randomRationalMatrix(rows: m, columns: n, using: &rng),
                            randomRational(using: &rng))
                }
                let (a, b, c0, alpha) = draw()
                let pristine = draw()
                let ab = a * b

                // Overwrite: a receiver holding other values gets exactly A·B.
                var c = c0
                Matrix.multiply(a, b, into: &c)
                #expect(c == ab)
                // AᵀB and ABᵀ without materializing the transposes.
                let at = a.transposed(), bt = b.transposed()
                var d = c0
                Matrix.multiply(transposeOf: at, b, into: &d)
                #expect(d == ab)
                var e = c0
                Matrix.multiply(a, transposeOf: bt, into: &e)
                #expect(e == ab)
                var f = Matrix<Rational>.zeros(rows: k, columns: k)
                Matrix.multiply(transposeOf: a, a, into: &f)
                #expect(f == at * a)
                var g = Matrix<Rational>.zeros(rows: m, columns: m)
                Matrix.multiply(a, transposeOf: a, into: &g)
                #expect(g == a * at)
                // C += A·B and C += α·A·B.
                var h = c0
                h.addProduct(a, b)
                #expect(h == c0 + ab)
                var s = c0
                s.addProduct(a, b, scaledBy: alpha)
                #expect(s == c0 + alpha * ab)
                var z = ab
                z.addProduct(a, b, scaledBy: -1)
                #expect(z == .zeros(rows: m, columns: n))

                #expect(a == pristine.a && b == pristine.b && c0 == pristine.c0, "the operands are unchanged")
            }
        }
    }

    @Test("an operand may be the receiver: A = A·A and C += C·C over Rational")
    func aliasing() {
        var rng = SplitMix64(seed: 42)
        let original = randomRationalMatrix(rows: 4, columns: 4, using: &rng)
        var a = original
        let square = a * a
        Matrix.multiply(a, a, into: &a)
        #expect(a == square)
        var c = original
        c.addProduct(c, c)
        #expect(c == original + square)
        #expect(original * original == square, "the shared original is unchanged")
    }

    // MARK: LU

    @Test("LU solve: A·x = b exactly for random nonsingular A, n = 1…7, vector and matrix right-hand sides")
    func luSolve() throws {
        var rng = SplitMix64(seed: 0x4C55)
        for n in 1...7 {
            for _ in 0..<3 {
                let a = randomRationalMatrix(rows: n, columns: n, using: &rng)
                let lu = try LUDecomposition(a)
                try #require(!lu.isSingular, "the random \(n)×\(n) matrix is nonsingular")
                let b = randomRationalMatrix(rows: n, columns: 3, using: &rng)
                let x = try lu.solve(b)
                #expect(a * x == b, "A·X = B for n = \(n)")
                let bVector = b.column(0)
                let xVector = try lu.solve(bVector)
                #expect((a * Matrix(rows: n, columns: 1) { i, _ in xVector[i] }).column(0) == bVector)
                #expect(try a.solve(b) == x)
                // The solution is unique: solving A·x = A·x₀ returns x₀ itself.
                let x0 = randomRationalMatrix(rows: n, columns: 2, using: &rng)
                #expect(try lu.solve(a * x0) == x0)
                let inverse = try lu.inverse()
                #expect(a * inverse == .identity(n) && inverse * a == .identity(n))
            }
        }
    }

    @Test("LU pivots past exact zeros: a zero leading entry and a zero on the diagonal after elimination")
    func luPivoting() throws {
        let a: Matrix<Rational> = [[0, 2, 1], [3, 1, 4], [1, 5, 9]]
        #expect(try a.determinant() == leibnizDeterminant(a))
        let x = try a.solve([[1], [2], [3]])
        #expect(a * x == [[1], [2], [3]])
        // After the first elimination step the (1, 1) entry is exactly 0: 1 − (1/2)·2.
        let b: Matrix<Rational> = [[2, 2, 1], [1, 1, 5], [4, 3, 2]]
        #expect(try b.determinant() == leibnizDeterminant(b))
        #expect(try b.inverse() * b == .identity(3))
        let swap: Matrix<Rational> = [[0, 1], [1, 0]]
        #expect(try swap.determinant() == -1 && (try swap.inverse()) == swap)
    }

    @Test("a singular Rational matrix throws singularMatrix from solve and inverse, never crashes; its determinant is 0")
    func luSingular() throws {
        var rng = SplitMix64(seed: 0xDEAD)
        for n in 2...6 {
            var rows = (0..<n).map { _ in (0..<n).map { _ in randomRational(using: &rng) } }
            rows[n - 1] = rows[0]   // a repeated row
            let repeated = try Matrix(rows: rows)
            // The last row a rational combination of two others, 2/3·r₀ − 5/2·r₁ (of r₀ alone, 2/3·r₀, when n = 2).
            var combinedRows = (0..<n).map { _ in (0..<n).map { _ in randomRational(using: &rng) } }
            let (r0, r1) = (combinedRows[0], n > 2 ? combinedRows[1] : [Rational](repeating: 0, count: n))
            combinedRows[n - 1] = (0..<n).map { j in Rational("2/3")! * r0[j] - Rational("5/2")! * r1[j] }
            let combined = try Matrix(rows: combinedRows)
            for a in [repeated, combined, Matrix<Rational>.zeros(rows: n, columns: n)] {
                let lu = try LUDecomposition(a)
                #expect(lu.isSingular)
                #expect(lu.determinant == 0 && leibnizDeterminant(a) == 0)
                let solveError = #expect(throws: LinearAlgebraError.self) { try lu.solve(.identity(n)) }
                if case .singularMatrix(operation: "LU solve", column: let column)? = solveError {
                    #expect(column == lu.singularColumn && (0..<n).contains(column))
                } else {
                    Issue.record("expected singularMatrix from LU solve, got \(String(describing: solveError))")
                }
                #expect(throws: LinearAlgebraError.self) { try lu.solve([Rational](repeating: 1, count: n)) }
                let inverseError = #expect(throws: LinearAlgebraError.self) { try a.inverse() }
                if case .singularMatrix(operation: "matrix inverse", column: _)? = inverseError {} else {
                    Issue.record("expected singularMatrix from the inverse, got \(String(describing: inverseError))")
                }
            }
        }
        // Column 1 is 3 × column 0, so elimination finds no pivot in column 1.
        let dependentColumns: Matrix<Rational> = [[1, 3, 2], [2, 6, 7], [-1, -3, 5]]
        #expect(throws: LinearAlgebraError.singularMatrix(operation: "LU solve", column: 1)) {
            try dependentColumns.solve([[1], [1], [1]])
        }
        #expect(try dependentColumns.determinant() == 0)
    }

    @Test("the determinant is exact: the Leibniz formula for n = 1…5, det(AB) = det A·det B, det Aᵀ and det A⁻¹")
    func determinants() throws {
        var rng = SplitMix64(seed: 0xD37)
        for n in 1...5 {
            for _ in 0..<4 {
                let a = randomRationalMatrix(rows: n, columns: n, using: &rng)
                let b = randomRationalMatrix(rows: n, columns: n, using: &rng)
                let detA = try a.determinant(), detB = try b.determinant()
                #expect(detA == leibnizDeterminant(a), "\(n)×\(n) determinant against Leibniz")
                #expect(try (a * b).determinant() == detA * detB)
                #expect(try a.transposed().determinant() == detA)
                #expect(try (Rational("-3/2")! * a).determinant() == Rational("-3/2")!.power(n) * detA)
                if detA != 0 {
                    #expect(try a.inverse().determinant() == detA.power(-1))
                }
            }
        }
        let upper: Matrix<Rational> = [[Rational("1/2")!, 7, 1], [0, Rational("-2/3")!, 5], [0, 0, 9]]
        #expect(try upper.determinant() == Rational(-3))
    }

    @Test("the input matrix is unchanged by LU (the factorization copies before writing shared rationals)")
    func luLeavesInputIntact() throws {
        func draw() -> Matrix<Rational> {
            var rng = SplitMix64(seed: 7)
            return randomRationalMatrix(rows: 5, columns: 5, using: &rng)
        }
        let a = draw()
        _ = try LUDecomposition(a).inverse()
        _ = try a.determinant()
        #expect(a == draw())
    }
}

@Suite("Sylvester's criterion: the first leading principal minor that is not positive")
struct LeadingMinorsTests {
    @Test("diag(1, 2), [[2, 1], [1, 3]] and the 3 × 3 Hilbert matrix pass; [[1, 2], [2, 1]] fails at 2; [[0, 1], [1, 2]] at 1")
    func sylvester() throws {
        let r = { (p: Int, q: Int) in Rational(numerator: BigInt(p), denominator: BigInt(q)) }
        #expect(Matrix<Rational>.diagonal([1, 2]).firstNonpositiveLeadingMinor == nil)
        #expect(try Matrix<Rational>(rows: [[2, 1], [1, 3]]).firstNonpositiveLeadingMinor == nil)
        #expect(Matrix<Rational>(rows: 3, columns: 3) { r(1, $0 + $1 + 1) }.firstNonpositiveLeadingMinor == nil)
        #expect(try Matrix<Rational>(rows: [[1, 2], [2, 1]]).firstNonpositiveLeadingMinor == 2)   // det = −3
        #expect(try Matrix<Rational>(rows: [[0, 1], [1, 2]]).firstNonpositiveLeadingMinor == 1)
    }
}
