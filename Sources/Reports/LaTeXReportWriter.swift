import Claims

/// Renders a report as a LaTeX `booktabs` table ready to paste into a paper: one row per instance with claim,
/// parameters, precision, verdict and the margin with its error estimate, numbers through siunitx's `\num{}` with a
/// controlled number of significant digits.
///
/// The fragment needs `\usepackage{booktabs}` and `\usepackage{siunitx}`; `standalone: true` wraps it in a complete
/// document that pdflatex compiles as it is (it falls back to plain `\num` when siunitx is not installed).
public struct LaTeXReportWriter: Sendable {
    /// Significant digits of the margin (the error gets 2).
    public var significantDigits: Int
    /// Whether to emit a complete document instead of a table fragment.
    public var standalone: Bool

    /// Creates the writer.
    public init(significantDigits: Int = 4, standalone: Bool = false) {
        self.significantDigits = significantDigits
        self.standalone = standalone
    }

    /// The LaTeX text.
    public func render(_ report: Report) -> String {
        var out: [String] = []
        if standalone {
            out += ["\\documentclass{article}", "\\usepackage[T1]{fontenc}", "\\usepackage{booktabs}",
                    "\\IfFileExists{siunitx.sty}{\\usepackage{siunitx}}{}", "\\providecommand{\\num}[1]{\\texttt{#1}}",
                    "\\usepackage[margin=1.5cm,landscape]{geometry}", "\\begin{document}"]
        } else {
            out.append("% Attest report table: needs \\usepackage{booktabs} and \\usepackage{siunitx}.")
        }
        out.append("% \(Self.escape(report.tool.name)) \(Self.escape(report.tool.version)), \(report.time)"
                   + (report.complete ? "" : " -- INCOMPLETE: the run was interrupted"))
        out.append("\\begin{table}[htbp]")
        out.append("\\centering")
        out.append("\\small")
        out.append("\\begin{tabular}{llrllr@{\\,$\\pm$\\,}l}")
        out.append("\\toprule")
        out.append("Claim & Instance & Bits & Expected & Verdict & \\multicolumn{2}{c}{Margin $\\pm$ error} \\\\")
        out.append("\\midrule")
        for (c, claim) in report.claims.enumerated() {
            if c > 0 { out.append("\\addlinespace") }
            for instance in claim.instances {
                let margin = instance.margin.map { "\\num{\(SignificantDigits.round($0, digits: significantDigits))}" } ?? "--"
                let error = instance.marginError.map { "\\num{\(SignificantDigits.round($0, digits: 2))}" } ?? "--"
                let cells = [
                    "\\texttt{\(Self.escape(claim.id))}",
                    "\\#\(instance.index) \(Self.escape(instance.parameters["seed"].map { "seed \($0)" } ?? ""))",
                    instance.precisionBits.map(String.init) ?? "exact",
                    claim.expected.rawValue,
                    instance.verdict == .fail || instance.verdict == .pass ? "\\textbf{\(instance.verdict.rawValue)}"
                        : Self.escape(instance.verdict.rawValue),
                    margin, error,
                ]
                out.append(cells.joined(separator: " & ") + " \\\\")
            }
            for line in claim.search?.lines ?? [] {       // the search or threshold, one row per fact
                out.append("\\texttt{\(Self.escape(claim.id))} & \\multicolumn{6}{l}{\\footnotesize \(Self.escape(line))} \\\\")
            }
        }
        out.append("\\bottomrule")
        out.append("\\end{tabular}")
        out.append("\\caption{" + (report.incompleteness.map { "\\textbf{\(Self.escape($0))} " } ?? "")
                   + "Attest: \(report.summary.met) of \(report.summary.claims) claims met their expectation. "
                   + "Margin $\\geq 0$ means the claim holds; the error is the difference between two precisions.}")
        out.append("\\end{table}")
        if standalone { out.append("\\end{document}") }
        return out.joined(separator: "\n") + "\n"
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
        "½": "\\tfrac12", "⁴": "^{4}", "∘": "\\circ",
    ]
}
