import CArb

/// The heap storage of one `Ball`: an `arb_t` (midpoint `arf_t`, radius `mag_t`) in a managed object.
///
/// Arb keeps a midpoint of up to two limbs inline and grows its limb array on demand; once a value has reached the
/// working precision, later operations into the same storage reuse those limbs, so a hot loop that writes into
/// existing balls allocates nothing in the steady state.
@usableFromInline
final class _ArbStorage: ManagedBuffer<arb_struct, UInt8> {
    /// Makes storage holding the exact ball [0 ± 0].
    @inlinable
    static func make() -> _ArbStorage {
        let buffer = _ArbStorage.create(minimumCapacity: 0) { _ in arb_struct() }
        let storage = unsafeDowncast(buffer, to: _ArbStorage.self)
        storage.withUnsafeMutablePointerToHeader { arb_init($0) }
        return storage
    }

    /// Makes a copy of this storage with the same midpoint and radius (exact).
    @inlinable
    func copy() -> _ArbStorage {
        let result = _ArbStorage.make()
        result.withUnsafeMutablePointerToHeader { destination in
            withUnsafeMutablePointerToHeader { source in arb_set(destination, source) }
        }
        return result
    }

    deinit {
        withUnsafeMutablePointerToHeader { arb_clear($0) }
    }
}
