// The BigFloat product kernel: MPFR in place on each entry of the result, nothing allocated.
//
// The operand pointers of A and B are gathered once per call into a temporary buffer (on the stack while it fits,
// through `withUnsafeTemporaryAllocation`), using BigFloat's package-level `_unsafeStablePointer`: a storage object
// never moves, and A and B are kept alive (and unmutated) for the whole call. Each entry of C is then made unique
// once and computed in place on its own `mpfr_t`: `mpfr_mul` for the first term, then one `mpfr_fma` per remaining
// term. So the operations are exactly those of a C triple loop on preallocated `mpfr_t` (the benchmark checks the
// results agree bit for bit), with no retain/release per operand. If C shares an entry with A or B (C = A·A), the
// entry is copied before it is written, and the gathered pointers still point at A's and B's own storage.

import CMPFR
import MultiPrecision

extension Matrix {
    /// Runs the BigFloat kernel when `Element` is `BigFloat` (a check the optimizer folds away in specialized code).
    @inlinable
    internal static func _fastProductKernel(_ a: Matrix, _ b: Matrix, into c: inout Matrix,
                                            layout: _ProductLayout, update: _ProductUpdate<Element>) -> Bool {
        guard Element.self == BigFloat.self else { return false }
        withUnsafeMutablePointer(to: &c) { pointer in
            pointer.withMemoryRebound(to: Matrix<BigFloat>.self, capacity: 1) { target in
                _bigFloatProductKernel(unsafeBitCast(a, to: Matrix<BigFloat>.self),
                                       unsafeBitCast(b, to: Matrix<BigFloat>.self),
                                       into: &target.pointee, layout: layout,
                                       update: unsafeBitCast(update, to: _ProductUpdate<BigFloat>.self))
            }
        }
        return true
    }
}

/// C = op(A)·op(B), C += op(A)·op(B) or C += α·op(A)·op(B) for BigFloat, each entry rounded to its own precision in C.
@usableFromInline
internal func _bigFloatProductKernel(_ a: Matrix<BigFloat>, _ b: Matrix<BigFloat>, into c: inout Matrix<BigFloat>,
                                     layout: _ProductLayout, update: _ProductUpdate<BigFloat>) {
    let m = layout.m, n = layout.n, depth = layout.depth
    // One scratch value for the scaled form, at the largest precision in C (allocated once per call).
    var scratch: BigFloat? = nil
    if case .accumulateScaled = update {
        scratch = BigFloat(precision: c._elements.map(\.precision).max() ?? Precision.current)
    }
    let aCount = a._elements.count, bCount = b._elements.count
    withExtendedLifetime((a, b)) {
        withUnsafeTemporaryAllocation(of: UnsafePointer<__mpfr_struct>.self, capacity: aCount + bCount) { pointers in
            for index in 0..<aCount { pointers[index] = a._elements[index]._unsafeStableMPFRPointer }
            for index in 0..<bCount { pointers[aCount + index] = b._elements[index]._unsafeStableMPFRPointer }
            let aEntries = UnsafeBufferPointer(rebasing: pointers[0..<aCount])
            let bEntries = UnsafeBufferPointer(rebasing: pointers[aCount..<(aCount + bCount)])
            c._elements.withUnsafeMutableBufferPointer { entries in
                for i in 0..<m {
                    let rowA = i * layout.aRow
                    for j in 0..<n {
                        let columnB = j * layout.bColumn
                        switch update {
                        case .overwrite:
                            entries[i * n + j].withUnsafeMutableMPFRPointer { r in
                                if depth == 0 { mpfr_set_zero(r, 1); return }
                                _ = mpfr_mul(r, aEntries[rowA], bEntries[columnB], MPFR_RNDN)
                                for k in 1..<depth {
                                    _ = mpfr_fma(r, aEntries[rowA + k * layout.aDepth],
                                                 bEntries[k * layout.bDepth + columnB], r, MPFR_RNDN)
                                }
                            }
                        case .accumulate:
                            entries[i * n + j].withUnsafeMutableMPFRPointer { r in
                                for k in 0..<depth {
                                    _ = mpfr_fma(r, aEntries[rowA + k * layout.aDepth],
                                                 bEntries[k * layout.bDepth + columnB], r, MPFR_RNDN)
                                }
                            }
                        case .accumulateScaled(let alpha):
                            scratch!.withUnsafeMutableMPFRPointer { s in
                                mpfr_set_zero(s, 1)
                                for k in 0..<depth {
                                    _ = mpfr_fma(s, aEntries[rowA + k * layout.aDepth],
                                                 bEntries[k * layout.bDepth + columnB], s, MPFR_RNDN)
                                }
                                alpha.withUnsafeMPFRPointer { alpha in
                                    entries[i * n + j].withUnsafeMutableMPFRPointer { r in
                                        _ = mpfr_fma(r, alpha, s, r, MPFR_RNDN)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
