import Claims
import MultiPrecision

/// A stored value that lies outside its own stored error estimate, settled by an independent reference: for this one
/// quantity `attest compare` checks the new value against the reference instead of against the stored value.
///
/// The new value b ± e_b agrees when |b − r| ≤ κ·e_b + e_r, with r ± e_r the reference and κ = 2 the safety factor of
/// `VerdictRule`, for the same reason: the estimate e_b = |b − b'| is the distance to the run at p + guard bits, so
/// when that run is nearly exact the true value lies at distance ≈ e_b from b, on the edge of b ± e_b. The stored
/// value is not compared. A correction is a committed decision
/// (proofs/baseline/corrections.json): every entry names the script that computes the reference and why the stored
/// value is replaced; nothing that is not listed is excused.
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

    /// Whether `value ± error` (report text) agrees with the reference: |b − r| ≤ κ·e_b + e_r. `nil` when a text is
    /// not a finite number.
    public func accepts(value: String, error: String) -> Bool? {
        guard let b = Rational(value), let r = Rational(reference), let eb = Rational(error),
              let er = Rational(referenceError) else { return nil }
        return (b - r).magnitude <= Rational(VerdictRule.safetyFactor) * eb.magnitude + er.magnitude
    }
}
