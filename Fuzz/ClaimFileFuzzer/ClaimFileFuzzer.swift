import Claims
import Foundation
import FuzzReplay

/// The claim-file fuzz target (issue 9): the input bytes are a claim file, which the parser and validator must
/// accept or reject with `ClaimFileErrors`, never crash or hang. Data-file paths resolve in a folder that does not
/// exist, so the target reads no files.
///
/// `make fuzz` builds it with `-sanitize=fuzzer,address -DFUZZING`, where libFuzzer calls this function; in a normal
/// build the executable replays the files given as arguments (a corpus or a crash) through it.
@_cdecl("LLVMFuzzerTestOneInput")
func claimFileFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? ClaimFileParser().parse(text: text, file: "fuzz.toml", baseDirectory: "/nonexistent/attest-fuzz")
    return 0
}

/// The executable: libFuzzer's driver with `-DFUZZING`, a replay of the files given as arguments otherwise.
@main
enum ClaimFileFuzzer {
    static func main() {
        FuzzMain.run(name: "claim-file-fuzzer", target: claimFileFuzzerTestOneInput)
    }
}
