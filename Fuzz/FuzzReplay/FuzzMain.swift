import Foundation

#if FUZZING
/// libFuzzer's driver (compiler-rt's `LLVMFuzzerRunDriver`): parses libFuzzer's flags from `argv` and calls
/// `callback` on every generated input.
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

/// The entry point of a fuzz executable: with `-DFUZZING` (and `-sanitize=fuzzer`) it hands the command line to
/// libFuzzer's driver; otherwise it replays the files and folders given as arguments through the target.
public enum FuzzMain {
    /// Runs `target` (a libFuzzer `LLVMFuzzerTestOneInput`-style function) as the executable `name`.
    public static func run(name: String, target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv, target))
        #else
        FuzzReplay.run(name: name, paths: CommandLine.arguments.dropFirst()) { target($0, $1) }
        #endif
    }
}
