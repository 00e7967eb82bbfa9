import Claims
import Foundation

/// Progress on standard error: a live status line on a terminal (claims done/total, the current instance, the
/// elapsed time), plain lines otherwise, nothing with `--quiet`.
final class ProgressDisplay: @unchecked Sendable {
    /// How progress is shown.
    enum Mode { case live, plain, silent }

    private let mode: Mode
    private let verbose: Bool
    private let totalClaims: Int
    private let lock = NSLock()
    private var claimsDone = 0
    private var current = ""
    private let began = ContinuousClock.now
    private var timer: DispatchSourceTimer?

    init(mode: Mode, verbose: Bool, totalClaims: Int) {
        self.mode = mode
        self.verbose = verbose
        self.totalClaims = totalClaims
        if mode == .live {
            let timer = DispatchSource.makeTimerSource(queue: .global())
            timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
            timer.setEventHandler { [weak self] in self?.redraw() }
            timer.resume()
            self.timer = timer
        }
    }

    /// Handles one engine event.
    func handle(_ event: CheckProgress) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case let .instanceStarted(claimID, index, count, parameters):
            current = "\(claimID) #\(index + 1)/\(count) (\(parameters))"
            if mode == .plain && verbose { write("attest: start \(claimID) #\(index) \(parameters)\n") }
        case let .instanceFinished(claimID, outcome):
            if verbose && mode != .silent {
                let bits = outcome.precisionBits.map { "\($0) bits" } ?? "exact"
                line("attest:   \(claimID) #\(outcome.instance.index) \(outcome.verdict.rawValue) (\(bits), "
                     + String(format: "%.2f s", outcome.seconds) + ")")
            }
        case let .claimFinished(outcome, done, total):
            claimsDone = done
            guard mode != .silent else { return }
            line("attest: [\(done)/\(total)] \(outcome.verdict.rawValue) \(outcome.claim.id) "
                 + "(\(outcome.instances.count) instance\(outcome.instances.count == 1 ? "" : "s"))")
        }
        if mode == .live { drawStatus() }
    }

    /// Prints a note (such as "interrupted") on its own line.
    func note(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        guard mode != .silent else { return }
        line("attest: " + text)
    }

    /// Stops the live line and prints the closing line.
    func finish(instances: Int, elapsed: Duration) {
        timer?.cancel()
        lock.lock()
        defer { lock.unlock() }
        if mode == .live { write(control: "\r\u{1B}[K", "") }
        guard mode != .silent else { return }
        write("attest: checked \(claimsDone) of \(totalClaims) claims (\(instances) instances) in "
              + String(format: "%.2f s", elapsed.seconds) + "\n")
    }

    private func redraw() {
        lock.lock()
        defer { lock.unlock() }
        drawStatus()
    }

    /// The live status line (caller holds the lock).
    private func drawStatus() {
        let elapsed = String(format: "%.1f s", (ContinuousClock.now - began).seconds)
        var status = "[\(claimsDone)/\(totalClaims) claims, \(elapsed)] \(current)"
        if status.count > 110 { status = String(status.prefix(109)) + "…" }
        write(control: "\r\u{1B}[K", status)
    }

    /// A permanent line (caller holds the lock); on a terminal it goes above the status line.
    private func line(_ text: String) {
        write(control: mode == .live ? "\r\u{1B}[K" : "", text + "\n")
    }

    /// Writes `control` (the live line's own escape sequences) and `text` (control characters from input escaped).
    private func write(control: String = "", _ text: String) {
        StandardStreams.err(control: control, text)
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
