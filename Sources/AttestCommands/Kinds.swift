import ArgumentParser
import Claims
import Reports

extension Attest {
    /// `attest kinds [KIND…]`: every claim kind (or the named ones) with what it checks, how, and every key of its
    /// claim files: section, type, default and help, from the kind itself (the catalogue's source).
    public struct Kinds: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "List the claim kinds with their keys, types, defaults and help."
        )

        /// The kinds to show; all when none is named.
        @Argument(help: ArgumentHelp("Kinds to show (all when none is named).", valueName: "kind"))
        public var names: [String] = []

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Prints the kinds; exits with status 2 when a named kind does not exist.
        public mutating func run() async throws {
            let registry = ClaimKindRegistry.standard
            for name in names where registry.kind(named: name) == nil {
                let suggestion = KeySuggestion.closest(to: name, among: registry.names).map { " (did you mean \($0)?)" } ?? ""
                Attest.printError("attest: no claim kind \(name)\(suggestion); the kinds are: "
                                  + registry.names.joined(separator: ", "))
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            let chosen = names.isEmpty ? registry.names : names
            StandardStreams.out(chosen.compactMap(registry.kind(named:)).map(KindReference.text).joined(separator: "\n"))
        }
    }
}
