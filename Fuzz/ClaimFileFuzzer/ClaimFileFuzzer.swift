import Claims
import Foundation

/// The claim-file fuzz target (issue 9): the input bytes are a claim file, which the parser and validator must
/// accept or reject with `ClaimFileErrors`, never crash or hang. Data-file paths resolve in a folder that does not
/// exist, so the target reads no files.
///
/// `make fuzz` builds it with `-sanitize=fuzzer,address -DFUZZING`, where libFuzzer calls this function; in a normal
/// build the executable replays the files given as arguments (a corpus or a crash) through it.
@_cdecl("LLVMFuzzerTestOneInput")
public func claimFileFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ClaimFileParser().parse(text: text, file: "fuzz.toml", baseDirectory: "/nonexistent/attest-fuzz")
    return 0
}

#if !FUZZING
import FuzzReplay

/// Replays the files (or folders) named on the command line through the fuzz target.
@main
enum ClaimFileFuzzerReplay {
    static func main() {
        FuzzReplay.run(name: "claim-file-fuzzer", paths: CommandLine.arguments.dropFirst(), target: claimFileFuzzerTestOneInput)
    }
}
#endif
