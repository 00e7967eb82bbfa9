import Claims
import MultiPrecision
import Testing

/// A toy document kind: files with a `[[fact]]` list of `{ name, holds }`; one instance per fact.
struct FactListKind: DocumentClaimKind {
    var name: String { "fact-list" }
    var summary: String { "a list of facts, each true or false" }
    var method: String { "reads each fact's `holds`; the margin is 0 when it holds and −1 when not (exact)" }
    var arithmetic: Arithmetic { .exact }
    var parameters: [ParameterSpec] { [] }
    func validate(_ parameters: InstanceParameters) throws(ParameterProblem) {}

    func recognizes(topLevelKeys: Set<String>) -> Bool { topLevelKeys.contains("fact") }

    func readClaim(text: String, file: String) throws(ClaimFileErrors) -> ClaimSpec {
        let facts = text.split(separator: "\n").filter { $0.hasPrefix("holds = ") }.map { $0.hasSuffix("true") }
        let instances = facts.enumerated().map { i, holds in
            InstanceSpec(index: i, parameters: InstanceParameters(values: ["holds": .choice(holds ? "yes" : "no")], order: ["holds"]))
        }
        return ClaimSpec(file: file, id: "facts", title: "facts", kind: name, expectation: .pass, source: "s",
                         statement: "s", statementLaTeX: nil, hypotheses: [], notes: nil, numerics: NumericsSettings(),
                         instances: instances)
    }

    func evaluate(_ parameters: InstanceParameters, context: EvaluationContext) throws -> Evaluation {
        let holds = parameters.choice("holds") == "yes"
        return Evaluation(quantities: [], margin: .exact(holds ? 0 : -1))
    }
}

@Suite("Document claim kinds: files in a kind's own format")
struct DocumentClaimKindTests {
    let registry = ClaimKindRegistry.standard.adding(FactListKind())
    let text = "id = \"facts\"\n[[fact]]\nname = \"a\"\nholds = true\n[[fact]]\nname = \"b\"\nholds = false\n"

    @Test("A file without `kind` goes to the kind that recognizes it; its instances run through the engine")
    func recognized() async throws {
        let claim = try ClaimFileParser(registry: registry).parse(text: text, file: "f.toml", baseDirectory: ".")
        #expect(claim.kind == "fact-list" && claim.instances.count == 2)
        let result = await ClaimEngine(registry: registry).check([claim])
        #expect(result.claims[0].instances.map(\.verdict) == [.pass, .fail])
        #expect(result.claims[0].verdict == .fail)
    }

    @Test("`kind` naming a document kind also selects it; without the kind registered the file is an error")
    func named() throws {
        let named = try ClaimFileParser(registry: registry).parse(text: "kind = \"fact-list\"\n" + text, file: "f.toml",
                                                                  baseDirectory: ".")
        #expect(named.instances.count == 2)
        #expect(throws: ClaimFileErrors.self) { try ClaimFileParser().parse(text: text, file: "f.toml", baseDirectory: ".") }
    }
}
