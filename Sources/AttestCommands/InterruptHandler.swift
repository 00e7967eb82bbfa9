import Foundation

/// Turns the first SIGINT (Ctrl-C), SIGTERM or SIGHUP (the terminal closed) into an orderly stop (`action`: cancel
/// the run, then the reports are written with `complete: false`, ready for `attest check --resume`); a second signal
/// exits at once with status 128 + its number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP). SIGPIPE is ignored
/// for the whole process (`StandardStreams.prepare()`).
final class InterruptHandler: @unchecked Sendable {
    /// The signals handled.
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var interrupted = false

    init(_ action: @escaping @Sendable () -> Void) {
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [unowned self] in
                lock.lock()
                let again = interrupted
                interrupted = true
                lock.unlock()
                if again { exit(128 + number) }
                action()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default behaviour of the signals.
    func stop() {
        for source in sources { source.cancel() }
        for number in Self.signals { signal(number, SIG_DFL) }
    }
}
