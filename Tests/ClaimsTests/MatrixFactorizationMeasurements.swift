import Claims
import MultiPrecision
import Testing

/// The value of the quantity `name` in the first instance of `claim` of `result`, at 256 bits.
func measuredValue(_ result: CheckResult, claim: Int, instance: Int = 0, _ name: String) throws -> BigFloat {
    let instances = try #require(result.claims.count > claim ? result.claims[claim].instances : nil)
    let measurement = try #require(instances.count > instance ? instances[instance].measurements.first { $0.name == name } : nil,
                                   "no quantity '\(name)'")
    return try #require(withPrecision(256) { BigFloat(measurement.value) })
}

/// |measured − reference| ≤ bound.
func expectClose(_ measured: BigFloat, _ reference: Rational, within bound: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    withPrecision(256) {
        #expect(BigFloat.abs(measured - BigFloat(reference)) <= BigFloat(bound)!, "\(measured) against \(reference)",
                sourceLocation: sourceLocation)
    }
}
