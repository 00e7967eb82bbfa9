/// Bounds on symbolic work, so that a large identity ends with a clear error or at its time limit instead of
/// running for minutes and gigabytes.
///
/// - Size: the product of polynomials with m and n terms forms m·n term products. A product or power whose count
///   would exceed `maximumTermProducts` is refused before it starts: a product of twenty sums of two letters (2²⁰
///   terms) stops at its fifteenth factor, after at most 2¹⁵ term products in all.
/// - Time: evaluation checks, at every node of an expression and before every random trial of the cross-check, whether the task is
///   cancelled or `deadline` (set by the caller, such as a claim's per-instance time limit) has passed.
public enum SymbolicBudget {
    /// The largest number of term products one multiplication or power may form: 2¹⁴ (the shipped proofs need far
    /// fewer; a product of twenty sums of two letters would need 2²⁰, and gigabytes).
    public static let maximumTermProducts = 1 << 14

    /// The largest exponent of a power: each factor is one multiplication, and a word grows by its length each time.
    public static let maximumExponent = 4096

    /// When symbolic work in this task must stop, if ever.
    @TaskLocal public static var deadline: ContinuousClock.Instant? = nil

    /// Throws `SymbolicError.interrupted` when the task is cancelled or the deadline has passed.
    public static func checkpoint() throws(SymbolicError) {
        if Task.isCancelled { throw .interrupted("the run was cancelled") }
        if let deadline, ContinuousClock.now >= deadline { throw .interrupted("the time limit was reached") }
    }

    /// Checks that multiplying polynomials of `left` and `right` terms stays within `maximumTermProducts`.
    static func checkProduct(_ left: Int, _ right: Int, at range: Range<Int>?) throws(SymbolicError) {
        let (count, overflow) = left.multipliedReportingOverflow(by: right)
        guard overflow || count > maximumTermProducts else { return }
        throw .tooLarge("the product of \(left) and \(right) terms would form more than \(maximumTermProducts) "
                        + "term products; refused before expanding", at: range)
    }

    /// Checks that the k-th power of a polynomial of `terms` terms stays within `maximumTermProducts` at its last
    /// multiplication (at most terms^(k−1) · terms products), and that k is at most `maximumExponent`.
    static func checkPower(_ terms: Int, _ k: Int, at range: Range<Int>?) throws(SymbolicError) {
        if k > maximumExponent {
            throw .tooLarge("the exponent \(k) is larger than \(maximumExponent)", at: range)
        }
        guard k > 1, terms > 1 else { return }
        var count = 1
        for _ in 0..<k {
            let (next, overflow) = count.multipliedReportingOverflow(by: terms)
            if overflow || next > maximumTermProducts {
                throw .tooLarge("the power \(k) of a polynomial of \(terms) terms would form more than "
                                + "\(maximumTermProducts) term products; refused before expanding", at: range)
            }
            count = next
        }
    }
}
