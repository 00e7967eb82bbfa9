import ArgumentParser
import Foundation

/// Finds claim files (`*.toml`) under files and folders given on the command line.
enum ClaimFileFinder {
    /// Returns the claim files under `paths`, sorted, so that runs are deterministic.
    ///
    /// - Throws: `ValidationError` naming a path that does not exist.
    static func claimFiles(in paths: [String]) throws -> [String] {
        let fileManager = FileManager.default
        var found: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let enumerator = fileManager.enumerator(atPath: path)
                while let entry = enumerator?.nextObject() as? String {
                    if entry.hasSuffix(".toml") { found.append((path as NSString).appendingPathComponent(entry)) }
                }
            } else {
                found.append(path)
            }
        }
        return found.sorted()
    }
}
