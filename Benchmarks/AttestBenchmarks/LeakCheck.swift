import Foundation
import MultiPrecision

/// A long loop over every kind of MultiPrecision operation, for `make leaks` (valgrind). Prints a checksum so the
/// work cannot be optimized away.
enum LeakCheck {
    static func run(iterations: Int = 3_000) {
        var checksum = 0.0
        for i in 0..<iterations {
            for bits in [64, 256, 1024] {
                var x = BigFloat(i + 1, precision: bits) / 7
                let y = BigFloat.sqrt(x) + BigFloat.exp(-x / 1000)
                x.addProduct(y, y)
                x.formProduct(x.rounded(toPrecision: bits + 1), y)
                var copy = x
                copy += y
                let text = copy.description
                let parsed = BigFloat(text, precision: bits)!
                let encoded = try! JSONEncoder().encode(parsed)
                let decoded = try! JSONDecoder().decode(BigFloat.self, from: encoded)
                _ = decoded.hashValue
                _ = BigFloat.logGamma(y) + BigFloat.pow(y, x / 1_000_000) + .pi(precision: bits)
                _ = BigFloat.signGamma(-y)
                _ = try? BigFloat(parsing: "1.5x")
                checksum += decoded.doubleValue
            }
        }
        print("leak check: \(iterations) iterations, checksum \(checksum)")
    }
}
