import Claims
import Foundation
import MultiPrecision
import Testing

@Suite("relu-finite-sample-fit: exact fits PASS; tied points and fewer hidden units FAIL with their place")
struct ReLUFiniteSampleFitKindTests {
    @Test("Random data (n, d) = (8, 3), (15, 1), (30, 4) and inline data: exact fit, margin 0, 2n + d weights")
    func fits() async throws {
        let random = try claim(claimText(id: "random", kind: "relu-finite-sample-fit", """
            [[instance]]
            samples = 8
            dimension = 3
            seed = 1
            [[instance]]
            samples = 15
            dimension = 1
            seed = 2
            [[instance]]
            samples = 30
            dimension = 4
            seed = 3
            [[instance]]
            X = [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1]]
            y = [[1, -1, -1, 1, 3]]
            direction = [[1, 3]]
            """))
        let result = await ClaimEngine().check([random])
        #expect(result.claims.map(\.verdict) == [.pass])
        for (instance, (n, d)) in zip(result.claims[0].instances, [(8, 3), (15, 1), (30, 4), (5, 2)]) {
            #expect(instance.margin?.exact == "0")
            func measured(_ name: String) -> String? { instance.measurements.first { $0.name == name }?.exact }
            #expect(measured("weights 2k + d of the network built") == "\(2 * n + d)")
            #expect(measured("max_i |c(x_i) − y_i|") == "0")
            #expect(Rational(measured("min gap between sorted projections ⟨a, x_i⟩ (distinct points)") ?? "0")! > 0)
        }
    }

    @Test("Coinciding points with labels 1 and 2 FAIL by exactly 1/2 at the tied pair; random ties FAIL too; k = n − 1 units FAIL")
    func twins() async throws {
        let tied = try claim(claimText(id: "tied", kind: "relu-finite-sample-fit", expect: "fail", """
            [model]
            X = [[0, 1], [2, 3], [1, 1], [2, 3]]
            y = [[0, 1, 5, 2]]
            """))
        let randomTied = try claim(claimText(id: "random-tied", kind: "relu-finite-sample-fit", expect: "fail", """
            [model]
            samples = 10
            dimension = 3
            tied_points = 2
            seed = 7
            """))
        let fewer = try claim(claimText(id: "fewer", kind: "relu-finite-sample-fit", expect: "fail", """
            [model]
            X = [[0], [1], [2]]
            y = [[0, 1, 0]]
            direction = [[1]]
            hidden_units = 2
            """))
        let result = await ClaimEngine().check([tied, randomTied, fewer])
        #expect(result.claims.map(\.verdict) == [.fail, .fail, .fail])
        #expect(result.isComplete && result.allMetExpectations)
        let pair = try #require(result.claims[0].counterexample)
        #expect(pair.margin?.exact == "-1/2")
        #expect(pair.location == "points 2 and 4: x_2 = x_4 but y_2 = 1, y_4 = 2")
        // Two units fit x = 0, 1 (w = (0, 2)); c(2) = 3 misses y = 0 by 3.
        let missed = try #require(result.claims[2].counterexample)
        #expect(missed.margin?.exact == "-3")
        #expect(missed.location == "point 3: c(x_3) = 3, y_3 = 0")
    }

    @Test("Bad input: y of the wrong length and a direction of the wrong size are reported by key")
    func badInput() throws {
        let error0 = #expect(throws: ClaimFileErrors.self) {
            _ = try claim(claimText(id: "bad", kind: "relu-finite-sample-fit", "[model]\nX = [[0], [1]]\ny = [[1, 2, 3]]"))
        }
        #expect(error0.map { String(describing: $0).contains("key 'model.y': mismatched dimensions: y has 3 entries but there are 2 points") } == true)
        let error1 = #expect(throws: ClaimFileErrors.self) {
            _ = try claim(claimText(id: "bad", kind: "relu-finite-sample-fit", "[model]\nX = [[0, 1], [1, 0]]\ny = [[1, 2]]\ndirection = [[1]]"))
        }
        #expect(error1.map { String(describing: $0).contains("key 'model.direction': mismatched dimensions") } == true)
    }
}
