import MultiPrecision
import RealModule

extension SingularValueDecomposition {
    /// The default rank tolerance max(m, n)·σ₁·u, u the unit roundoff (as LAPACK and NumPy use).
    public var defaultRankTolerance: Element {
        Element._integer(max(u.rowCount, v.rowCount)) * (singularValues.first ?? .zero) * Element.unitRoundoff
    }

    /// The number of singular values above `tolerance` (by default ``defaultRankTolerance``).
    public func rank(tolerance: Element? = nil) -> Int {
        let cutoff = tolerance ?? defaultRankTolerance
        return singularValues.filter { $0 > cutoff }.count
    }

    /// The effective rank of Roy and Vetterli (2007): exp(H), where H = −Σ pₖ·log pₖ is the Shannon entropy of the
    /// normalized singular values pₖ = σₖ / Σσ (terms with pₖ = 0 contribute 0).
    ///
    /// It lies between 1 and the rank, and equals k for k equal nonzero singular values. The zero matrix gets 0.
    /// Singular values at or below ``defaultRankTolerance`` count as zero: they are rounding noise, and −p·log p is
    /// not Lipschitz at 0 (a noise value of relative size u would add about u·|ln u|, that is 0.69·bits·u, to the entropy).
    ///
    /// - SeeAlso: O. Roy and M. Vetterli, "The effective rank: a measure of effective dimensionality", EUSIPCO 2007.
    public var effectiveRank: Element {
        let cutoff = defaultRankTolerance
        let significant = singularValues.filter { $0 > cutoff }
        var total = Element.zero
        for s in significant { total += s }
        if total == .zero { return .zero }
        var entropy = Element.zero
        for s in significant {
            let p = s / total
            entropy -= p * Element.log(p)
        }
        return Element.exp(entropy)
    }
}

extension Matrix where Element: Scalar {
    /// The numerical rank: the number of singular values above `tolerance` (by default max(m, n)·σ₁·u).
    ///
    /// - Throws: as ``SingularValueDecomposition/init(_:maxSweeps:)``.
    public func rank(tolerance: Element? = nil) throws -> Int {
        try SingularValueDecomposition(self).rank(tolerance: tolerance)
    }

    /// The effective rank of Roy and Vetterli, exp of the entropy of the normalized singular values (see
    /// ``SingularValueDecomposition/effectiveRank``).
    ///
    /// - Throws: as ``SingularValueDecomposition/init(_:maxSweeps:)``.
    public func effectiveRank() throws -> Element {
        try SingularValueDecomposition(self).effectiveRank
    }

    /// The best approximation of rank at most `k` in the Frobenius and spectral norms (Eckart–Young), through the SVD.
    ///
    /// - Throws: ``LinearAlgebraError/invalidArgument(operation:reason:)`` for a negative `k`, or as
    ///   ``SingularValueDecomposition/init(_:maxSweeps:)``.
    public func bestRankApproximation(rank k: Int) throws -> Matrix {
        guard k >= 0 else {
            throw LinearAlgebraError.invalidArgument(operation: "best rank-k approximation", reason: "the rank \(k) is negative")
        }
        return try SingularValueDecomposition(self).truncated(rank: k)
    }
}
