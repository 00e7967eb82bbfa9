/// The result of checking a ``ProofObligation``: for each identity, the exact proof and the randomized cross-check.
public struct ObligationReport: Sendable {
    /// How one identity came out.
    public enum Outcome: Sendable, Equatable {
        /// Canonical remainder zero, and every random instance agreed.
        case proved
        /// Non-zero obstruction, and a counterexample was found.
        case refuted
        /// Canonical remainder zero, but a random instance disagreed: a bug in Attest.
        case inconsistent
        /// Non-zero obstruction, but no counterexample among the random instances tried.
        case unconfirmed
        /// The identity could not be evaluated.
        case error(String)
    }

    /// The result for one identity.
    public struct ClaimResult: Sendable {
        /// The identity.
        public let claim: ProofObligation.Claim
        /// The canonical-form verdict (nil after an error).
        public let proof: IdentityProof?
        /// The randomized cross-check (nil after an error).
        public let crossCheck: RandomizedCheck.Outcome?
        /// The combined outcome.
        public let outcome: Outcome

        init(claim: ProofObligation.Claim, proof: IdentityProof, crossCheck: RandomizedCheck.Outcome) {
            self.claim = claim
            self.proof = proof
            self.crossCheck = crossCheck
            switch (proof.isProved, crossCheck.counterexample == nil) {
            case (true, true): outcome = .proved
            case (false, false): outcome = .refuted
            case (true, false): outcome = .inconsistent
            case (false, true): outcome = .unconfirmed
            }
        }

        init(claim: ProofObligation.Claim, error: any Error) {
            self.claim = claim
            self.proof = nil
            self.crossCheck = nil
            self.outcome = .error("\(error)")
        }

        /// The claim's label for messages: its name, or its text.
        public var label: String { claim.name.isEmpty ? claim.equation.text : claim.name }
    }

    /// The obligation checked.
    public let obligation: ProofObligation
    /// One result per identity, in order.
    public let results: [ClaimResult]

    /// Whether every identity came out as the obligation expects.
    public var metExpectation: Bool {
        let wanted: Outcome = obligation.expectation == .proved ? .proved : .refuted
        return !results.isEmpty && results.allSatisfy { $0.outcome == wanted }
    }

    /// One line: `PASS` or `FAIL`, the id, and what happened.
    ///
    ///     PASS  balancedness-flow-N3  proved: 2 identities, canonical remainder 0, 3 random instances agree
    ///     PASS  commutativity  refuted as expected: obstruction W₂W₁ − W₁W₂, counterexample at n = 2
    public var verdictLine: String {
        let status = metExpectation ? "PASS" : "FAIL"
        let count = results.count == 1 ? "1 identity" : "\(results.count) identities"
        let summary: String
        if metExpectation {
            switch obligation.expectation {
            case .proved:
                summary = "proved: \(count), canonical remainder 0, \(obligation.crossCheck.trials) random instances agree"
            case .refuted:
                let first = results[0]
                let obstruction = first.proof?.remainder.description ?? ""
                let sizes = first.crossCheck?.counterexample?.sizesDescription ?? ""
                let more = results.count > 1 ? " (\(count) refuted)" : ""
                summary = "refuted as expected\(more): obstruction \(Self.abbreviate(obstruction)), counterexample at \(sizes)"
            }
        } else {
            let bad = results.first { r in
                r.outcome != (obligation.expectation == .proved ? .proved : .refuted)
            }
            if let bad {
                summary = "expected \(obligation.expectation.rawValue), but '\(bad.label)' is \(Self.describe(bad))"
            } else {
                summary = "no identities"
            }
        }
        return "\(status)  \(obligation.id)  \(summary)"
    }

    /// Several lines per identity: the claim, the outcome, the obstruction and the counterexample.
    public var details: String {
        var lines: [String] = []
        for r in results {
            let text = r.claim.equation.text
            lines.append(r.claim.name.isEmpty ? "  \(text)" : "  \(r.claim.name): \(text)")
            lines.append("    outcome: \(Self.describe(r))")
            if let proof = r.proof, !proof.isProved {
                lines.append("    obstruction (canonical lhs − rhs): \(proof.remainder)")
            }
            if let c = r.crossCheck?.counterexample {
                lines += c.description.split(separator: "\n").map { "    " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ r: ClaimResult) -> String {
        switch r.outcome {
        case .proved: return "proved"
        case .refuted: return "refuted"
        case .inconsistent: return "inconsistent (canonical remainder 0, but a random instance disagrees)"
        case .unconfirmed: return "refuted symbolically, but no counterexample was found"
        case .error(let message): return "not evaluable: \(message)"
        }
    }

    static func abbreviate(_ text: String, limit: Int = 90) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
