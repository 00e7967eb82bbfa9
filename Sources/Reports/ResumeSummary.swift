/// What `attest check --resume` did with an earlier report: how many instance results it took over, and which
/// instances of the report it ran again, with the reason.
public struct ResumeSummary: Codable, Sendable, Equatable {
    /// The instance results taken over.
    public var reused: Int
    /// The report's instances that were run again, by claim, with why.
    public var rerun: [ResumeNote]
    /// Why nothing of the report was trusted (a missing or wrong digest), when that is so.
    public var untrusted: String?

    /// Creates a summary.
    public init(reused: Int, rerun: [ResumeNote], untrusted: String? = nil) {
        self.reused = reused
        self.rerun = rerun
        self.untrusted = untrusted
    }

    /// One line per fact, for the text report and messages.
    public var lines: [String] {
        var out = ["resumed: \(reused) instance result\(reused == 1 ? "" : "s") taken over from the earlier report"]
        if let untrusted { out.append("resumed: the earlier report is not trusted: \(untrusted)") }
        for note in rerun {
            let which = note.instances.map { "#\($0)" }.joined(separator: ", ")
            out.append("resumed: claim \(note.claim), instances \(which) run again: \(note.reason)")
        }
        return out
    }
}

/// Instances of one claim that a resumed run ran again instead of taking them over.
public struct ResumeNote: Codable, Sendable, Equatable {
    /// The claim id.
    public var claim: String
    /// The instance indices (as in the report).
    public var instances: [Int]
    /// Why they were not taken over.
    public var reason: String

    /// Creates a note.
    public init(claim: String, instances: [Int], reason: String) {
        self.claim = claim
        self.instances = instances
        self.reason = reason
    }
}
