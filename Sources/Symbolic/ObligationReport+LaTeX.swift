extension ObligationReport {
    /// The report as a LaTeX fragment for a document body (needs no package beyond LaTeX itself): the obligation's
    /// declarations, then for each identity its statement as written, its canonical sides and, when refuted, the
    /// obstruction. scripts/check-latex.sh compiles the fragments of every shipped obligation with pdflatex.
    public var latexFragment: String {
        var lines: [String] = []
        let verdict = metExpectation ? "met" : "not met"
        lines.append("\\subsection*{\\texttt{\(Self.latexText(obligation.id))} (expected \(obligation.expectation.rawValue): \(verdict))}")
        let declarations = obligation.context.declarations(.latex)
        if !declarations.isEmpty {
            lines.append("Declarations:")
            for d in declarations { lines.append("\\[ \(d) \\]") }
        }
        for result in results {
            let name = result.claim.name.isEmpty ? "Identity" : Self.latexText(result.claim.name)
            lines.append("\\paragraph{\(name).} As stated:")
            lines.append("\\[ \(result.claim.equation.latex) \\]")
            guard let proof = result.proof else {
                lines.append("Not evaluable.")
                continue
            }
            lines.append("Canonical forms of the two sides:")
            lines.append("\\[ \(proof.lhs.latex) = \(proof.rhs.latex) \\]")
            if !proof.isProved {
                lines.append("Obstruction (canonical left side minus right side, not zero):")
                lines.append("\\[ \(proof.remainder.latex) \\]")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Escapes LaTeX's special characters in running text.
    static func latexText(_ text: String) -> String {
        var result = ""
        for c in text {
            switch c {
            case "\\": result += "\\textbackslash{}"
            case "#", "$", "%", "&", "_", "{", "}": result += "\\" + String(c)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            default: result.append(c)
            }
        }
        return result
    }
}
