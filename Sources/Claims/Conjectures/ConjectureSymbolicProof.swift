import Conjectures
import Foundation
import Symbolic

/// Symbolic first: when an invariant and the dynamics are polynomial (trace polynomials with transposes, data
/// constant), the invariant is proved or refuted for all sizes by the `Symbolic` prover along the derived flow
/// (d/dt e = 0) or step (e(X⁺) − e(X) = 0), and the result is reported beside the numeric verdict.
///
/// Minimal local adapter (the language core's polynomial form is not available yet): the derived rates are printed
/// in the language by the core (`ConjectureProgram.text(of:)`), and the obligation is assembled as values for the
/// Symbolic `Context`; anything the Symbolic parser or canonical forms reject is reported as "not polynomial", with
/// the reason.
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
            do {
                let proof = try obligation(checked, claim: claim)
                if proof.isProved { return Result(name: name, value: 1, detail: "PROVED for all sizes: \(claim)", label: label) }
                let obstruction = proof.obstruction.map { "\($0)" } ?? "non-zero remainder"
                let short = obstruction.count > 200 ? String(obstruction.prefix(197)) + "…" : obstruction
                return Result(name: name, value: 0, detail: "REFUTED for some sizes: \(claim) leaves the obstruction \(short)", label: label)
            } catch let error as NotPolynomial {
                return Result(name: name, value: -1, detail: "not polynomial: \(error.reason)", label: label)
            } catch {
                return Result(name: name, value: -1, detail: "not polynomial: \(error)", label: label)
            }
        }
    }

    /// Why there is no obligation.
    struct NotPolynomial: Error {
        var reason: String
    }

    /// Builds the Symbolic context (symbols with shapes, the derived flow or step) and proves `claim`.
    static func obligation(_ checked: CheckedConjecture, claim: String) throws -> IdentityProof {
        let document = checked.document
        let program = checked.program
        var alphabet = Alphabet()
        var scalars: [String] = []
        for symbol in document.symbols {
            let shape = ConjectureProgramCheck.shape(of: symbol)
            if shape == Shape(.fixed(1), .fixed(1)) {
                throw NotPolynomial(reason: "the scalar symbol \(symbol.name) has no matrix counterpart in the symbolic algebra")
            }
            try alphabet.declare(Symbol(symbol.name), shape: shape)
        }
        for (name, _) in document.parameters { scalars.append(name) }
        var context = Context(alphabet: alphabet)
        let texts = program.updates.map { program.text(of: $0) }
        for text in texts + [claim] {
            if let parsed = try? Parser.expression(text), parsed.isNumericOnly {
                throw NotPolynomial(reason: "\(Self.firstNumericConstruct(text)) is not polynomial")
            }
        }
        let variables = program.variables.map(\.name)
        let constants = document.symbols.filter { !$0.isVariable }.map(\.name)
        if document.dynamics.isFlow {
            try context.setFlow(Array(zip(variables, texts)).map { (symbol: $0.0, rate: $0.1) }, constants: constants)
        } else {
            try context.setStep(Array(zip(variables, texts)).map { (symbol: $0.0, value: $0.1) })
        }
        _ = scalars
        return try context.prove(claim)
    }

    /// The first numeric-only function name in a text (`tanh`), for the reason.
    static func firstNumericConstruct(_ text: String) -> String {
        for name in ["exp", "log", "tanh", "sigmoid", "softplus", "sqrt", "abs", "relu", "pow", "sum", "rowsum", "colsum",
                     "norm2", "norm1", "norm", "inner", "max", "min", "ones", "normalize", "inv", "solve", "prev", "initial"]
            where text.range(of: name + "(") != nil {
            return name + "(…)"
        }
        if text.contains("∘") || text.contains(".*") { return "the entrywise product ∘" }
        if text.contains("⊘") || text.contains("./") { return "the entrywise quotient ⊘" }
        return "a numeric-only construct"
    }
}
