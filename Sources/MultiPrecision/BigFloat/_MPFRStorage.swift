import CMPFR

/// The heap storage of one `BigFloat`: an `mpfr_t` header and its significand limbs in a single allocation.
///
/// The header is set up with MPFR's custom-interface functions over the tail-allocated limbs, so making a value
/// costs one allocation (not three), and `mpfr_clear` is never called: the limbs go away with the object.
/// The precision of a storage object never changes; a value of another precision gets a new object.
/// Never `mpfr_set_prec` or `mpfr_prec_round` on this storage: those would reallocate the limbs.
@usableFromInline
final class _MPFRStorage: ManagedBuffer<__mpfr_struct, mp_limb_t> {
    /// Makes storage holding +0 at `precision` bits.
    @inlinable
    static func make(precision: Int) -> _MPFRStorage {
        let limbs = (Int(cmpfr_custom_get_size(precision)) + MemoryLayout<mp_limb_t>.size - 1)
            / MemoryLayout<mp_limb_t>.size
        let buffer = _MPFRStorage.create(minimumCapacity: limbs) { _ in __mpfr_struct() }
        let storage = unsafeDowncast(buffer, to: _MPFRStorage.self)
        storage.withUnsafeMutablePointers { header, significand in
            cmpfr_custom_init(significand, precision)
            cmpfr_custom_init_set_zero(header, precision, significand)
        }
        return storage
    }

    /// Makes a copy of this storage with the same precision and value.
    @inlinable
    func copy() -> _MPFRStorage {
        let result = _MPFRStorage.make(precision: precision)
        result.withUnsafeMutablePointerToHeader { destination in
            withUnsafeMutablePointerToHeader { source in
                _ = mpfr_set(destination, source, MPFR_RNDN)
            }
        }
        return result
    }

    /// The precision in bits, read from the `mpfr_t` header.
    @inlinable
    var precision: Int {
        withUnsafeMutablePointerToHeader { cmpfr_get_prec($0) }
    }
}
