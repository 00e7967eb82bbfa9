import ArgumentParser
import Claims
import Foundation
import Reports

/// `attest table --resume FILE`: the finished instances a sweep takes over from a report of the same sweep (an
/// interrupted run's, a shard's own, or the merge of its shards), under the rules of `attest check --resume`.
enum TableResume {
    /// The outcomes taken over from the report at `path` (none when `path` is nil), after printing what was taken
    /// over and what runs again (unless `quiet`).
    ///
    /// - Throws: `ExitCode(2)` when the report cannot be read or is of another shard.
    static func completed(_ path: String?, shard: Shard?, claims: [ClaimSpec], jobs: Int,
                          quiet: Bool) throws -> [String: [InstanceOutcome]] {
        guard let path else { return [:] }
        let previous: Report
        do {
            guard let data = FileManager.default.contents(atPath: path) else {
                Attest.printError("attest: --resume \(path): cannot read the report: no such file, or not readable")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            previous = try JSONReportWriter.decode(data)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            Attest.printError("attest: --resume \(path): not a JSON report of attest: \(error)")
            throw ExitCode(AttestExitCode.inputError.rawValue)
        }
        try ShardOption.checkResume(previous, path: path, shard: shard)
        let plan = previous.resumePlan(for: claims, options: CheckOptions(jobs: jobs), tool: Attest.toolInfo)
        for line in plan.summary.lines where !quiet { Attest.printError("attest: --resume \(path): \(line)") }
        return plan.completed
    }
}
