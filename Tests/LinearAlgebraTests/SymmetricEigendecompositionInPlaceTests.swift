import LinearAlgebra
import MultiPrecision
import RealModule
import Testing

/// The in-place Jacobi rotations against the value expressions they replace.
@Suite("SymmetricEigendecomposition: the in-place rotations equal the value expressions bit for bit")
struct SymmetricEigendecompositionInPlaceTests {
    /// Cyclic Jacobi as value expressions (every operation a new value), for an exactly symmetric matrix: the same
    /// skip rule, rotation, sort and signs as `SymmetricEigendecomposition`.
    static func referenceJacobi<T: Scalar>(_ a: Matrix<T>) -> (values: [T], vectors: [T]) {
        let n = a.rowCount, u = T.unitRoundoff
        var m = a.elements, v = Matrix<T>.identity(n).elements
        let floor = u * u * a.frobeniusNorm
        func sqrtOnePlusSquare(_ x: T) -> T {
            let m = x.magnitude
            if m > 1 { let r = 1 / m; return m * T.sqrt(1 + r * r) }
            return T.sqrt(1 + m * m)
        }
        var rotated = true
        while rotated {
            rotated = false
            for p in 0..<n {
                for q in (p + 1)..<max(n, p + 1) {
                    let apq = m[p * n + q], app = m[p * n + p], aqq = m[q * n + q]
                    if apq.magnitude <= floor || apq.magnitude <= u * T.sqrt(app.magnitude) * T.sqrt(aqq.magnitude) { continue }
                    rotated = true
                    let theta = (aqq - app) / (2 * apq)
                    var t = 1 / (theta.magnitude + sqrtOnePlusSquare(theta))
                    if theta < .zero { t = -t }
                    let c = 1 / sqrtOnePlusSquare(t), s = t * c, tau = s / (1 + c)
                    m[p * n + p] = app - t * apq
                    m[q * n + q] = aqq + t * apq
                    m[p * n + q] = .zero
                    m[q * n + p] = .zero
                    for r in 0..<n where r != p && r != q {
                        let arp = m[r * n + p], arq = m[r * n + q]
                        let newRP = arp - s * (arq + tau * arp), newRQ = arq + s * (arp - tau * arq)
                        m[r * n + p] = newRP; m[p * n + r] = newRP
                        m[r * n + q] = newRQ; m[q * n + r] = newRQ
                    }
                    for r in 0..<n {
                        let vrp = v[r * n + p], vrq = v[r * n + q]
                        v[r * n + p] = vrp - s * (vrq + tau * vrp)
                        v[r * n + q] = vrq + s * (vrp - tau * vrq)
                    }
                }
            }
        }
        let order = (0..<n).sorted { m[$0 * n + $0] < m[$1 * n + $1] }
        var vectors = [T](repeating: .zero, count: n * n)
        for (k, source) in order.enumerated() {
            var largest = 0
            for r in 0..<n where v[r * n + source].magnitude > v[largest * n + source].magnitude { largest = r }
            let flip = v[largest * n + source] < .zero
            for r in 0..<n { vectors[r * n + k] = flip ? -v[r * n + source] : v[r * n + source] }
        }
        return (order.map { m[$0 * n + $0] }, vectors)
    }

    static func identical(_ a: [BigFloat], _ b: [BigFloat]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 == $1 && $0.sign == $1.sign && $0.precision == $1.precision }
    }

    /// n = 3 and 7 at 256 bits (the in-place path), a 7 × 7 matrix made at 320 bits decomposed at 256 (the value path,
    /// since the entries are not at the working precision), and in `Double`.
    @Test("Eigenvalues and eigenvectors equal the value-expression Jacobi bit for bit (n = 3, 7; 256 bits, mixed precision, Double)")
    func inPlaceRotationsAreBitIdentical() throws {
        for n in [3, 7] {
            try withPrecision(256) {
                let a: Matrix<BigFloat> = pseudoRandomSymmetric(n, seed: 5 + UInt64(n))
                let eig = try SymmetricEigendecomposition(a), reference = Self.referenceJacobi(a)
                #expect(Self.identical(eig.eigenvalues, reference.values))
                #expect(Self.identical(eig.eigenvectors.elements, reference.vectors))
                #expect(eig.sweeps > 1)
            }
            let d: Matrix<Double> = pseudoRandomSymmetric(n, seed: 5 + UInt64(n))
            let eig = try SymmetricEigendecomposition(d), reference = Self.referenceJacobi(d)
            #expect(eig.eigenvalues.map(\.bitPattern) == reference.values.map(\.bitPattern))
            #expect(eig.eigenvectors.elements.map(\.bitPattern) == reference.vectors.map(\.bitPattern))
        }
        let wide: Matrix<BigFloat> = withPrecision(320) { pseudoRandomSymmetric(7, seed: 3) }
        try withPrecision(256) {
            let eig = try SymmetricEigendecomposition(wide), reference = Self.referenceJacobi(wide)
            #expect(Self.identical(eig.eigenvalues, reference.values))
            #expect(Self.identical(eig.eigenvectors.elements, reference.vectors))
            #expect(eig.eigenvalues.allSatisfy { $0.precision == 320 })
        }
    }
}
