import AttestTestSupport
import Foundation
import Dynamics
import MultiPrecision
import Testing

/// Validated Taylor steps in Arb balls against exact values: the enclosure must contain the reference, and be narrow.
///
/// References: Tests/DynamicsTests/References/validated-flows.txt, written by scripts/references/validated_flows.py
/// (mpmath at 130 digits: expm(tA)·x₀ for a rational A, the closed form of the depth-2 singular-value ODE, and
/// mpmath.odefun for depth 3, checked against its implicit closed form). The references carry 120 digits, 1e−120
/// relative, far below the radii (≈ 1e−70) they are compared with; a reference point outside the ball fails.
@Suite("Validated Taylor integrator")
struct ValidatedTaylorIntegratorTests {
    static let references: [String: String] = (try? AttestTestSupport.referenceValues(
        at: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("References/validated-flows.txt").path)) ?? [:]

    static func reference(_ name: String) throws -> BigFloat {
        let text = try #require(references[name], "no reference \(name)")
        return try #require(BigFloat(text, precision: 512))
    }

    /// A[a,b] = ((3a + 5b + 1) mod 7 − 3)/4, as in the reference script.
    static let a: [[Rational]] = (0..<4).map { (i: Int) -> [Rational] in
        (0..<4).map { (j: Int) -> Rational in
            let k: Int = (3 * i + 5 * j + 1) % 7 - 3
            return Rational(numerator: BigInt(k), denominator: BigInt(4))
        }
    }
    static let x0: [Rational] = [1, Rational(numerator: -1, denominator: 2), Rational(numerator: 1, denominator: 3),
                                 Rational(numerator: 2, denominator: 7)]

    /// Runs the linear field to each time and returns the enclosures there.
    static func linear(times: [Rational], bits: Int, order: Int? = nil, mutation: ValidatedTaylorIntegrator.Mutation = .none,
                       configure: (ValidatedTaylorIntegrator) -> Void = { _ in }) throws -> [[BallEnclosure]] {
        let integrator = ValidatedTaylorIntegrator(field: LinearField(matrix: a), bits: bits, order: order)
        integrator.mutation = mutation
        configure(integrator)
        integrator.reset(time: 0, state: x0)
        return try times.map { t in
            try integrator.advance(to: t)
            return integrator.enclosures()
        }
    }

    @Test("x' = Ax: the enclosures of expm(tA)·x₀ at t = 1 and 5 contain the mpmath values, width ≤ 1e−60 at 256 bits")
    func linearField() throws {
        let enclosures = try Self.linear(times: [1, 5], bits: 256)
        for (index, t) in [1, 5].enumerated() {
            for i in 0..<4 {
                let e = enclosures[index][i]
                let r = try Self.reference("linear_t\(t)_\(i)")
                #expect(e.contains(r), "t = \(t), component \(i): \(e) misses \(r)")
                #expect(e.width < BigFloat("1e-60", precision: 64)!, "t = \(t), component \(i): width \(e.width)")
            }
        }
    }

    @Test("depth-2 singular-value ODE w' = w(λ − w²): enclosures contain the closed form at t = 1, 2, 5")
    func depthTwoSingularValue() throws {
        let integrator = ValidatedTaylorIntegrator(field: SingularValueField(depth: 2), bits: 256)
        integrator.reset(time: 0, state: [Rational(numerator: 1, denominator: 5)])
        for t in [1, 2, 5] {
            try integrator.advance(to: Rational(t))
            let e = integrator.enclosures()[0]
            let r = try Self.reference("dln2_w\(t)")
            #expect(e.contains(r), "t = \(t): \(e) misses \(r)")
            #expect(e.width < BigFloat("1e-65", precision: 64)!, "t = \(t): width \(e.width)")
        }
    }

