import Foundation
import MultiPrecision

/// Reads a sweep file and derives the claims it runs. Problems are reported like claim-file problems: file, line
/// and key, every one found.
///
/// ```toml
/// [sweep]
/// claim = "../proofs/dln-gf-global-minimum.toml"
/// caption = "Gap to the global minimum against depth"
/// label = "tab:gap-depth"
/// quantities = ["L(W(T)) − min"]
/// quantity_labels = ["gap"]
/// rows = ["depth"]
/// reduce_over = "seed"
///
/// [set]
/// "dynamics.horizon" = 20
///
/// [grid]
/// depth = [2, 3, 4]
/// seed = [1, 2, 3]
/// precision = [128, 256]
/// ```
public struct SweepFileParser: Sendable {
    /// The claim-file parser used for the derived claims.
    public var claimParser: ClaimFileParser

    /// Creates a parser.
    public init(claimParser: ClaimFileParser = ClaimFileParser()) {
        self.claimParser = claimParser
    }

    /// The keys of the `[sweep]` section.
    public static let sweepKeys = ["claim", "caption", "label", "quantities", "quantity_labels", "rows",
                                   "reduce_over", "significant_digits"]

    /// Reads the sweep file at `path`.
    ///
    /// - Throws: `ClaimFileErrors` naming the sweep file (or the claim file) with line and key.
    public func parse(file path: String) throws(ClaimFileErrors) -> SweepSpec {
        let document: TOMLDocument
        do { document = try TOMLDocument.read(file: path) } catch { throw error.claimFileErrors(file: path) }
        let lines = document.keyLines, top = document.root
        var errors: [ClaimFileError] = []
        func report(_ key: String, _ problem: ClaimFileError.Problem) {
            errors.append(ClaimFileError(file: path, line: lines.line(for: key), key: key, problem: problem))
        }
        for key in top.keys.sorted() where !["sweep", "set", "grid"].contains(key) {
            report(key, .unknownKey(suggestion: KeySuggestion.closest(to: key, among: ["sweep", "set", "grid"])))
        }
        guard case let .table(sweep)? = top["sweep"] else {
            report("sweep", .missingKey)
            throw ClaimFileErrors(errors)
        }
        for key in sweep.keys.sorted() where !Self.sweepKeys.contains(key) {
            report("sweep.\(key)", .unknownKey(suggestion: KeySuggestion.closest(to: key, among: Self.sweepKeys)))
        }
        func string(_ key: String, required: Bool) -> String? {
            switch sweep[key] {
            case let .string(value)?: return value
            case nil: if required { report("sweep.\(key)", .missingKey) }; return nil
            case let other?: report("sweep.\(key)", .wrongType(expected: "a string", found: other.typeDescription))
                return nil
            }
        }
        func strings(_ key: String, required: Bool) -> [String] {
            guard let node = sweep[key] else { if required { report("sweep.\(key)", .missingKey) }; return [] }
            guard case let .array(items) = node else {
                report("sweep.\(key)", .wrongType(expected: "an array of strings", found: node.typeDescription))
                return []
            }
            var values: [String] = []
            for item in items {
                guard case let .string(value) = item else {
                    report("sweep.\(key)", .wrongType(expected: "an array of strings", found: "an array holding \(item.typeDescription)"))
                    return []
                }
                values.append(value)
            }
            if required && values.isEmpty { report("sweep.\(key)", .invalidValue("name at least one")) }
            return values
        }
        let claimPath = string("claim", required: true)
        let caption = string("caption", required: true) ?? ""
        let label = string("label", required: false) ?? ""
        let quantities = strings("quantities", required: true)
        let rows = strings("rows", required: false)
        let quantityLabels = strings("quantity_labels", required: false)
        if !quantityLabels.isEmpty && quantityLabels.count != quantities.count {
            report("sweep.quantity_labels", .invalidValue("give one label per quantity (\(quantities.count))"))
        }
        let reduceOver = string("reduce_over", required: false)
        var digits = 3
        if let node = sweep["significant_digits"] {
            if case let .integer(value) = node, (1...20).contains(value) { digits = value } else {
                report("sweep.significant_digits", .outOfRange(value: node.shortText, allowed: "an integer 1 … 20"))
            }
        }
        var grid: [String: TOMLNode] = [:]
        switch top["grid"] {
        case let .table(entries)?: grid = entries
        case nil: report("grid", .missingKey)
        case let other?: report("grid", .wrongType(expected: "a table", found: other.typeDescription))
        }
        var precisions: [Int] = []
        if let node = grid.removeValue(forKey: SweepSpec.precisionKey) {
            if case let .array(items) = node, !items.isEmpty, items.allSatisfy({
                if case let .integer(bits) = $0 { return ClaimFileParser.precisionRange.contains(bits) } else { return false }
            }) {
                precisions = items.compactMap { if case let .integer(bits) = $0 { return bits } else { return nil } }
            } else {
                report("grid.precision", .outOfRange(value: node.shortText,
                                                     allowed: "a non-empty array of integers \(ClaimFileParser.precisionRange.lowerBound) … \(ClaimFileParser.precisionRange.upperBound)"))
            }
        }
        for (key, node) in grid {
            if case let .array(items) = node, !items.isEmpty { continue }
            report("grid.\(key)", .emptyGrid)
        }
        var sets: [String: TOMLNode] = [:]
        switch top["set"] {
        case let .table(entries)?: sets = entries
        case nil: break
        case let other?: report("set", .wrongType(expected: "a table", found: other.typeDescription))
        }
        for key in sets.keys.sorted() {
            let parts = key.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count != 2 || !ClaimFileParser.sectionKeys.contains(String(parts[0])) || parts[1].isEmpty {
                report("set", .invalidValue("\"\(key)\" must be section.key with a section of "
                                            + ClaimFileParser.sectionKeys.joined(separator: ", ")))
            }
        }
        guard errors.isEmpty, let claimPath else { throw ClaimFileErrors(errors) }

        let folder = (path as NSString).deletingLastPathComponent
        let resolved = claimPath.hasPrefix("/") ? claimPath : (folder as NSString).appendingPathComponent(claimPath)
        let claimDocument = try readClaim(resolved, sweepFile: path, line: lines.line(for: "sweep.claim"))
        var claim = claimDocument.root
        var claimGrid: [String: TOMLNode] = [:]
        if case let .table(entries)? = claim["grid"] { claimGrid = entries }
        for (key, values) in grid { claimGrid[key] = values }
        claim["grid"] = .table(claimGrid)
        for (key, value) in sets {
            let parts = key.split(separator: ".").map(String.init)
            var section: [String: TOMLNode] = [:]
            if case let .table(entries)? = claim[parts[0]] { section = entries }
            section[parts[1]] = value
            claim[parts[0]] = .table(section)
        }
        return SweepSpec(file: path, claimFile: resolved, caption: caption, label: label, quantities: quantities,
                         quantityLabels: quantityLabels, rows: rows, reduceOver: reduceOver, significantDigits: digits, precisions: precisions,
                         derivedClaim: .table(claim), sweepLines: lines, claimLines: claimDocument.keyLines,
                         gridKeys: Set(grid.keys), setKeys: Array(sets.keys))
    }

