import Claims
import Foundation

/// One instance of the soundness suite: a small claim (one instance) whose truth is known independently of Attest,
/// and the verdict it must get. Each is a claim file of its own under `Tests/ClaimsTests/Soundness/`: `true/` for
/// claims that must PASS, `false/` for known-false claims that must FAIL (they say `expect = "fail"`).
///
/// The truth of each case comes from the mathematics, not from Attest: the true claims are theorems (or exact
/// identities) on instances inside their hypotheses; the false ones are claims whose failure is known (docs/theory.md's
/// twins: a dropped hypothesis, a wrong constant, a missing term), or, for the near misses, whose margin is known
/// exactly from scripts/soundness/near_miss_reference.py (Python fractions).
struct SoundnessCase: Sendable, CustomStringConvertible {
    /// The claim's id (the file's name without `.toml`), as the test's argument.
    var id: String
    /// The claim kind (`kind = "…"`; a proof obligation's is `symbolic-identity`).
    var kind: String
    /// The verdict the instance must get: `.pass` (in `true/`) or `.fail` (in `false/`).
    var truth: Verdict
    /// The claim file's text.
    var text: String

    var description: String { "\(truth == .pass ? "true" : "false"): \(id)" }
}

/// The soundness suite's cases, read from `Tests/ClaimsTests/Soundness/`: at least one true and one known-false
/// instance of every claim kind, the symbolic identities included, plus near misses on both sides (see
/// `SoundnessTests`).
enum SoundnessCases {
    /// The folder of the case files.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Soundness")

    /// The true cases (`true/*.toml`), by file name.
    static let trueCases = load("true", truth: .pass)
    /// The known-false cases (`false/*.toml`), by file name.
    static let falseCases = load("false", truth: .fail)

    /// The cases in `folder/subfolder`, sorted by file name; a file that cannot be read becomes a case with empty
    /// text, which fails its test (never a case that silently disappears).
    static func load(_ subfolder: String, truth: Verdict) -> [SoundnessCase] {
        let directory = folder.appendingPathComponent(subfolder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".toml") }.sorted()
        return names.map { name in
            let text = (try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
            return SoundnessCase(id: String(name.dropLast(".toml".count)), kind: kind(of: text), truth: truth, text: text)
        }
    }

    /// The `kind = "…"` of a claim file; `symbolic-identity` for a proof obligation, which has none.
    static func kind(of text: String) -> String {
        for line in text.split(separator: "\n") where line.hasPrefix("kind = \"") {
            return String(line.dropFirst("kind = \"".count).prefix { $0 != "\"" })
        }
        return "symbolic-identity"
    }

    /// The near-miss case of the scalar network of scripts/soundness/near_miss_reference.py (its margin is ±1e−40
    /// exactly) run at `precision` with escalation up to `maxPrecision` bits.
    static func nearMiss(truth: Verdict, precision: Int, maxPrecision: Int) -> String {
        let id = truth == .pass ? "gd-drift-tiny-margin-1e-40" : "gd-drift-violated-by-1e-40"
        let text = (trueCases + falseCases).first { $0.id == id }?.text ?? ""
        return text.replacingOccurrences(of: "precision = 53\nmax_precision = 256",
                                         with: "precision = \(precision)\nmax_precision = \(maxPrecision)")
    }
}
