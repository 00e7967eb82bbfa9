import Foundation

/// Turns the first Ctrl-C (SIGINT) into an orderly stop (`action`: cancel the run, then the reports are written
/// with `complete: false`); a second Ctrl-C exits at once with status 130.
final class InterruptHandler: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private let lock = NSLock()
    private var interrupted = false

    init(_ action: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [unowned self] in
            lock.lock()
            let again = interrupted
            interrupted = true
            lock.unlock()
            if again { exit(130) }
            action()
        }
        source.resume()
    }

    /// Restores the default SIGINT behaviour.
    func stop() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
