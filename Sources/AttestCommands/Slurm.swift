import ArgumentParser
import Foundation
import Reports

extension Attest {
    /// `attest slurm`: writes the `sbatch` scripts of a sharded run (a job array of shards and a merge job after it)
    /// and prints the one command that submits both (docs/scale-out.md).
    public struct Slurm: ParsableCommand {
        /// The subcommand's name and help.
        public static let configuration = CommandConfiguration(
            abstract: "Write sbatch scripts that run a check or a sweep as a Slurm job array of shards and merge them.",
            discussion: """
                Writes FOLDER/shards.sbatch (a job array of --shards tasks, at most --throttle at a time; task K runs \
                `attest check --shard K/N`, or `attest table --shard K/N` with --sweep, into FOLDER/shard-K-of-N.json, \
                continuing an earlier attempt's report with --resume) and FOLDER/merge.sbatch (`attest merge` into \
                FOLDER/merged.json; with --sweep also the table FOLDER/table.tex), then prints the one command that \
                submits the array and the merge job with --dependency=afterok on it. The jobs run in the current \
                folder with this attest executable (or --attest). Exit status 2 on a usage error.
                """
        )

        /// Claim files or folders.
        @Argument(help: "Claim files (.toml) or folders that hold them (default: proofs/; not with --sweep).")
        public var paths: [String] = []

        /// A sweep instead of claims.
        @Option(help: ArgumentHelp("Run this sweep file (attest table) instead of claims.", valueName: "file"))
        public var sweep: String?

        /// Claim id patterns.
        @Option(help: ArgumentHelp("Check only claims whose id matches this pattern; repeatable.", valueName: "glob"))
        public var filter: [String] = []

        /// N.
        @Option(help: "Number of shards: the tasks of the job array.")
        public var shards: Int

        /// Array tasks at once.
        @Option(help: "Array tasks running at the same time (the %T of --array=1-N%T; default: N).")
        public var throttle: Int?

        /// Slurm partition.
        @Option(help: "The Slurm partition (sbatch --partition; default: the cluster's default).")
        public var partition: String?

        /// Time limit of each task.
        @Option(help: ArgumentHelp("Time limit of each task, in sbatch's form (minutes, HH:MM:SS, D-HH:MM:SS).",
                                   valueName: "limit"))
        public var time: String?

        /// Memory of each task.
        @Option(help: ArgumentHelp("Memory of each task, in sbatch's form (4G, 500M).", valueName: "size"))
        public var mem: String?

        /// CPUs per task.
        @Option(help: "CPUs of each task (sbatch --cpus-per-task); attest runs that many instances at once (--jobs).")
        public var cpusPerTask: Int = 1

        /// The output folder.
        @Option(help: ArgumentHelp("Folder for the scripts, logs, shard reports and the merged report (created).",
                                   valueName: "folder"))
        public var outputFolder: String = "attest-slurm"

        /// The executable the jobs run.
        @Option(help: ArgumentHelp("The attest executable the jobs run (default: this one).", valueName: "path"))
        public var attest: String?

        /// `sbatch --wait` in the printed command.
        @Flag(help: "Make the printed command wait for the merge job and return its exit status (sbatch --wait).")
        public var wait = false

        /// Creates the command; ArgumentParser calls this.
        public init() {}

        /// Checks the options (failures exit with status 2).
        public func validate() throws {
            guard shards >= 1 else { throw ValidationError("--shards must be at least 1") }
            if let throttle, throttle < 1 { throw ValidationError("--throttle must be at least 1") }
            guard cpusPerTask >= 1 else { throw ValidationError("--cpus-per-task must be at least 1") }
            if sweep != nil && (!paths.isEmpty || !filter.isEmpty) {
                throw ValidationError("--sweep runs a sweep file: give no claim paths or --filter with it")
            }
            if let partition, partition.isEmpty || !partition.allSatisfy({ $0.isLetter || $0.isNumber || "_-.,".contains($0) }) {
                throw ValidationError("--partition \(partition): use letters, digits and _ - . , only")
            }
            if let time, time.isEmpty || !time.allSatisfy({ $0.isASCII && ($0.isNumber || ":-".contains($0)) }) {
                throw ValidationError("--time \(time): give minutes, HH:MM:SS or D-HH:MM:SS")
            }
            if let mem, mem.range(of: #"^[0-9]+[KMGT]?$"#, options: .regularExpression) == nil {
                throw ValidationError("--mem \(mem): give a size such as 4G or 500M")
            }
            for (name, path) in [("--output-folder", outputFolder), ("the current folder", currentDirectory)]
            where path.isEmpty || path.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true }) {
                throw ValidationError("\(name) \(path): sbatch's #SBATCH lines take no spaces in paths; use a folder without")
            }
        }

        private var currentDirectory: String { FileManager.default.currentDirectoryPath }

        /// The executable running now, as an absolute path (`attest` when it was found on PATH).
        private static var thisExecutable: String {
            let argument = CommandLine.arguments.first ?? "attest"
            guard argument.contains("/") else { return "attest" }
            return URL(fileURLWithPath: argument).standardizedFileURL.path
        }

        /// Writes the scripts and prints the command.
        public func run() throws {
            let folder = URL(fileURLWithPath: outputFolder).standardizedFileURL.path
            let work: SlurmScript.Work = sweep.map { .table(sweep: $0) }
                ?? .check(paths: paths.isEmpty ? ["proofs"] : paths, filters: filter)
            let script = SlurmScript(work: work, shards: shards, throttle: min(throttle ?? shards, shards),
                                     partition: partition, timeLimit: time, memory: mem, cpusPerTask: cpusPerTask,
                                     folder: folder, workingDirectory: currentDirectory,
                                     attest: attest.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                                         ?? Self.thisExecutable)
            do {
                try FileManager.default.createDirectory(atPath: folder + "/logs", withIntermediateDirectories: true)
                for (path, text) in [(script.shardsPath, script.shardsScript), (script.mergePath, script.mergeScript)] {
                    try ReportFile.write(text, to: path)
                    chmod(path, 0o755)
                }
            } catch {
                Attest.printError("attest: slurm: cannot write the scripts into \(folder): \(error)")
                throw ExitCode(AttestExitCode.inputError.rawValue)
            }
            Attest.printError("attest: wrote \(script.shardsPath) (\(shards) shards, \(script.throttle) at a time) and "
                              + "\(script.mergePath) (merged report: \(script.mergedReport)); submit both with:")
            StandardStreams.out(script.submitCommand(wait: wait) + "\n")
        }
    }
}
