import Claims
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress on standard error: a live status line on a terminal (claims done/total, every running instance with
/// how far it is when its kind reports it, the elapsed time), plain lines otherwise, nothing with `--quiet`.
///
/// The live line never wraps: it is cut to the terminal's width, read with `TIOCGWINSZ` and read again on
/// `SIGWINCH`, so each redraw overwrites the previous one. A known-false claim refuted as expected shows
/// `FAIL (expected)`, and so does each failing instance of it on the `--verbose` lines.
final class ProgressDisplay: @unchecked Sendable {
    /// How progress is shown.
    enum Mode { case live, plain, silent }

    private let mode: Mode
    private let verbose: Bool
    private let totalClaims: Int
    private let lock = NSLock()
    private var claimsDone = 0
    /// The running instances, by key (`claim-id #index`), in the order they started, with their descriptions.
    private var running: [(key: String, head: String, parameters: String)] = []
    private let began = ContinuousClock.now
    private var timer: DispatchSourceTimer?
    private var resize: DispatchSourceSignal?
    /// The terminal's width in columns.
    private var width: Int
    /// Where instances report their progress.
    private let board: ProgressBoard
    /// The ids of the known-false claims (expected to FAIL), whose failing instances read `FAIL (expected)`.
    private let expectedToFail: Set<String>

    init(mode: Mode, verbose: Bool, totalClaims: Int, expectedToFail: Set<String> = [], board: ProgressBoard = .shared) {
        self.expectedToFail = expectedToFail
        self.mode = mode
        self.verbose = verbose
        self.totalClaims = totalClaims
        self.board = board
        width = Self.terminalWidth()
        if mode == .live {
            let resize = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
            resize.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                self.width = Self.terminalWidth()
                self.lock.unlock()
            }
            resize.resume()
            self.resize = resize
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
            running.append((key: "\(claimID) #\(index)", head: "\(claimID) #\(index + 1)/\(count)", parameters: parameters))
            if mode == .plain && verbose { write("attest: start \(claimID) #\(index) \(parameters)\n") }
        case let .instanceFinished(claimID, outcome):
            running.removeAll { $0.key == "\(claimID) #\(outcome.instance.index)" }
            if verbose && mode != .silent {
                let bits = outcome.precisionBits.map { "\($0) bits" } ?? "exact"
                let verdict = Self.instanceVerdictText(outcome.verdict, claimExpectsFail: expectedToFail.contains(claimID))
                line("attest:   \(claimID) #\(outcome.instance.index) \(verdict) (\(bits), "
                     + String(format: "%.2f s", outcome.seconds) + ")")
            }
        case let .claimFinished(outcome, done, total):
            claimsDone = done
            guard mode != .silent else { return }
            line("attest: [\(done)/\(total)] \(Self.verdictText(outcome)) \(outcome.claim.id) "
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
        resize?.cancel()
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
        // How far an instance is comes before its parameters, so that a narrow terminal cuts the parameters first.
        let instances = running.map { entry in
            entry.head + (board.text(for: entry.key).map { " " + $0 } ?? "") + " (\(entry.parameters))"
        }
        let status = Self.fit("[\(claimsDone)/\(totalClaims) claims, \(elapsed)] " + instances.joined(separator: " | "),
                              width: width)
        write(control: "\r\u{1B}[K", status)
    }

    /// `text` cut to fit in `width` columns without wrapping (one column is kept free: a line that fills the last
    /// column wraps on some terminals), with `…` where it was cut.
    static func fit(_ text: String, width: Int) -> String {
        let room = max(width - 1, 10)
        guard text.count > room else { return text }
        return String(text.prefix(room - 1)) + "…"
    }

    /// The claim's verdict for the progress lines: `FAIL (expected)` for a known-false claim refuted as it should be.
    static func verdictText(_ outcome: ClaimOutcome) -> String {
        guard outcome.isComplete || outcome.verdict.isViolation else {
            return outcome.instances.isEmpty ? "NOT RUN" : "PARTLY RUN"
        }
        return outcome.verdict == .fail && outcome.claim.expectation == .fail ? "FAIL (expected)" : outcome.verdict.rawValue
    }

    /// An instance's verdict for the verbose progress lines: `FAIL (expected)` for a failing instance of a
    /// known-false claim (one such instance refutes the claim, as expected).
    static func instanceVerdictText(_ verdict: Verdict, claimExpectsFail: Bool) -> String {
        verdict == .fail && claimExpectsFail ? "FAIL (expected)" : verdict.rawValue
    }

    /// The width of the terminal on standard error (`TIOCGWINSZ`), else `COLUMNS`, else 80.
    static func terminalWidth() -> Int {
        var size = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        if ioctl(STDERR_FILENO, request, &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return 80
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
