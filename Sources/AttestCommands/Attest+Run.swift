import ArgumentParser
import Foundation

@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
extension Attest {
    /// Parses `arguments` (the process's own when `nil`), runs the chosen command and returns the exit status,
    /// mapped to Attest's convention (`AttestExitCode`): ArgumentParser's usage errors (64) become 2.
    ///
    /// Help and version requests print to standard output and return 0; errors print to standard error.
    public static func run(arguments: [String]? = nil) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return AttestExitCode.success.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return AttestExitCode.success.rawValue
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            if code == .validationFailure { return AttestExitCode.inputError.rawValue }
            return code.rawValue
        }
    }
}
