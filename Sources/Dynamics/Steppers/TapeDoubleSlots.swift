import Foundation
import MultiPrecision
import RealModule

/// The `Double` evaluation of a `TapeCode` (one concrete loop over preallocated slots), and forward-difference
/// Jacobians on it, for `Double` fields and for the `Double` Newton matrices of the implicit steppers: nothing is
/// allocated per evaluation.
///
/// A reference type; `TapeFieldEvaluator` copies it before a write when it is shared.
final class TapeDoubleSlots {
    let code: TapeCode
    private var slots: [Double]
    private var f0: [Double]
    private var f1: [Double]
    private var shifted: [Double]

    /// Slots for `code`, with its constants (each the nearest `Double`) and constant nodes set.
    init(_ code: TapeCode) {
        self.code = code
        slots = [Double](repeating: 0, count: code.slotCount)
        let n = code.stateSlots.count
        f0 = [Double](repeating: 0, count: n)
        f1 = f0
        shifted = f0
        func rounded<S: DynamicsScalar>(_ r: Rational) -> S { S(r) }
        for (slot, value) in code.constants { slots[slot] = rounded(value) as Double }
        run(setup: true)
    }

    /// A copy with the same slot values.
    func copy() -> TapeDoubleSlots {
        let result = TapeDoubleSlots(code)
        result.slots = slots
        return result
    }

    /// Writes f(`time`, `state`) into `derivative`.
    func evaluate(time: Double, state: UnsafeBufferPointer<Double>, into derivative: UnsafeMutableBufferPointer<Double>) {
        slots.withUnsafeMutableBufferPointer { v in
            for (s, slot) in code.stateSlots.enumerated() { v[slot] = state[s] }
            if let t = code.timeSlot { v[t] = time }
        }
        run(setup: false)
        slots.withUnsafeBufferPointer { v in
            for (i, slot) in code.outputSlots.enumerated() { derivative[i] = v[slot] }
        }
    }

    /// Forward differences with steps √ε·max(|xⱼ|, 1), row-major into `jacobian` (resized to n² if needed);
    /// `false` if a state component, a value or an entry is not finite.
    func approximateJacobian(time: Double, state: [Double], into jacobian: inout [Double]) -> Bool {
        let n = code.stateSlots.count
        guard state.count == n, state.allSatisfy(\.isFinite) else { return false }
        for j in 0..<n { shifted[j] = state[j] }
        var (f0, f1, x) = ([Double](), [Double](), [Double]())
        swap(&f0, &self.f0); swap(&f1, &self.f1); swap(&x, &shifted)
        defer { swap(&f0, &self.f0); swap(&f1, &self.f1); swap(&x, &shifted) }
        x.withUnsafeBufferPointer { xp in f0.withUnsafeMutableBufferPointer { evaluate(time: time, state: xp, into: $0) } }
        guard f0.allSatisfy(\.isFinite) else { return false }
        return forwardDifferenceJacobian(state: state, f0: f0, x: &x, f1: &f1, into: &jacobian) { point, f in
            point.withUnsafeBufferPointer { xp in f.withUnsafeMutableBufferPointer { evaluate(time: time, state: xp, into: $0) } }
        }
    }

    /// Runs the setup or the body instructions over the slots.
    private func run(setup: Bool) {
        (setup ? code.setup : code.body).withUnsafeBufferPointer { instructions in
            slots.withUnsafeMutableBufferPointer { v in
                for instruction in instructions {
                    let r = instruction.result, a = instruction.a, b = instruction.b
                    switch instruction.operation {
                    case .copy: v[r] = v[a]
                    case .negate: v[r] = -v[a]
                    case .positiveZero: if v[r] == 0 { v[r] = 0 }
                    case .zero: v[r] = 0
                    case .add: v[r] = v[a] + v[b]
                    case .subtract: v[r] = v[a] - v[b]
                    case .multiply: v[r] = v[a] * v[b]
                    case .divide: v[r] = v[a] / v[b]
                    case .exp: v[r] = Double.exp(v[a])
                    case .log: v[r] = Double.log(v[a])
                    case .sqrt: v[r] = Double.sqrt(v[a])
                    case .powerInteger: v[r] = Double.pow(v[a], Double(b))  // as `Double.pow(_:rational:)`
                    case .power: v[r] = Double.pow(v[a], v[b])
                    }
                }
            }
        }
    }
}
