// The BigFloat product kernel: MPFR in place on each entry of the result, nothing allocated.
//
// Each entry of C is computed in place on its own `mpfr_t` (made unique once per entry, which copies any entry that C
// shares with A or B): `mpfr_mul` for the first term, then one `mpfr_fma` per remaining term, reading the operands
// through `withUnsafeMPFRPointer`, which never copies. So the operations are exactly those of a C triple loop on
// preallocated `mpfr_t` (the benchmark checks the results agree bit for bit), and the generic path's per-operation
// uniqueness checks are gone. The remaining overhead is a retain and release of each operand's storage per fma.
// A variant that gathers the operand pointers once per call ran at 0.98–1.11× raw MPFR, but it lets the pointers
// escape `withUnsafeMPFRPointer`, which BigFloat's contract forbids, and needs a heap buffer above 128 pointers.

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
    a._elements.withUnsafeBufferPointer { aEntries in
        b._elements.withUnsafeBufferPointer { bEntries in
            c._elements.withUnsafeMutableBufferPointer { entries in
                for i in 0..<m {
                    let rowA = i * layout.aRow
                    for j in 0..<n {
                        let columnB = j * layout.bColumn
                        switch update {
                        case .overwrite:
                            entries[i * n + j].withUnsafeMutableMPFRPointer { r in
                                if depth == 0 { mpfr_set_zero(r, 1); return }
                                aEntries[rowA].withUnsafeMPFRPointer { x in
                                    bEntries[columnB].withUnsafeMPFRPointer { y in _ = mpfr_mul(r, x, y, MPFR_RNDN) }
                                }
                                for k in 1..<depth {
                                    aEntries[rowA + k * layout.aDepth].withUnsafeMPFRPointer { x in
                                        bEntries[k * layout.bDepth + columnB].withUnsafeMPFRPointer { y in _ = mpfr_fma(r, x, y, r, MPFR_RNDN) }
                                    }
                                }
                            }
                        case .accumulate:
                            entries[i * n + j].withUnsafeMutableMPFRPointer { r in
                                for k in 0..<depth {
                                    aEntries[rowA + k * layout.aDepth].withUnsafeMPFRPointer { x in
                                        bEntries[k * layout.bDepth + columnB].withUnsafeMPFRPointer { y in _ = mpfr_fma(r, x, y, r, MPFR_RNDN) }
                                    }
                                }
                            }
                        case .accumulateScaled(let alpha):
                            scratch!.withUnsafeMutableMPFRPointer { s in
                                mpfr_set_zero(s, 1)
                                for k in 0..<depth {
                                    aEntries[rowA + k * layout.aDepth].withUnsafeMPFRPointer { x in
                                        bEntries[k * layout.bDepth + columnB].withUnsafeMPFRPointer { y in _ = mpfr_fma(s, x, y, s, MPFR_RNDN) }
                                    }
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
