import Dynamics
import Foundation
import MultiPrecision

/// The map X ↦ X⁺ of a bound conjecture (explicit map or gradient descent) as a `DiscreteMap`; `historyLength` is
/// 2 when an update reads `prev(…)`. In `BigFloat` it runs a straight-line program lowered once from the bound
/// graph onto preallocated registers (no allocation per scalar operation); in other arithmetics it interprets the
/// graph. A run-time failure (log of a non-positive entry, division by zero, a singular solve) makes the step's
/// values NaN and is recorded: read ``failure`` after the run.
public struct ConjectureMap: DiscreteMap, @unchecked Sendable {
    /// The instance.
    public let bound: BoundConjecture
    let storage: _MapStorage

    init(bound: BoundConjecture) {
        self.bound = bound
        self.storage = _MapStorage()
    }

    /// The number of state components.
    public var dimension: Int { bound.layout.dimension }
    /// One block per variable.
    public var layout: StateLayout { bound.layout }
    /// 2 when an update reads the previous iterate, else 1.
    public var historyLength: Int { bound.program.readsPrevious ? 2 : 1 }

    /// The first run-time failure, with its step, if any.
    public var failure: (step: Int, error: ConjectureRuntimeError)? { storage.lock.withLock { storage.failure } }

    /// Writes x_{k+1} into `next`.
    public func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {
        if T.self == BigFloat.self, storage.lock.try() {
            defer { storage.lock.unlock() }
            let program: _LoweredProgram
            if let p = storage.program, p.precision == Precision.current { program = p } else {
                program = _LoweredProgram(bound: bound, roots: bound.program.updates.map(\.node), precision: Precision.current)
                storage.program = program
            }
            // T is BigFloat: reinterpret the arrays without the element-wise copy of an `as!` cast.
            let current = unsafeBitCast(history[0], to: [BigFloat].self)
            let previous = history.count > 1 ? unsafeBitCast(history[1], to: [BigFloat].self) : current
            if let error = program.run(state: current, previous: previous, step: k) {
                if storage.failure == nil { storage.failure = (k, error) }
                for i in next.indices { next[i] = T(0) / T(0) }
                return
            }
            withUnsafeMutablePointer(to: &next) { pointer in
                pointer.withMemoryRebound(to: [BigFloat].self, capacity: 1) { next in
                    var offset = 0
                    for root in program.roots {
                        for register in program.slots[root]! { next.pointee[offset].set(program.registers[register]); offset += 1 }
                    }
                }
            }
            return
        }
        var evaluator = _Evaluator<T>(bound: bound, checks: true)
        let inputs = _Inputs(state: history[0], previous: history.count > 1 ? history[1] : nil, step: k)
        var offset = 0
        for u in bound.program.updates {
            do {
                for x in try evaluator.value(of: u.node, inputs: inputs) { next[offset] = x; offset += 1 }
            } catch {
                storage.lock.withLock { if storage.failure == nil { storage.failure = (k, error) } }
                for i in next.indices { next[i] = T(0) / T(0) }
                return
            }
        }
    }
}

/// The mutable part of a map: its lowered program (per precision) and the first failure.
final class _MapStorage: @unchecked Sendable {
    let lock = NSLock()
    var program: _LoweredProgram?
    var failure: (step: Int, error: ConjectureRuntimeError)?
}