    @Test("depth-3 singular-value ODE w' = w²(λ − w³): enclosures contain mpmath.odefun's values at t = 1, 2")
    func depthThreeSingularValue() throws {
        let integrator = ValidatedTaylorIntegrator(field: SingularValueField(depth: 3), bits: 256)
        integrator.reset(time: 0, state: [Rational(numerator: 1, denominator: 5)])
        for t in [1, 2] {
            try integrator.advance(to: Rational(t))
            let e = integrator.enclosures()[0]
            let r = try Self.reference("dln3_w\(t)")
            #expect(e.contains(r), "t = \(t): \(e) misses \(r)")
            #expect(e.width < BigFloat("1e-65", precision: 64)!, "t = \(t): width \(e.width)")
        }
    }

    @Test("a time-dependent field x' = t·x: the enclosure contains e^{t²/2}·x₀")
    func timeDependentField() throws {
        let integrator = ValidatedTaylorIntegrator(field: TimeScaledField(), bits: 256)
        integrator.reset(time: 0, state: [1])
        try integrator.advance(to: 1)
        let e = integrator.enclosures()[0]
        let exact = BigFloat.exp(BigFloat(Rational(numerator: 1, denominator: 2), precision: 512))
        #expect(e.contains(exact), "\(e) misses \(exact)")
        #expect(e.width < BigFloat("1e-65", precision: 64)!)
    }

    @Test("depth-2 matrix gradient flow: the enclosure of W₂ᵀW₂ − W₁W₁ᵀ at t = 2 contains its exact initial value, width ≤ 1e−60")
    func quadraticInvariant() throws {
        let field = TwoLayerFlow()
        let integrator = ValidatedTaylorIntegrator(field: field, bits: 256)
        let observable = BallObservable(TwoLayerBalancedness(), bits: 256)
        observable.setReference(field.initial)
        integrator.reset(time: 0, state: field.initial)
        let exact = TwoLayerBalancedness.exact(field.initial)
        try integrator.advance(to: 2)
        let values = observable.values(on: integrator)
        for (j, e) in values.enumerated() {
            #expect(e.contains(BigFloat(exact[j], precision: 1024)), "entry \(j): \(e) misses \(exact[j])")
            #expect(e.width < BigFloat("1e-60", precision: 64)!, "entry \(j): width \(e.width)")
        }
        let (deviations, largest, _) = observable.deviations(on: integrator)
        for d in deviations { #expect(d.contains(BigFloat(0, precision: 64))) }
        #expect(largest < BigFloat("1e-60", precision: 64)!, "largest |D(2) − D(0)| bound \(largest)")
    }

    @Test("a low-order run with wide steps: sound, its enclosure contains the reference although the remainder dominates")
    func lowOrderWideSteps() throws {
        let enclosures = try Self.linear(times: [1], bits: 256, order: 6) { $0.log2RemainderTolerance = -20 }
        for i in 0..<4 {
            let e = enclosures[0][i]
            #expect(e.contains(try Self.reference("linear_t1_\(i)")), "component \(i): \(e)")
            // The remainder, not the rounding, sets the width: far above 1e−70.
            #expect(e.width > BigFloat("1e-40", precision: 64)!, "component \(i): width \(e.width)")
        }
    }

    // MARK: Mutations: an unsound bound must make the enclosure checks fail.

    @Test("mutation: radii shrunk by 2⁻⁶⁴ after each step miss the exact values of expm(tA)·x₀")
    func shrunkRadiusIsCaught() throws {
        let enclosures = try Self.linear(times: [1], bits: 256, mutation: .init(shrinkRadius: 64))
        let misses = try (0..<4).filter { !enclosures[0][$0].contains(try Self.reference("linear_t1_\($0)")) }
        #expect(!misses.isEmpty, "the shrunk enclosures still contain every reference: the check could not catch it")
    }

    @Test("mutation: the Lagrange remainder dropped in a low-order run misses the exact values")
    func droppedRemainderIsCaught() throws {
        let enclosures = try Self.linear(times: [1], bits: 256, order: 6, mutation: .init(dropRemainder: true)) {
            $0.log2RemainderTolerance = -20
        }
        let misses = try (0..<4).filter { !enclosures[0][$0].contains(try Self.reference("linear_t1_\($0)")) }
        #expect(!misses.isEmpty, "without the remainder the enclosures still contain every reference")
    }
}

/// x' = A x for a rational matrix A.
struct LinearField: VectorField {
    let matrix: [[Rational]]
    var dimension: Int { matrix.count }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        for i in 0..<dimension {
            var sum = T(0)
            for j in 0..<dimension where !matrix[i][j].isZero { sum = sum + T(matrix[i][j]) * state[j] }
            derivative[i] = sum
        }
    }
}

