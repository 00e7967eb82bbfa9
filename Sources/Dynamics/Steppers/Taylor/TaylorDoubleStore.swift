import Foundation
import MultiPrecision

/// `TaylorArithmetic` over a preallocated `Double` array: the Taylor method at 53 bits, for tests and sweeps.
final class TaylorDoubleStore: TaylorArithmetic {
    private let slots: UnsafeMutablePointer<Double>
    /// The number of slots.
    let count: Int

    /// A store of `count` slots, all zero.
    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { slots.deallocate() }

    @inline(__always) func setZero(_ r: Int) { slots[r] = 0 }
    @inline(__always) func set(_ r: Int, _ a: Int) { slots[r] = slots[a] }
    @inline(__always) func add(_ r: Int, _ a: Int, _ b: Int) { slots[r] = slots[a] + slots[b] }
    @inline(__always) func subtract(_ r: Int, _ a: Int, _ b: Int) { slots[r] = slots[a] - slots[b] }
    @inline(__always) func multiply(_ r: Int, _ a: Int, _ b: Int) { slots[r] = slots[a] * slots[b] }
    @inline(__always) func divide(_ r: Int, _ a: Int, _ b: Int) { slots[r] = slots[a] / slots[b] }
    @inline(__always) func multiply(_ r: Int, _ a: Int, integer n: Int) { slots[r] = slots[a] * Double(n) }
    @inline(__always) func divide(_ r: Int, _ a: Int, integer n: Int) { slots[r] = slots[a] / Double(n) }
    @inline(__always) func subtract(_ r: Int, _ a: Int, integer n: Int) { slots[r] = slots[a] - Double(n) }
    @inline(__always) func negate(_ r: Int, _ a: Int) { slots[r] = -slots[a] }
    func exp(_ r: Int, _ a: Int) { slots[r] = Foundation.exp(slots[a]) }
    func log(_ r: Int, _ a: Int) { slots[r] = Foundation.log(slots[a]) }
    func sqrt(_ r: Int, _ a: Int) { slots[r] = slots[a].squareRoot() }
    func power(_ r: Int, _ a: Int, _ b: Int) { slots[r] = Foundation.pow(slots[a], slots[b]) }
    func set(_ r: Int, rational q: Rational) { slots[r] = Double(q) }
    func set(_ r: Int, value: Double) { slots[r] = value }
    func set(_ r: Int, double x: Double) { slots[r] = x }
    func set(_ r: Int, powerOfTwo e: Double) { slots[r] = Foundation.exp2(e) }
    func value(_ a: Int) -> Double { slots[a] }
    func store(_ a: Int, into value: inout Double) { value = slots[a] }
    func compare(_ a: Int, _ b: Int) -> Int { slots[a] < slots[b] ? -1 : (slots[a] > slots[b] ? 1 : 0) }
    @inline(__always) func log2Magnitude(_ a: Int) -> Double {
        let x = slots[a]
        if x == 0 { return -.infinity }
        if !x.isFinite { return .infinity }
        return Foundation.log2(Swift.abs(x))
    }
    @inline(__always) func isFinite(_ a: Int) -> Bool { slots[a].isFinite }
    @inline(__always) func double(_ a: Int) -> Double {
        let x = slots[a]
        return x == 0 || (x.magnitude >= 0x1p-1000 && x.magnitude <= 0x1p1000) ? x : .nan
    }
}
