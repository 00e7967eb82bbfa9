import Claims

/// Renders a report as a LaTeX `booktabs` table ready to paste into a paper: for each claim a heading row (id and
/// verdict), the line that says what was checked, the claim's own statement labelled as such, then one row per
/// instance with precision, verdict, and the margin and its error estimate in decimal-aligned siunitx `S` columns.
///
/// The table is exactly `\linewidth` wide (`tabular*`), so it fits a one-column A4 page and a column of a two-column
/// paper alike; `wide: true` puts it in a `table*` float that spans both columns. The caption is above the table and
/// it has a `\label` (`label`). The fragment needs `\usepackage{booktabs}` and `\usepackage{siunitx}`;
/// `standalone: true` wraps it in a complete document that pdflatex compiles as it is.
public struct LaTeXReportWriter: Sendable {
    /// Significant digits of the margin (the error gets 2).
    public var significantDigits: Int
    /// Whether to emit a complete document instead of a table fragment.
    public var standalone: Bool
    /// Whether to use `table*` (both columns of a two-column paper) instead of `table`.
    public var wide: Bool
    /// The `\label` of the table.
    public var label: String

    /// Creates the writer.
    public init(significantDigits: Int = 4, standalone: Bool = false, wide: Bool = false, label: String = "tab:attest") {
        self.significantDigits = significantDigits
        self.standalone = standalone
        self.wide = wide
        self.label = label
    }

    /// The LaTeX text.
    public func render(_ report: Report) -> String {
        var out: [String] = []
        if standalone {
            out += ["\\documentclass{article}", "\\usepackage[T1]{fontenc}", "\\usepackage{amsmath,amssymb}",
                    "\\usepackage{booktabs}", "\\usepackage{siunitx}", "\\usepackage[a4paper,margin=2.5cm]{geometry}",
                    "\\begin{document}"]
        } else {
            out.append("% Attest report table: needs \\usepackage{booktabs}, \\usepackage{siunitx} and amsmath.")
        }
        out.append("% \(Self.escape(report.tool.name)) \(Self.escape(report.tool.version)), \(report.time)"
                   + (report.complete ? "" : " -- INCOMPLETE: the run was interrupted"))
        let float = wide ? "table*" : "table"
        out.append("\\begin{\(float)}[htbp]")
        out.append("\\centering")
        out.append("\\footnotesize")
        out.append("\\setlength{\\tabcolsep}{3pt}")
        out.append("\\caption{" + (report.incompleteness.map { "\\textbf{\(Self.escape($0))} " } ?? "")
                   + "Attest: \(report.summary.met) of \(report.summary.claims) claims met their expectation. "
                   + "Margin $\\geq 0$ means the claim holds; the error is the difference between two precisions; "
                   + "N/A: not applicable (outside the theorem's hypotheses).}")
        out.append("\\label{\(label)}")
        out.append("\\begin{tabular*}{\\linewidth}{@{\\extracolsep{\\fill}}rllS[table-format=-1.\(max(significantDigits - 1, 0))e-3]"
                   + "S[table-format=1.1e-3]@{}}")
        out.append("\\toprule")
        out.append("\\# & Bits & Verdict & {Margin} & {Error} \\\\")
        out.append("\\midrule")
        let full = "@{}p{\\linewidth}@{}"
        for (c, claim) in report.claims.enumerated() {
            if c > 0 { out.append("\\addlinespace") }
            let verdict = claim.expected == .fail && claim.verdict == .fail && claim.complete ? "FAIL (expected)"
                : claim.displayVerdict + (claim.expected == .fail ? " (expected FAIL)" : "")
            let id = Self.escape(claim.id).replacingOccurrences(of: "-", with: "-\\allowbreak{}")
            out.append("\\multicolumn{5}{\(full)}{\\raggedright\\textbf{\\texttt{\(id)}}: \\textbf{\(Self.escape(verdict))}} \\\\")
            for line in claim.checkedLines {
                out.append("\\multicolumn{5}{\(full)}{\\raggedright \(LaTeXMath.mixed(line))} \\\\")
            }
            let statement = claim.statementLatex.map { "$\($0)$" } ?? LaTeXMath.mixed(claim.statement)
            out.append("\\multicolumn{5}{\(full)}{\\raggedright claim (the file's statement): \(statement)} \\\\")
            for instance in claim.instances {
                let margin = instance.marginExact.map { Self.numeric(ReadableNumber.text(exact: $0)) }
                    ?? instance.margin.map { Self.numeric(SignificantDigits.scientific($0, digits: significantDigits)) } ?? "{--}"
                let error = instance.marginExact != nil ? "0"
                    : instance.marginError.map { Self.numeric(SignificantDigits.scientific($0, digits: 2, rounding: .up)) } ?? "{--}"
                let cells = [
                    "\(instance.index)",
                    instance.precisionBits.map(String.init) ?? "exact",
                    instance.verdict.isViolation || instance.verdict.holds ? "\\textbf{\(instance.verdict.rawValue)}"
                        : instance.verdict == .notApplicable ? "N/A" : Self.escape(instance.verdict.rawValue),
                    margin, error,
                ]
                out.append(cells.joined(separator: " & ") + " \\\\")
            }
            for line in claim.search?.lines ?? [] {       // the search or threshold, one row per fact
                out.append("\\texttt{\(Self.escape(claim.id))} & \\multicolumn{6}{l}{\\footnotesize \(Self.escape(line))} \\\\")
            }
        }
        out.append("\\bottomrule")
        out.append("\\end{tabular*}")
        out.append("\\end{\(float)}")
        if standalone { out.append("\\end{document}") }
        return out.joined(separator: "\n") + "\n"
    }