/// The singular value of a balanced scalar chain of depth N: w' = w^{N−1}(λ − w^N), λ = 17/10.
struct SingularValueField: VectorField {
    let depth: Int
    var dimension: Int { 1 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let w = state[0]
        derivative[0] = T.pow(w, depth - 1) * (T(Rational(numerator: 17, denominator: 10)) - T.pow(w, depth))
    }
}

/// x' = t·x (not autonomous).
struct TimeScaledField: VectorField {
    var dimension: Int { 1 }
    var isAutonomous: Bool { false }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) { derivative[0] = time * state[0] }
}

/// Gradient flow of ½‖W₂W₁ − Φ‖²_F with 2 × 2 layers: Ẇ₁ = −W₂ᵀR, Ẇ₂ = −RW₁ᵀ, R = W₂W₁ − Φ.
struct TwoLayerFlow: VectorField {
    static func q(_ n: Int, _ d: Int) -> Rational { Rational(numerator: BigInt(n), denominator: BigInt(d)) }
    let phi: [Rational] = [q(3, 2), q(1, 4), q(-1, 3), q(5, 4)]
    let initial: [Rational] = [q(1, 2), q(-1, 4), q(1, 8), q(3, 8), q(1, 4), q(1, 2), q(-3, 8), q(1, 7)]
    var dimension: Int { 8 }
    func evaluate<T: DynamicsScalar>(time: T, state: [T], into derivative: inout [T]) {
        let w1 = StateMatrix(rows: 2, columns: 2, entries: Array(state[0..<4]))
        let w2 = StateMatrix(rows: 2, columns: 2, entries: Array(state[4..<8]))
        let r = w2 * w1 - StateMatrix(rows: 2, columns: 2, entries: phi.map { T($0) })
        let d1 = -StateMatrix.transposeProduct(w2, r), d2 = -StateMatrix.productTranspose(r, w1)
        for k in 0..<4 { derivative[k] = d1.entries[k]; derivative[4 + k] = d2.entries[k] }
    }
}

/// W₂ᵀW₂ − W₁W₁ᵀ of `TwoLayerFlow`'s state, entry by entry.
struct TwoLayerBalancedness: StateObservable {
    var dimension: Int { 8 }
    var count: Int { 4 }
    func evaluate<T: DynamicsScalar>(state: [T]) -> [T] {
        let w1 = StateMatrix(rows: 2, columns: 2, entries: Array(state[0..<4]))
        let w2 = StateMatrix(rows: 2, columns: 2, entries: Array(state[4..<8]))
        return (StateMatrix.transposeProduct(w2, w2) - StateMatrix.productTranspose(w1, w1)).entries
    }

    /// The same in exact rational arithmetic: (W₂ᵀW₂ − W₁W₁ᵀ)[i,j] = Σ_k W₂[k,i]W₂[k,j] − W₁[i,k]W₁[j,k].
    static func exact(_ s: [Rational]) -> [Rational] {
        var d: [Rational] = []
        for i in 0..<2 {
            for j in 0..<2 {
                var v = Rational(0)
                for k in 0..<2 { v = v + s[4 + 2 * k + i] * s[4 + 2 * k + j] - s[2 * i + k] * s[2 * j + k] }
                d.append(v)
            }
        }
        return d
    }
}
