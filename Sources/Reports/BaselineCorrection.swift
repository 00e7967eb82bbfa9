import MultiPrecision

/// A stored value that lies outside its own stored error estimate, settled by an independent reference: for this one
/// quantity `attest compare` checks the new value against the reference instead of against the stored value.
///
/// The new value b ± e_b agrees when |b − r| ≤ e_b + e_r, with r ± e_r the reference. An error estimate is printed
/// with a few significant digits, rounded to nearest, so e_b is read as the upper end of its rounding interval (the
/// printed estimate plus half a unit in its last digit). The stored value is not compared. A correction is a
/// committed decision (proofs/baseline/corrections.json): every entry names the script that computes the reference
/// and why the stored value is wrong; nothing that is not listed is excused.
public struct BaselineCorrection: Sendable, Codable, Equatable {
    /// The claim id.
    public var claim: String
    /// The instance index.
    public var instance: Int
    /// The quantity's name in the new report (`margin` for the margin).
    public var quantity: String
    /// The reference value r, a decimal.
    public var reference: String
    /// The reference's own uncertainty e_r, a decimal.
    public var referenceError: String
    /// The script (path in the repository, with its arguments) that computes the reference.
    public var script: String
    /// Why the stored value is replaced.
    public var reason: String

    /// A correction of `quantity` in instance `instance` of `claim`.
    public init(claim: String, instance: Int, quantity: String, reference: String, referenceError: String,
                script: String, reason: String) {
        (self.claim, self.instance, self.quantity) = (claim, instance, quantity)
        (self.reference, self.referenceError, self.script, self.reason) = (reference, referenceError, script, reason)
    }

    enum CodingKeys: String, CodingKey {
        case claim, instance, quantity, reference, referenceError = "reference_error", script, reason
    }

    /// Whether `value ± error` (report text) agrees with the reference: |b − r| ≤ e_b⁺ + e_r. `nil` when a text is
    /// not a finite number.
    public func accepts(value: String, error: String) -> Bool? {
        guard let b = Rational(value), let r = Rational(reference), let eb = Self.upperBound(error),
              let er = Rational(referenceError) else { return nil }
        return (b - r).magnitude <= eb + er.magnitude
    }

    /// The upper end of the rounding interval of a printed error: `9.20e-28` → 9.205·10⁻²⁸; `0` → 0.
    static func upperBound(_ error: String) -> Rational? {
        guard let e = Rational(error) else { return nil }
        if e == Rational(0) { return e }
        let lower = error.lowercased(), mantissa = lower.split(separator: "e").first.map(String.init) ?? lower
        let exponent = lower.split(separator: "e").dropFirst().first.flatMap { Int($0) } ?? 0
        let decimals = mantissa.split(separator: ".").dropFirst().first?.count ?? 0
        let half = Rational(numerator: BigInt(1), denominator: BigInt(2) * BigInt(10).power(decimals))
        let scale = exponent >= 0 ? Rational(numerator: BigInt(10).power(exponent), denominator: BigInt(1))
            : Rational(numerator: BigInt(1), denominator: BigInt(10).power(-exponent))
        return e.magnitude + half * scale
    }
}
