/// The two `sbatch` scripts of a sharded run on Slurm (`attest slurm`), and the one command that submits both.
///
/// The shards script is a job array of `shards` tasks, at most `throttle` at a time (`--array=1-N%T`); task K runs
/// `attest check --shard K/N` (or `attest table --shard K/N`) into its own JSON report, resuming it when a report of
/// an earlier attempt is there (a requeued or resubmitted task continues). The merge script runs `attest merge` on
/// every shard's report, and is submitted with `--dependency=afterok` on the array, so that it runs once every task
/// has succeeded. Both use only standard `sbatch` options and POSIX tools.
struct SlurmScript: Sendable, Equatable {
    /// What the shards run: claim files and folders, or a sweep.
    enum Work: Sendable, Equatable {
        /// `attest check` of these paths, with these `--filter` patterns.
        case check(paths: [String], filters: [String])
        /// `attest table` of this sweep file.
        case table(sweep: String)
    }

    /// What runs.
    var work: Work
    /// N.
    var shards: Int
    /// Array tasks at the same time.
    var throttle: Int
    /// `--partition`, when given.
    var partition: String?
    /// `--time`, when given.
    var timeLimit: String?
    /// `--mem`, when given.
    var memory: String?
    /// `--cpus-per-task`, passed to attest as `--jobs`.
    var cpusPerTask: Int
    /// The output folder (absolute): scripts, shard reports, logs and the merged report.
    var folder: String
    /// The folder the jobs run in (absolute): paths in `work` are relative to it.
    var workingDirectory: String
    /// The attest executable the jobs run.
    var attest: String

    /// The shards script's path.
    var shardsPath: String { folder + "/shards.sbatch" }
    /// The merge script's path.
    var mergePath: String { folder + "/merge.sbatch" }
    /// The merged JSON report's path.
    var mergedReport: String { folder + "/merged.json" }

    /// The shard report of task `k` (a shell word; `k` may be a shell expansion).
    private func shardReport(_ k: String) -> String { Self.quote(folder) + "/shard-\(k)-of-\(shards).json" }

    /// `#SBATCH` lines shared by both scripts.
    private func commonHeader(name: String, log: String) -> [String] {
        var lines = ["#!/bin/bash", "#SBATCH --job-name=\(name)"]
        if let partition { lines.append("#SBATCH --partition=\(partition)") }
        if let timeLimit { lines.append("#SBATCH --time=\(timeLimit)") }
        if let memory { lines.append("#SBATCH --mem=\(memory)") }
        lines.append("#SBATCH --chdir=\(workingDirectory)")
        lines.append("#SBATCH --output=\(folder)/logs/\(log)")
        return lines
    }

    /// The job array script.
    var shardsScript: String {
        var lines = commonHeader(name: "attest-shards", log: "shard-%a.out")
        lines.insert("#SBATCH --array=1-\(shards)%\(throttle)", at: 2)
        lines.insert("#SBATCH --ntasks=1", at: 3)
        lines.insert("#SBATCH --cpus-per-task=\(cpusPerTask)", at: 4)
        lines += [
            "# Written by `attest slurm`: task K of the array runs shard K of \(shards) into its own JSON report; a",
            "# task that finds the report of an earlier attempt continues it (--resume).",
            "set -euo pipefail",
            "k=\"${SLURM_ARRAY_TASK_ID:?run this script with sbatch (a job array), or set SLURM_ARRAY_TASK_ID}\"",
            "report=\(shardReport("${k}"))",
            "resume=()",
            "if [ -f \"$report\" ]; then resume=(--resume \"$report\"); fi",
        ]
        let command: String
        switch work {
        case let .check(paths, filters):
            command = "exec \(Self.quote(attest)) check --shard \"$k/\(shards)\" --jobs \(cpusPerTask) --quiet "
                + filters.map { "--filter \(Self.quote($0)) " }.joined()
                + "--report \"$report\" ${resume[@]+\"${resume[@]}\"} " + paths.map(Self.quote).joined(separator: " ")
        case let .table(sweep):
            command = "exec \(Self.quote(attest)) table \(Self.quote(sweep)) --shard \"$k/\(shards)\" --jobs \(cpusPerTask) "
                + "--quiet --report \"$report\" ${resume[@]+\"${resume[@]}\"}"
        }
        return (lines + [command]).joined(separator: "\n") + "\n"
    }

    /// The merge script.
    var mergeScript: String {
        var lines = commonHeader(name: "attest-merge", log: "merge.out")
        lines.insert("#SBATCH --ntasks=1", at: 2)
        lines += [
            "# Written by `attest slurm`: merges the reports of the \(shards) shards into \(mergedReport)",
            "# (exit status 0: every claim met its expectation; 1: some did not; 2: the shards could not be merged).",
            "set -uo pipefail",
            "shards=()",
            "for k in $(seq 1 \(shards)); do shards+=(\(shardReport("${k}"))); done",
            "\(Self.quote(attest)) merge --quiet --report \(Self.quote(mergedReport)) \"${shards[@]}\"",
            "status=$?",
        ]
        if case let .table(sweep) = work {
            let table = Self.quote(folder + "/table.tex")
            lines += [
                "# The sweep's table, from the merged report (nothing runs again).",
                "if [ $status -le 1 ]; then",
                "    \(Self.quote(attest)) table \(Self.quote(sweep)) --quiet --resume \(Self.quote(mergedReport)) --output \(table) || status=$?",
                "fi",
            ]
        }
        lines.append("exit $status")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The one command that submits the array and the merge job after it; with `wait`, it returns when the merge
    /// has ended, with its exit status (`sbatch --wait`).
    func submitCommand(wait: Bool) -> String {
        "job=$(sbatch --parsable \(Self.quote(shardsPath))) && sbatch --dependency=afterok:\"${job%%;*}\""
            + (wait ? " --wait" : "") + " \(Self.quote(mergePath))"
    }

    /// `text` as one shell word: as it is when it holds only safe characters, otherwise in single quotes.
    static func quote(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./=:,+%@")
        if !text.isEmpty && text.allSatisfy(safe.contains) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
