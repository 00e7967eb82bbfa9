import Dynamics
import MultiPrecision

/// y' = −y; y = y₀e^{−t}.
struct Decay: VectorField {
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = -state[0]
    }
}

/// q' = p, p' = −q; from (1, 0): q = cos t, p = −sin t, energy ½(q² + p²) = ½.
struct HarmonicOscillator: VectorField {
    var dimension: Int { 2 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = state[1]
        derivative[1] = -state[0]
    }
}

/// y' = y²; from y₀ = 1: y = 1/(1 − t), blowing up at t = 1.
struct Riccati: VectorField {
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = state[0] * state[0]
    }
}

/// y' = r y (1 − y); y = 1/(1 + (1/y₀ − 1)e^{−rt}).
struct Logistic: VectorField {
    var rate: Rational
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = T(rate) * state[0] * (T(1) - state[0])
    }
}

/// y' = y² − t (P3a of the benchmark problems): non-autonomous and nonlinear.
struct RiccatiAiry: VectorField {
    var dimension: Int { 1 }
    var isAutonomous: Bool { false }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = state[0] * state[0] - time
    }
}

/// Ẏ = A Y for an n×n matrix Y (row-major state), A exact.
struct LinearMatrixFlow: VectorField {
    var a: [[Rational]]
    var n: Int { a.count }
    var dimension: Int { n * n }
    var layout: StateLayout { StateLayout(blocks: [.matrix("Y", rows: n, columns: n)]) }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let matrixA = StateMatrix(rows: n, columns: n, entries: a.flatMap { $0.map { T($0) } })
        let y = StateMatrix(state, layout, block: 0)
        (matrixA * y).write(into: &derivative, layout, block: 0)
    }
}

/// The end-to-end singular value of a depth-N linear network in the aligned/balanced case (docs/theory.md §5.2):
/// ẇ = w^{N−1}(λ − w^N), with x = w^N the singular value.
struct DeepLinearSingularValue: VectorField {
    var depth: Int
    var target: Rational
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let w = state[0]
        derivative[0] = T.pow(w, depth - 1) * (T(target) - T.pow(w, depth))
    }
}

/// The same mode in the end-to-end variable (docs/theory.md §1.5, §5.1): σ̇ = N σ^{2−2/N} (λ − σ).
struct EndToEndSingularValue: VectorField {
    var depth: Int
    var target: Rational
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let s = state[0]
        let power = T.pow(s, rational: Rational(numerator: BigInt(2 * depth - 2), denominator: BigInt(depth)))
        derivative[0] = T(depth) * power * (T(target) - s)
    }
}

/// Euler's free rigid body: ṁ = m × (I⁻¹m). Conserves |m|² and the energy Σ mᵢ²/Iᵢ, both quadratic.
struct RigidBody: VectorField {
    var inertia: (Rational, Rational, Rational) = (Rational(2), Rational(1), Rational(numerator: 2, denominator: 3))
    var dimension: Int { 3 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let (i1, i2, i3) = (T(inertia.0), T(inertia.1), T(inertia.2))
        let (m1, m2, m3) = (state[0], state[1], state[2])
        derivative[0] = (T(1) / i3 - T(1) / i2) * m2 * m3
        derivative[1] = (T(1) / i1 - T(1) / i3) * m3 * m1
        derivative[2] = (T(1) / i2 - T(1) / i1) * m1 * m2
    }
}

/// y' = −1/(2y), y(0) = 1: y = √(1 − t), bounded, but the derivative blows up at t = 1, so steps collapse.
struct SquareRootCollapse: VectorField {
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = -(T(1) / (T(2) * state[0]))
    }
}

/// ẋ₀ = 1, ẋ₁ = t: a field whose derivative does not depend on the state (x₀ = x₀(0) + t, x₁ = x₁(0) + t²/2).
struct StateFree: VectorField {
    var dimension: Int { 2 }
    var isAutonomous: Bool { false }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        derivative[0] = T(1)
        derivative[1] = time
    }
}
