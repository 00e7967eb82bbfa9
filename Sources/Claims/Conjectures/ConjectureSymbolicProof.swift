import Conjectures
import Foundation
import MultiPrecision
import Symbolic

/// Symbolic first: when an invariant and the dynamics are polynomial (trace polynomials with transposes, data
/// constant), the invariant is proved or refuted for all sizes by the `Symbolic` prover along the derived flow
/// (d/dt e = 0) or step (e(X⁺) − e(X) = 0), and the result is reported beside the numeric verdict.
///
/// The obligation comes from the language core as a value (`ConjectureProgram.polynomialForm`), with the reason
/// when there is none; it is checked once per claim (the prover and its random cross-check) and cached.
struct ConjectureSymbolicProof {
    /// One invariant's symbolic result.
    struct Result: Sendable {
        /// The measurement's name, the same whatever the outcome: `symbolic (property 1): d/dt e = 0 along the
        /// derived flow for all sizes (1 proved, 0 refuted, −1 no obligation)`.
        var name: String
        /// 1 proved, 0 refuted, −1 no obligation (not polynomial, or a law).
        var value: Int
        /// The outcome in words: `PROVED for all sizes`, `REFUTED: obstruction …`, `not polynomial: tanh(…)`.
        var detail: String
        /// The property's label.
        var label: String
    }

    /// Results already computed in this process, by claim file and text (each instance runs at two precisions).
    final class Cache: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [String: [Result]] = [:]

        func results(for checked: CheckedConjecture) -> [Result] {
            let key = checked.document.file + "\u{1F}" + checked.document.properties.map(\.label).joined(separator: "\u{1F}")
                + "\u{1F}" + ConjectureSymbolicProof.signature(checked)
            lock.lock()
            if let known = results[key] { lock.unlock(); return known }
            lock.unlock()
            let computed = ConjectureSymbolicProof.prove(checked)
            lock.lock()
            results[key] = computed
            lock.unlock()
            return computed
        }
    }

    /// The process-wide cache.
    static let cache = Cache()

    /// What identifies the obligation: the dynamics' and invariants' texts.
    static func signature(_ checked: CheckedConjecture) -> String {
        let program = checked.program
        return program.updates.map { program.text(of: $0) }.joined(separator: ";")
            + checked.document.properties.compactMap { if case let .invariant(e, _) = $0.statement { return e.text } else { return nil } }
                .joined(separator: ";")
    }

    /// The results of every invariant property (empty when there is none).
    static func prove(_ checked: CheckedConjecture) -> [Result] {
        let document = checked.document
        let invariants = document.properties.compactMap { p -> (PropertyDeclaration, SourceText, SourceText?)? in
            if case let .invariant(e, law) = p.statement { return (p, e, law) }
            return nil
        }
        guard !invariants.isEmpty else { return [] }
        let isFlow = document.dynamics.isFlow
        let along = isFlow ? "along the derived flow" : "after one step of the map"
        return invariants.map { property, e, law in
            let claim = isFlow ? "d/dt(\(e.text)) = 0" : "step(\(e.text)) - (\(e.text)) = 0"
            let name = "symbolic (\(property.label)): \(isFlow ? "d/dt e = 0" : "e(X⁺) = e(X)") \(along) for all sizes"
                + " (1 proved, 0 refuted, −1 no obligation)"
            let label = property.label
            if law != nil {
                return Result(name: name, value: -1, detail: "no obligation: a law is checked numerically only", label: label)
            }
            guard let expression = checked.expressions[SampledRun<Rational>.id(of: e)] else {
                return Result(name: name, value: -1, detail: "no obligation: the invariant was not compiled", label: label)
            }
            switch checked.program.polynomialForm(of: expression, id: document.file, title: claim) {
            case let .notPolynomial(reason):
                return Result(name: name, value: -1, detail: "not polynomial: \(reason)", label: label)
            case let .polynomial(obligation):
                let result = obligation.check().results[0]
                let statement = obligation.statement
                switch result.outcome {
                case .proved:
                    return Result(name: name, value: 1, detail: "PROVED for all sizes: \(statement)", label: label)
                case .refuted:
                    let obstruction = result.proof.map { "\($0.remainder)" } ?? "a non-zero remainder"
                    let short = obstruction.count > 200 ? String(obstruction.prefix(197)) + "…" : obstruction
                    let sizes = result.crossCheck?.counterexample.map { "; counterexample at \($0.sizesDescription)" } ?? ""
                    return Result(name: name, value: 0, detail: "REFUTED: \(statement) leaves the obstruction \(short)\(sizes)", label: label)
                case .inconsistent:
                    return Result(name: name, value: -1, detail: "no verdict: the canonical remainder is 0 but a random instance disagrees (a bug in Attest)", label: label)
                case .unconfirmed:
                    return Result(name: name, value: -1, detail: "no verdict: a non-zero remainder without a counterexample", label: label)
                case let .error(message):
                    return Result(name: name, value: -1, detail: "no verdict: \(message)", label: label)
                }
            }
        }
    }
}
