import Claims
import Foundation

/// Runs the claims engine for a command: progress on standard error (live on a terminal, plain lines otherwise,
/// nothing when quiet), and a clean stop on Ctrl-C, SIGTERM or an overall time limit, after which the result holds
/// what finished (`isComplete` false).
enum EngineRun {
    /// Checks `claims`, taking over the `completed` outcomes; `stopHint` says, after "stopping; ", what the user
    /// gets from a stopped run.
    static func check(_ claims: [ClaimSpec], options: CheckOptions, completed: [String: [InstanceOutcome]] = [:],
                      quiet: Bool, verbose: Bool = false, timeoutTotal: Double? = nil,
                      stopHint: String) async -> CheckResult {
        let clock = ContinuousClock(), began = clock.now
        let display = ProgressDisplay(mode: quiet ? .silent : (isatty(STDERR_FILENO) == 1 ? .live : .plain),
                                      verbose: verbose, totalClaims: claims.count,
                                      expectedToFail: Set(claims.filter { $0.expectation == .fail }.map(\.id)))
        let engineTask = Task {
            await ClaimEngine().check(claims, options: options, completed: completed, progress: display.handle)
        }
        let interrupt = InterruptHandler {
            display.note("interrupted: stopping; \(stopHint)")
            engineTask.cancel()
        }
        let deadline = timeoutTotal.map { seconds in
            Task {
                try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded())))
                display.note("--timeout-total \(seconds) s reached: stopping; \(stopHint)")
                engineTask.cancel()
            }
        }
        let result = await engineTask.value
        deadline?.cancel()
        interrupt.stop()
        display.finish(instances: result.claims.reduce(0) { $0 + $1.instances.count }, elapsed: clock.now - began)
        return result
    }
}
