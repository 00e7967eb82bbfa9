import Claims
import Foundation
import Reports
import Testing

@Suite("The claim catalogue (docs/catalogue.md) covers every kind and is up to date")
struct CatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("Every registered kind has a section and every shipped claim an entry; the committed file matches")
    func catalogue() throws {
        let files = try ClaimLoader.claimFiles(in: [Self.root.appendingPathComponent("proofs").path])
        let claims = try ClaimLoader().load(files: files)
        let text = ClaimCatalogue.markdown(claims)
        for kind in Set(claims.map(\.kind)) { #expect(text.contains("\n## `\(kind)`\n"), "\(kind)") }
        for claim in claims { #expect(text.contains("### `\(claim.id)`:"), "\(claim.id)") }
        #expect(Set(claims.map(\.kind)) == Set(ClaimKindRegistry.standard.names), "a registered kind ships no claim")
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/catalogue.md"), encoding: .utf8)
        #expect(committed == text, "docs/catalogue.md is stale: run `attest list --catalogue proofs/ > docs/catalogue.md`")
    }
}
