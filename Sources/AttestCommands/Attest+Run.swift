import ArgumentParser
import Foundation

@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
extension Attest {
    /// Parses `arguments` (the process's own when `nil`), runs the chosen command and returns the exit status,
    /// mapped to Attest's convention (`AttestExitCode`): ArgumentParser's usage errors (64) become 2.
    ///
    /// Help and version requests print to standard output and return 0; errors print to standard error. A failed write
    /// to standard output makes the status 2 (after the command has done its work: reports are written).
    public static func run(arguments: [String]? = nil) async -> Int32 {
        StandardStreams.prepare()
        StandardStreams.resetOutputFailure()
        let status = await runCommand(arguments: arguments)
        // A lost write to standard output (a closed pipe, a full disk) is an error even when the command succeeded.
        if let failure = StandardStreams.outputFailure() {
            StandardStreams.errLine("attest: standard output could not be written (\(failure)); the output is incomplete")
            return AttestExitCode.inputError.rawValue
        }
        return status
    }

    /// Parses and runs the command; its exit status.
    private static func runCommand(arguments: [String]?) async -> Int32 {
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
                if !message.isEmpty { StandardStreams.outLine(message) }
                return AttestExitCode.success.rawValue
            }
            if !message.isEmpty { StandardStreams.errLine(message) }
            if code == .validationFailure { return AttestExitCode.inputError.rawValue }
            return code.rawValue
        }
    }
}
