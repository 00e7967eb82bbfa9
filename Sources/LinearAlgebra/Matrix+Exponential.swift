// The matrix exponential by scaling and squaring with a Taylor core.
//
// Implementation goals, in order of priority:
//   1. Accurate at any precision: the Taylor degree is chosen from the precision, not fixed (a Padé table tuned to
//      double would lose digits at 1024 bits). With B = A/2^s and ‖B‖∞ ≤ 1/2, the truncation error after degree m is
//      at most 2·‖B‖^(m+1)/(m+1)! (a geometric tail), while ‖exp(B)‖ ≥ e^(−1/2) > 1/2, so the relative truncation
//      error is below 4·‖B‖^(m+1)/(m+1)!; m is the first degree that makes this at most u/4.
//   2. Few squarings: s = ⌈log₂(2‖A‖∞)⌉, the least that brings ‖B‖ to 1/2, because each squaring doubles the relative
//      error already present.
//   3. Horner's scheme on preallocated matrices, P ← I + (B·P)/k for k = m, …, 1, through the in-place product.

import MultiPrecision
import RealModule

extension Matrix where Element: Scalar {
    /// The matrix exponential exp(A) = Σ Aᵏ/k! of a square matrix, at working precision.
    ///
    /// The relative error is a small multiple of n·u·2^s, s ≈ log₂‖A‖∞, which is the conditioning of the problem for
    /// normal matrices. It serves as the reference solution of linear ODEs: x(t) = exp(t·A)·x(0).
    ///
    /// ```swift
    /// let generator: Matrix<Double> = [[0, -1], [1, 0]]
    /// let rotation = try generator.exponential()   // [[cos 1, −sin 1], [sin 1, cos 1]]
    /// ```
    ///
    /// - Throws: ``LinearAlgebraError/notSquare(operation:shape:)``, ``LinearAlgebraError/nonFiniteEntry(operation:)``,
    ///   or ``LinearAlgebraError/invalidArgument(operation:reason:)`` when ‖A‖∞ exceeds 2^4096 (the result would
    ///   overflow every supported format long before).
    /// - Complexity: (m + s) matrix products, m ≈ p / log₂(m) for p bits of precision.
    public func exponential() throws -> Matrix {
        let operation = "matrix exponential"
        guard isSquare else { throw LinearAlgebraError.notSquare(operation: operation, shape: shape) }
        for x in _elements where (x - x)._isNaN { throw LinearAlgebraError.nonFiniteEntry(operation: operation) }
        let n = rowCount
        let half: Element = 1 / 2
        var norm = infinityNorm
        if norm == .zero { return .identity(n) }
        var scale: Element = 1
        var squarings = 0
        while norm > half {
            norm *= half
            scale *= half
            squarings += 1
            guard squarings <= 4096 else {
                throw LinearAlgebraError.invalidArgument(operation: operation, reason: "the norm is above 2^4096")
            }
        }
        let b = self * scale
        // Degree: the first m with 4·‖B‖^(m+1)/(m+1)! ≤ u/4.
        let target = Element.unitRoundoff / 16
        var term = norm          // ‖B‖^(m+1)/(m+1)! for m = 0
        var degree = 0
        while term > target {
            degree += 1
            term = term * norm / Element._integer(degree + 1)
            guard degree < 100_000 else {
                throw LinearAlgebraError.noConvergence(method: "Taylor series of the matrix exponential", iterations: degree)
            }
        }
        var p = Matrix.identity(n)
        var work = Matrix.zeros(rows: n, columns: n)
        let one: Element = 1   // made once, not once per diagonal entry and degree
        for k in stride(from: degree, through: 1, by: -1) {
            Matrix.multiply(b, p, into: &work)
            let divisor = Element._integer(k)
            for index in work._elements.indices { work._elements[index] /= divisor }
            for i in 0..<n { work._elements[i * n + i] += one }
            swap(&p, &work)
        }
        for _ in 0..<squarings {
            Matrix.multiply(p, p, into: &work)
            swap(&p, &work)
        }
        return p
    }
}
