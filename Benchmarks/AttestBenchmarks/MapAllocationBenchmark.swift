import CAllocationCounter
import Dynamics
import LinearAlgebra
import MultiPrecision

/// Allocations per step of the deep-matrix-factorization and mirror-descent maps at 256 bits: the count of a run of
/// 2N steps minus that of a run of N steps, over N (so the set-up of a run cancels). `--map-allocations`.
enum MapAllocationBenchmark {
    static func perStep<Map: DiscreteMap>(_ map: Map, from initial: [Rational], steps: Int = 200) -> Double {
        func count(_ n: Int) -> UInt64 {
            let before = attest_allocation_count()
            _ = try! iterate(MapProblem(map: map, initialState: initial, steps: n), scalar: BigFloat.self,
                             options: MapOptions(precision: 256))
            return attest_allocation_count() - before
        }
        _ = count(steps)
        return Double(count(2 * steps) - count(steps)) / Double(steps)
    }

    static func run() {
        func r(_ p: Int, _ q: Int) -> Rational { Rational(numerator: BigInt(p), denominator: BigInt(q)) }
        let a = Matrix<Rational>(rows: 4, columns: 4) { i, j in r((i + 1) * (j + 2) % 7 - 3, 4) }
        let initial = Array(repeating: r(1, 10) * Matrix<Rational>.identity(4), count: 3)
        let target = FactorizationDescent(widths: [4, 4, 4, 4], loss: .target(a), stepSize: r(1, 50))
        let sensing = [Matrix<Rational>(rows: 4, columns: 4) { i, j in i == j ? 1 : 0 },
                       Matrix<Rational>(rows: 4, columns: 4) { i, j in i + j == 3 ? 1 : 0 },
                       Matrix<Rational>(rows: 4, columns: 4) { i, j in i == 0 && j == 1 ? 1 : 0 }]
        let sensed = FactorizationDescent(widths: [4, 4, 4, 4], loss: .sensing(sensing, [2, 1, r(1, 2)]), stepSize: r(1, 50))
        let scalar = ScalarFactorizationDescent(targets: [3, 2, 1, r(1, 2)].map { BigFloat($0 as Rational, precision: 256) },
                                                depth: 3, stepSize: r(1, 50))
        let symmetric = sensing.map { ($0 + $0.transposed()) * r(1, 2) }
        let mirror = MatrixMirrorDescent(sensing: symmetric, measurements: [2, 1, r(1, 2)], stepSize: r(1, 10))
        print("Allocations per step at 256 bits (2N − N steps over N, N = 200), the map iterator included:")
        print("FactorizationDescent, depth 3, 4 × 4, ½‖W − A‖²_F: \(perStep(target, from: FactorizationDescent.state(of: initial)))")
        print("FactorizationDescent, depth 3, 4 × 4, sensing (m = 3): \(perStep(sensed, from: FactorizationDescent.state(of: initial)))")
        print("ScalarFactorizationDescent, 4 modes, depth 3: \(perStep(scalar, from: [r(1, 10), r(1, 10), r(1, 10), r(1, 10)]))")
        print("The iterator alone (a map that copies 48 entries in place): \(perStep(_CopyMap(dimension: 48), from: FactorizationDescent.state(of: initial)))")
        print("The iterator with a map that writes nothing (48 entries): \(perStep(_IdleMap(dimension: 48), from: FactorizationDescent.state(of: initial)))")
        print("MatrixMirrorDescent, 4 × 4, m = 3: \(perStep(mirror, from: mirror.initialState(alpha: r(1, 2)), steps: 50))")
    }
}

/// x_{k+1} = whatever the spare vector holds (an earlier iterate): the iterator's own cost, with no write to `next`.
struct _IdleMap: DiscreteMap {
    var dimension: Int
    func apply<T: IntegrationScalar>(step k: Int, history: MapHistory<T>, into next: inout [T]) {}
}
