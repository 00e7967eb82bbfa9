import Foundation
import MultiPrecision

/// `conjecture`: a model, a dynamics and properties stated in the claim file itself, in the conjecture language
/// (docs/conjecture-language.md), with no Swift.
///
/// The file declares symbols (data and variables, with shapes bound per instance), an optional list of
/// definitions, one dynamics (a gradient flow or gradient descent of a stated loss, with the gradient derived
/// exactly by the language core; an explicit flow; an explicit map) and one or more properties (invariant,
/// monotone, bound, limit, equal, at, trend), reduced to one margin by the shared property library. Files are
/// recognized by their `[symbols]`, `[dynamics]` and `[[property]]` tables. The parsed document travels to
/// `evaluate` as a typed payload of each instance.
public struct ConjectureKind: DocumentClaimKind {
    /// The name in claim files.
    static let kindName = "conjecture"

    /// Creates the kind.
    public init() {}

    /// `conjecture`.
    public var name: String { Self.kindName }

    /// One line.
    public var summary: String {
        "a conjecture stated in the file: symbols, a gradient flow, gradient descent, flow or map, and properties (invariant, monotone, bound, limit, equal, at, trend)"
    }

    /// How the check works.
    public var method: String {
        """
        Reads the symbols, dynamics and properties of the file and checks every expression's names and shapes for \
        each instance before anything runs. Flows (a gradient flow, whose gradient the language core derives \
        exactly, or an explicit rate per variable) are integrated by the Taylor series method at the working \
        precision p (tolerance 2^−(p−10)) and sampled through dense output at t = 0, T/n, …, T; maps and gradient \
        descent are iterated step by step at p bits, or in exact rational arithmetic with arithmetic = "exact". \
        Each property is reduced to a margin by the shared property library: invariant and equal, tolerance − the \
        largest entrywise deviation (default tolerance 2^(−p/2)·(1 + max|e(0)|), 0 when exact); monotone, the \
        smallest step in the stated direction and, for flows, the sign of d/dt e along the flow; bound and at, the \
        smallest signed gap; limit, ε − |e(T) − v| and the rate's gap; trend, the smallest step of the end values \
        across the listed parameter values. The margin is the smallest over the properties, at the place (time or \
        step, entry) where it occurs. Everything runs again at p + guard bits for the error estimate. When the \
        dynamics and an invariant are polynomial (trace polynomials with transposes), the invariant is also proved \
        or refuted for all sizes by the Symbolic prover along the derived flow or step, and reported beside the \
        numeric verdict.
        """
    }

    /// Rounded; a file with arithmetic = "exact" yields exact quantities, which have no error.
    public var arithmetic: Arithmetic { .rounded }

    /// No table parameters: the file is read whole.
    public var parameters: [ParameterSpec] { [] }

    /// Nothing to check beyond what reading the file checked.
    public func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {}

    /// Conjecture files have `[symbols]`, `[dynamics]` and `[[property]]` tables.
    public func recognizes(topLevelKeys: Set<String>) -> Bool {
        topLevelKeys.contains("symbols") && topLevelKeys.contains("dynamics") && topLevelKeys.contains("property")
    }

    /// Reads the file; data files are found next to it.
    public func readClaim(text: String, file: String) throws(ClaimFileErrors) -> ClaimSpec {
        try readClaim(text: text, file: file, baseDirectory: (file as NSString).deletingLastPathComponent)
    }

    /// Reads and checks the file: the TOML front-end, then the language core on every expression for every
    /// instance; one instance per grid point or `[[instance]]`.
    public func readClaim(text: String, file: String, baseDirectory: String) throws(ClaimFileErrors) -> ClaimSpec {
        let top: [String: TOMLNode]
        do { top = try TOMLDocument(text: text, file: file).root } catch { throw error.claimFileErrors(file: file) }
        var reader = ConjectureFileReader(file: file, baseDirectory: baseDirectory, text: text)
        let read = reader.read(top)
        guard let (metadata, document, bindings) = read, reader.errors.isEmpty else {
            throw ClaimFileErrors(Self.sorted(reader.errors))
        }
        var checker = ConjectureProgramCheck(document: document, keyLines: reader.base.keyLines)
        let result = checker.check(bindings.map(\.binding), origins: bindings.map(\.origin))
        guard checker.errors.isEmpty, let (checked, bound) = result else { throw ClaimFileErrors(Self.sorted(checker.errors)) }
        var dimensionNames: [String] = []
        for symbol in document.symbols {
            for case let .named(name) in symbol.shape ?? [] where !dimensionNames.contains(name) { dimensionNames.append(name) }
        }
        let lines = reader.base.keyLines
        func position(_ name: String) -> Int { min(lines.position(of: "grid.\(name)"), lines.position(of: "instance[0].\(name)")) }
        dimensionNames.sort { position($0) < position($1) }
        let instances = bindings.enumerated().map { index, entry in
            let binding = entry.binding
            var values: [String: ParameterValue] = [:]
            var order: [String] = []
            for name in dimensionNames { values[name] = .integer(binding.dimensions[name]!); order.append(name) }
            for (name, value) in binding.parameters.sorted(by: { $0.key < $1.key }) { values[name] = .rational(value); order.append(name) }
            if let seed = binding.seed { values["seed"] = .integer(seed); order.append("seed") }
            let payload = ConjectureInstance(checked: checked, bound: bound[index], binding: binding, index: index)
            return InstanceSpec(index: index, parameters: InstanceParameters(
                values: values, order: order,
                payload: KindPayload(payload, identity: ConjectureInstance.identity(file: file, text: text, index: index))))
        }
        var claim = ClaimSpec(file: file, id: metadata.id, title: metadata.title, kind: name,
                         expectation: metadata.expectation, source: metadata.source,
                         statement: metadata.statement.trimmingCharacters(in: .whitespacesAndNewlines),
                         statementLaTeX: metadata.statementLaTeX,
                         hypotheses: metadata.hypotheses,
                         notes: metadata.notes,
                         numerics: metadata.numerics, instances: instances, idLine: reader.base.keyLines.line(for: "id"))
        claim.checked = [PropertyDescription.dynamics(document, program: checked.program)]
            + document.properties.map { PropertyDescription.checked($0, dynamics: document.dynamics) }
        return claim
    }

    /// Errors in line order.
    static func sorted(_ errors: [ClaimFileError]) -> [ClaimFileError] {
        errors.sorted { ($0.line ?? Int.max, $0.key ?? "") < ($1.line ?? Int.max, $1.key ?? "") }
    }

    /// What is checked on this instance: every property of the file, in words, joined by "; ".
    public func checked(_ parameters: InstanceParameters) -> String? {
        guard let instance = parameters.payload(as: ConjectureInstance.self) else { return nil }
        let document = instance.document
        return document.properties.map { PropertyDescription.checked($0, dynamics: document.dynamics) }
            .joined(separator: "; ")
    }

    /// Runs the instance: binds it, samples the trajectory, evaluates every property, and reports the smallest
    /// margin with its place, the measurements and the series.
    public func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        guard let instance = parameters.payload(as: ConjectureInstance.self) else {
            throw EvaluationFailure("a conjecture instance without its document (the file was not read by the conjecture kind)")
        }
        return try ConjectureEvaluation(instance: instance, context: context).run()
    }
}
