// The matrix exponential by scaling and squaring with a Taylor core.
//
// Implementation goals, in order of priority:
//   1. Accurate at any precision: the Taylor degree is chosen from the precision, not fixed (a Padé table tuned to
//      double would lose digits at 1024 bits). With B = A/2^s and ‖B‖∞ ≤ 1/2, the truncation error after degree m is
//      at most 2·‖B‖^(m+1)/(m+1)! (a geometric tail), while ‖exp(B)‖ ≥ e^(−1/2) > 1/2, so the relative truncation
//      error is below 4·‖B‖^(m+1)/(m+1)!; m is the first degree that makes this at most u/4.
//   2. Few squarings: s = ⌈log₂(2‖A‖∞)⌉, the least that brings ‖B‖ to 1/2, because each squaring doubles the relative
//      error already present.
//   3. Few products: the Taylor polynomial by Paterson–Stockmeyer, about 2√m products instead of Horner's m, on
//      preallocated matrices through the in-place product (at 256 bits, m = 49: 13 products instead of 49).
//
// The steps, as value expressions (the rounding every implementation must reproduce; u, 1/2 and 1 at the default
// precision): ‖A‖∞ as row sums of |a_ij| left to right; while ‖B‖ > 1/2, halve it and the scale 2^−s; B = A·2^−s entry
// by entry; the degree from term ← term·‖B‖/(m+1); c_k = 1/k! as c_{k−1}/k; the powers B^j, the blocks (fused
// multiply-adds), the outer Horner iterates and the squarings in matrices made at the default precision.
// MatrixExponentialWorkspace.swift holds the one implementation; this is its value-returning form.

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
    /// - Complexity: about 2√m + s matrix products and (m + 1)·n² multiply-adds, m ≈ p / log₂(m) for p bits of
    ///   precision.
    public func exponential() throws -> Matrix {
        guard isSquare else { throw LinearAlgebraError.notSquare(operation: "matrix exponential", shape: shape) }
        var workspace = MatrixExponentialWorkspace<Element>(order: rowCount)
        var result = Matrix.zeros(rows: rowCount, columns: rowCount)
        try workspace.exponential(of: self, into: &result)
        return result
    }
}