    /// The claims a sweep runs: the derived claim once per precision (once when the sweep varies none; then without
    /// escalation, so that each row holds the numbers at its precision), each validated like a claim file. Their ids get a `-<bits>bits` suffix when the precision varies.
    ///
    /// - Throws: `ClaimFileErrors` naming the claim file "as modified by" the sweep file.
    public func claims(of sweep: SweepSpec) throws(ClaimFileErrors) -> [ClaimSpec] {
        guard case let .table(base) = sweep.derivedClaim else { return [] }
        let folder = (sweep.claimFile as NSString).deletingLastPathComponent
        let label = "\(sweep.claimFile) (as modified by \(sweep.file))"
        let runs: [Int?] = sweep.precisions.isEmpty ? [nil] : sweep.precisions.map { $0 }
        var claims: [ClaimSpec] = []
        for bits in runs {
            var claim = base
            if let bits {
                var numerics: [String: TOMLNode] = [:]
                if case let .table(entries)? = claim["numerics"] { numerics = entries }
                // A precision sweep asks for the numbers at each precision: no escalation (an undecided margin stays
                // INCONCLUSIVE in the verdict column).
                numerics["precision"] = .integer(bits)
                numerics["max_precision"] = .integer(bits)
                claim["numerics"] = .table(numerics)
                if case let .string(id)? = claim["id"] { claim["id"] = .string("\(id)-\(bits)bits") }
            }
            do {
                claims.append(try claimParser.parse(text: TOMLNode.table(claim).documentText, file: label,
                                                    baseDirectory: folder))
            } catch {
                throw ClaimFileErrors(error.errors.map { Self.locate($0, sweep: sweep, label: label) })
            }
        }
        return claims
    }

    /// A problem of the derived claim, placed where its key is written: in the sweep file when the sweep's `[grid]`
    /// or `[set]` gives the key (with that line), else in the claim file (with its line there).
    static func locate(_ problem: ClaimFileError, sweep: SweepSpec, label: String) -> ClaimFileError {
        guard let key = problem.key else { return ClaimFileError(file: label, line: nil, key: nil, problem: problem.problem) }
        let base = String(key.prefix { $0 != "[" })
        if base == "grid" || (base.hasPrefix("grid.") && sweep.gridKeys.contains(String(base.dropFirst(5)))) {
            return ClaimFileError(file: sweep.file, line: sweep.sweepLines?.line(for: key), key: key, problem: problem.problem)
        }
        if let set = sweep.setKeys.first(where: { base == $0 || base.hasPrefix($0 + ".") }) {
            return ClaimFileError(file: sweep.file, line: sweep.sweepLines?.line(for: "set.\(set)"),
                                  key: "set.\"\(set)\"", problem: problem.problem)
        }
        return ClaimFileError(file: label, line: sweep.claimLines?.line(for: key), key: key, problem: problem.problem)
    }

    /// The claim file a sweep names, read through the TOML front-end; a file that cannot be read is a problem of
    /// the sweep's `claim` key.
    private func readClaim(_ path: String, sweepFile: String, line: Int?) throws(ClaimFileErrors) -> TOMLDocument {
        do { return try TOMLDocument.read(file: path) } catch {
            guard case let .unreadable(reason) = error else { throw error.claimFileErrors(file: path) }
            throw ClaimFileErrors([ClaimFileError(file: sweepFile, line: line, key: "sweep.claim",
                                                  problem: .unreadable(reason: "the claim file \(path) cannot be read: \(reason)"))])
        }
    }
}
