import Foundation
import LinearAlgebra
import MultiPrecision

/// Reads and validates claim files (TOML): the schema of docs/claim-files.md.
///
/// Validation reports every problem it finds, each with file, line and key (`ClaimFileErrors`), before anything
/// runs: unknown keys (with a "did you mean" suggestion), missing keys, wrong types, out-of-range values, precision
/// outside `Precision.supportedRange`, inexact or non-numeric numbers, mismatched dimensions, unreadable data files,
/// empty grids and unknown kinds.
///
/// ```swift
/// let claim = try ClaimFileParser().parse(file: "proofs/dln-gd-balancedness-step.toml")
/// claim.instances.count          // the expanded grid
/// ```
public struct ClaimFileParser: Sendable {
    /// The largest claim file accepted: 1 MiB.
    public static let maximumFileBytes = 1 << 20
    /// The largest number of instances one claim may expand to.
    public static let maximumInstances = 100_000
    /// The working precisions a claim may ask for (`precision`, `max_precision`, `--precision`, a sweep's precision
    /// grid): 32 bits and more. Below that the kinds' algorithms have no meaning (the pivots of LU, SVD and eigen
    /// solvers and the diagonal-network flows round to zero at 2–31 bits), so such precisions are refused before
    /// anything runs.
    public static let precisionRange = 32...Precision.supportedRange.upperBound
    /// The largest size, in bits, of the numerator and of the denominator of an exact number in a claim file or data
    /// file (about 9,900 decimal digits): larger ones (`1e-1000000`, `1e999999`) make every exact step and every
    /// decimal printout enormous, so they are refused when read.
    public static let maximumNumberBits = 1 << 15
    /// The top-level keys that describe a claim.
    public static let metadataKeys = ["id", "title", "kind", "expect", "source", "statement", "statement_latex",
                                      "hypotheses", "notes"]
    /// The tables of a claim file.
    public static let sectionKeys = ["model", "dynamics", "check", "numerics", "grid", "instance"]
    /// The keys of `[numerics]`.
    public static let numericsKeys = ["precision", "tolerance", "max_precision", "guard_bits", "rigorous"]

    /// The claim kinds that `kind` may name.
    public var registry: ClaimKindRegistry

    /// Creates a parser for the kinds in `registry`.
    public init(registry: ClaimKindRegistry = .standard) {
        self.registry = registry
    }

    /// Reads and validates the claim file at `path`; data files are found relative to its folder.
    ///
    /// - Throws: `ClaimFileErrors` with every problem found.
    public func parse(file path: String) throws(ClaimFileErrors) -> ClaimSpec {
        let text: String
        do { text = try TOMLDocument.text(ofFile: path) } catch { throw error.claimFileErrors(file: path) }
        return try parse(text: text, file: path, baseDirectory: (path as NSString).deletingLastPathComponent)
    }

    /// Reads and validates claim-file text; `file` names it in messages and `baseDirectory` anchors data files.
    ///
    /// - Throws: `ClaimFileErrors` with every problem found.
    public func parse(text: String, file: String, baseDirectory: String) throws(ClaimFileErrors) -> ClaimSpec {
        let document: TOMLDocument
        do { document = try TOMLDocument(text: text, file: file) } catch { throw error.claimFileErrors(file: file) }
        let top = document.root
        if top["search"] != nil || top["threshold"] != nil, let kind = documentKind(for: top) {
            let spec = try kind.readClaim(text: Self.removingSearchTables(from: text), file: file)
            return try attachingSearch(to: spec, top: top, text: text, file: file, baseDirectory: baseDirectory)
        }

        if let kind = documentKind(for: top) {
            var spec = try kind.readClaim(text: text, file: file, baseDirectory: baseDirectory)
            spec.describeChecks(by: kind)
            return spec
        }
        var reader = _ClaimFileReader(file: file, baseDirectory: baseDirectory, keyLines: document.keyLines,
                                      registry: registry)
        let spec = reader.read(.table(top))
        if !reader.errors.isEmpty || spec == nil {
            let sorted = reader.errors.sorted { ($0.line ?? Int.max, $0.key ?? "") < ($1.line ?? Int.max, $1.key ?? "") }
            throw ClaimFileErrors(sorted)
        }
        var claim = spec!
        if let kind = registry.kind(named: claim.kind) { claim.describeChecks(by: kind) }
        return claim
    }

    /// The document kind that reads a file with these top-level entries: the one its `kind` names, or, without a
    /// `kind` key, the one that recognizes its keys.
    func documentKind(for top: [String: TOMLNode]) -> (any DocumentClaimKind)? {
        if case let .string(name)? = top["kind"] { return registry.kind(named: name) as? any DocumentClaimKind }
        guard top["kind"] == nil else { return nil }
        let keys = Set(top.keys)
        return registry.names.lazy.compactMap { registry.kind(named: $0) as? any DocumentClaimKind }
            .first { $0.recognizes(topLevelKeys: keys) }
    }
}

extension ClaimFileParser {
    /// Why an exact number read from a file is too large to work with (see `maximumNumberBits`), or `nil`.
    public static func sizeProblem(_ value: Rational) -> String? {
        let bits = max(value.numerator.bitSize, value.denominator.bitSize)
        guard bits > maximumNumberBits else { return nil }
        return "its numerator or denominator has \(bits) bits, more than the limit of \(maximumNumberBits) "
            + "(about 9,900 decimal digits)"
    }
}
