import ArgumentParser

extension Attest {
    /// `attest version`: the version of attest and of the GMP and MPFR libraries it runs on.
    public struct Version: AsyncParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Print the version of attest, GMP and MPFR."
        )

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Prints `attest X.Y.Z (GMP …, MPFR …)`.
        public mutating func run() async throws {
            StandardStreams.outLine(Attest.fullVersion)
        }
    }
}
