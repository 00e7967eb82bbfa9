import Foundation
import FuzzReplay
import Symbolic

/// The Symbolic expression fuzz target (issue 9): the input bytes are an expression and an equation, which the
/// parser must accept or reject with `ParseError`, never crash or hang.
///
/// `make fuzz` builds it with `-sanitize=fuzzer,address -DFUZZING`, where libFuzzer calls this function; in a normal
/// build the executable replays the files given as arguments (a corpus or a crash) through it.
@_cdecl("LLVMFuzzerTestOneInput")
func expressionFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? Expression(parsing: text)
    _ = try? Equation(parsing: text)
    return 0
}

/// The executable: libFuzzer's driver with `-DFUZZING`, a replay of the files given as arguments otherwise.
@main
enum ExpressionFuzzer {
    static func main() {
        FuzzMain.run(name: "expression-fuzzer", target: expressionFuzzerTestOneInput)
    }
}
