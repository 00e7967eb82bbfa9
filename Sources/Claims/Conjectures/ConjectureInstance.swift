import Conjectures
import Foundation
import MultiPrecision

/// What `ConjectureKind.readClaim` hands to `evaluate` for one instance, as a typed payload: the checked document
/// and the instance's bindings (no text is read again).
struct ConjectureInstance: Sendable {
    /// The checked program and compiled expressions, shared by the claim's instances.
    var checked: CheckedConjecture
    /// The bound programs of this instance (main run, trend runs).
    var bound: BoundInstance
    /// The document.
    var document: ConjectureDocument { checked.document }
    /// This instance's dimensions, parameters and seed.
    var binding: InstanceBinding
    /// The instance's position.
    var index: Int
    /// The evaluation of an exact run, computed once for both precisions of the error estimate.
    let exactResult = ExactResult()

    /// A stable identity: the file, a digest of its text and the instance's position.
    static func identity(file: String, text: String, index: Int) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325          // FNV-1a, stable across processes
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return "\(file)#\(String(hash, radix: 16))#\(index)"
    }
}

/// A lock-protected slot for an exact evaluation shared by an instance's two precision runs.
final class ExactResult: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Evaluation?

    /// The evaluation, once computed.
    var value: Evaluation? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
