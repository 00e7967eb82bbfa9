import Claims
import Foundation

/// Standard output and standard error for every command, such that an output error never ends or loses a run.
///
/// - `SIGPIPE` is ignored: a reader that goes away (`attest check … | head -1`) makes writes fail with `EPIPE`
///   instead of killing the process before it writes its reports.
/// - A closed descriptor 0, 1 or 2 (`2>&-`) is reopened on `/dev/null` (read-only for 1 and 2, so that writes to it
///   still fail and are noticed), so that no report file opened later takes its number.
/// - Writes go through `write(2)`, whose errors are returned, never trapped (unlike `FileHandle.write`). A failed
///   write to standard error is ignored; a failed write to standard output is recorded (`outputFailure()`), and the
///   command exits with status 2 at the end, after its reports are written.
/// - Control and invisible characters from input are shown as `<U+XXXX>` (`VisibleText`).
enum StandardStreams {
    /// Ignores `SIGPIPE` and occupies closed standard descriptors; call once before anything is written.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    /// Writes `text` (control characters escaped) to standard output.
    static func out(_ text: String) {
        if !put(VisibleText.escaping(text), to: STDOUT_FILENO) { outputState.recordFailure(errno) }
    }

    /// Writes `text` (control characters escaped) and a line feed to standard output.
    static func outLine(_ text: String) {
        out(text + "\n")
    }

    /// Writes `line` (control characters escaped) and a line feed to standard error; a failure is ignored.
    static func errLine(_ line: String) {
        _ = put(VisibleText.escaping(line) + "\n", to: STDERR_FILENO)
    }

    /// Writes `control` as it is, then `text` with control characters escaped, to standard error; for the live
    /// progress line, whose own escape sequences (`\r`, `ESC [K`) are meant for the terminal.
    static func err(control: String, _ text: String) {
        _ = put(control + VisibleText.escaping(text), to: STDERR_FILENO)
    }

    /// Why a write to standard output failed since the last `resetOutputFailure()` (`strerror` text), or `nil`.
    static func outputFailure() -> String? {
        outputState.failure
    }

    /// Forgets earlier output failures (each command run starts clean).
    static func resetOutputFailure() {
        outputState.reset()
    }

    private static let outputState = OutputState()

    /// The first failure on standard output.
    private final class OutputState: @unchecked Sendable {
        private let lock = NSLock()
        private var reason: String?

        var failure: String? { lock.lock(); defer { lock.unlock() }; return reason }

        func recordFailure(_ code: Int32) {
            lock.lock(); defer { lock.unlock() }
            if reason == nil { reason = String(cString: strerror(code)) }
        }

        func reset() { lock.lock(); reason = nil; lock.unlock() }
    }

    /// Writes all of `text` to `descriptor` with `write(2)`, retrying on interruption; whether it all went out.
    private static func put(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard var next = bytes.baseAddress else { return true }
            var left = bytes.count
            while left > 0 {
                let written = write(descriptor, next, left)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                next += written
                left -= written
            }
            return true
        }
    }
}
