import ArgumentParser
import Claims
import Reports

extension Attest {
    /// `attest list [PATH…]`: the claims' ids, kinds, expectations, titles and sources.
    public struct List: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "List the claims: ids, titles, sources and kinds."
        )

        /// Claim files or folders.
        @Argument(help: "Claim files (.toml) or folders that hold them.")
        public var paths: [String] = ["proofs"]

        /// Claim id pattern.
        @Option(help: ArgumentHelp("List only claims whose id matches this pattern; repeatable.", valueName: "glob"))
        public var filter: [String] = []

        /// Markdown catalogue instead of the plain list.
        @Flag(help: "Print a Markdown catalogue: every kind (what and how it checks) and its claims (source, statement, hypotheses).")
        public var catalogue = false

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Prints one block per claim.
        public mutating func run() async throws {
            let claims = try ClaimSelection.load(paths: paths, filters: filter)
            if catalogue {
                StandardStreams.out(ClaimCatalogue.markdown(claims))
                return
            }
            var lines: [String] = []
            for claim in claims {
                lines.append("\(claim.id)  [\(claim.kind)\(claim.expectation == .fail ? ", expected FAIL" : "")]")
                lines.append("    \(claim.title)")
                lines.append("    source: \(claim.source)")
                lines.append("    \(claim.instances.count) instance\(claim.instances.count == 1 ? "" : "s"); \(claim.file)")
            }
            lines.append("\(claims.count) claim\(claims.count == 1 ? "" : "s").")
            StandardStreams.outLine(lines.joined(separator: "\n"))
        }
    }
}