    /// A number for an `S` column: a decimal as it is, anything else (a fraction `1/3`) in braces as text.
    static func numeric(_ text: String) -> String {
        text.allSatisfy { "0123456789.-+e".contains($0) } ? text : "{$\(text)$}"
    }

    /// Escapes text for LaTeX: the ten special characters, common mathematical glyphs (Greek letters, ‖, ≤, ⊙,
    /// superscript digits …) as `\\ensuremath` macros, and other non-ASCII characters as `?`.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "_", "&", "%", "$", "#": out += "\\" + String(scalar)
            case "^": out += "\\textasciicircum{}"
            case "~": out += "\\textasciitilde{}"
            case "−": out += "-"
            case "…": out += "\\ldots{}"
            default:
                if scalar.isASCII {
                    out += String(scalar)
                } else if let macro = mathGlyphs[scalar] {
                    out += "\\ensuremath{\(macro)}"
                } else {
                    out += "?"
                }
            }
        }
        return out
    }

    /// Math-mode LaTeX for the non-ASCII glyphs that claim statements and axis labels use.
    static let mathGlyphs: [Unicode.Scalar: String] = [
        "α": "\\alpha", "β": "\\beta", "γ": "\\gamma", "δ": "\\delta", "ε": "\\varepsilon", "η": "\\eta",
        "θ": "\\theta", "κ": "\\kappa", "λ": "\\lambda", "μ": "\\mu", "ν": "\\nu", "ξ": "\\xi", "π": "\\pi",
        "ρ": "\\rho", "σ": "\\sigma", "τ": "\\tau", "φ": "\\varphi", "χ": "\\chi", "ψ": "\\psi",
        "ω": "\\omega", "Γ": "\\Gamma", "Δ": "\\Delta", "Σ": "\\Sigma", "Φ": "\\Phi", "Ω": "\\Omega",
        "‖": "\\|", "≤": "\\leq", "≥": "\\geq", "≠": "\\neq", "≈": "\\approx", "∞": "\\infty",
        "·": "\\cdot", "×": "\\times", "→": "\\to", "∈": "\\in", "⊙": "\\odot", "±": "\\pm",
        "∑": "\\sum", "∫": "\\int", "∂": "\\partial", "∇": "\\nabla", "ᵀ": "^{\\top}", "²": "^{2}",
        "³": "^{3}", "⁻": "^{-}", "¹": "^{1}", "ₖ": "_{k}", "ⱼ": "_{j}", "₀": "_{0}", "₁": "_{1}", "₂": "_{2}",
        "∗": "\\ast", "⋯": "\\cdots", "√": "\\surd", "ℓ": "\\ell", "ₙ": "_{n}", "ⁿ": "^{n}", "ᵏ": "^{k}",
        "½": "\\tfrac12", "⁴": "^{4}", "∘": "\\circ", "⟨": "\\langle", "⟩": "\\rangle", "𝓛": "\\mathcal{L}",
        "∀": "\\forall", "⁺": "^{+}", "ᵢ": "_{i}", "ₓ": "_{x}", "∠": "\\angle", "⋅": "\\cdot", "∪": "\\cup",
        "⊂": "\\subset", "𝟙": "\\mathbf{1}", "ζ": "\\zeta", "ϕ": "\\phi", "Ψ": "\\Psi", "Λ": "\\Lambda",
    ]
}
