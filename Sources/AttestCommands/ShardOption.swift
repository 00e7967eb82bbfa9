import ArgumentParser
import Claims
import Reports

/// `--shard K/N` of `attest check` and `attest table`: what the commands share about running one shard.
enum ShardOption {
    /// The option's help.
    static let help = ArgumentHelp(
        "Run only the K-th of N deterministic shards of the instances (K from 1; balanced by instance count) and write "
            + "a partial report (a .json --report is required) that `attest merge` combines with the other shards'. "
            + "The exit status is then 0 when the shard ran completely, whatever the verdicts; the merge decides.",
        valueName: "K/N")

    /// Parses `--shard` and checks that a JSON report will be written (`validate()`; failures exit with status 2).
    static func validate(_ text: String?, reports: [String]) throws {
        guard let text else { return }
        do { _ = try Shard(parsing: text) } catch { throw ValidationError(error.description) }
        guard reports.contains(where: { $0 == "-" || ReportFormat(fileName: $0) == .json }) else {
            throw ValidationError("--shard \(text) needs a JSON report (--report FILE.json, or --report -) for "
                                  + "`attest merge`")
        }
    }

    /// The shard of an already validated `--shard`.
    static func parse(_ text: String?) -> Shard? {
        text.flatMap { try? Shard(parsing: $0) }
    }

    /// Refuses (exit status 2) to resume a shard from the report of another shard, or of a whole run.
    static func checkResume(_ previous: Report?, path: String?, shard: Shard?) throws {
        guard let previous, let path else { return }
        let was = previous.shard.map { "shard \($0.label)" } ?? "a whole run"
        let now = shard.map { "shard \($0)" } ?? "a whole run"
        guard was != now else { return }
        Attest.printError("attest: --resume \(path): the report is of \(was), this run is \(now); resume each shard "
                          + "from its own report")
        throw ExitCode(AttestExitCode.inputError.rawValue)
    }

    /// The note on standard error after a shard ran.
    static func note(_ report: Report) -> String {
        guard let record = report.shard else { return "" }
        return "attest: shard \(record.label): \(record.units) of \(record.totalUnits) units of work "
            + "(\(report.summary.instances) instances ran)\(report.complete ? "" : ", incomplete"); the verdicts are "
            + "of this shard's instances only: combine every shard's JSON report with `attest merge`"
    }
}
