import Foundation

/// Replays files through a fuzz target: what the fuzz executables do in a normal build (without `-DFUZZING`), to
/// rerun a seed corpus or a crash input.
public enum FuzzReplay {
    /// Calls `target` on the bytes of every file under `paths` (files as given, folders listed, sorted) and prints
    /// how many inputs ran.
    public static func run(name: String, paths: ArraySlice<String>, target: (UnsafePointer<UInt8>, Int) -> Int32) {
        var count = 0
        for path in files(in: paths) {
            guard var bytes = FileManager.default.contents(atPath: path).map(Array.init) else { continue }
            bytes.append(0)    // never an empty buffer; the terminator is not part of the input
            _ = bytes.withUnsafeBufferPointer { target($0.baseAddress!, $0.count - 1) }
            count += 1
        }
        print("\(name): replayed \(count) inputs without a crash")
    }

    /// The input files: files as given, folders listed (not recursively), sorted.
    static func files(in paths: ArraySlice<String>) -> [String] {
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                found += entries.map { (path as NSString).appendingPathComponent($0) }
            } else {
                found.append(path)
            }
        }
        return found.sorted()
    }
}
