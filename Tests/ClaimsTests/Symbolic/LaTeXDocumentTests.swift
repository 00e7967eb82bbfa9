import Foundation
import Testing
import Claims
@testable import Symbolic

/// A LaTeX document with the printed LaTeX of every shipped obligation. scripts/check-latex.sh sets
/// ATTEST_LATEX_OUTPUT, runs this test and compiles the file with pdflatex.
enum LaTeXDocument {
    static func make() throws -> String {
        var body: [String] = []
        for name in ShippedObligations.fileNames {
            body.append(try ShippedObligations.load(name).check().latexFragment)
        }
        return """
            \\documentclass[10pt]{article}
            \\usepackage[T1]{fontenc}
            \\setlength{\\textwidth}{6.5in}
            \\setlength{\\oddsidemargin}{0in}
            \\title{Attest: symbolic proof obligations}
            \\date{}
            \\begin{document}
            \\maketitle
            Generated from proofs/symbolic by the Symbolic target's LaTeX printer.

            \(body.joined(separator: "\n\n"))
            \\end{document}

            """
    }
}

@Suite("LaTeX printing of the shipped obligations")
struct LaTeXDocumentTests {
    @Test("The document holds every obligation's declarations, statements and canonical forms, in plain ASCII")
    func document() throws {
        let document = try LaTeXDocument.make()
        let isASCII = document.allSatisfy { $0.isASCII }
        #expect(isASCII, "pdflatex without extra packages needs ASCII")
        #expect(document.contains("\\[ \\frac{d}{dt}\\left(W_2^\\top W_2 - W_1 W_1^\\top\\right) = 0 \\]"))
        #expect(document.contains("\\[ \\dot{W}_1 = -G_1 \\]"))
        #expect(document.contains("\\[ W_2 W_1 - W_1 W_2 \\]"))   // the commutativity obstruction
        #expect(document.components(separatedBy: "\\subsection*").count - 1 == ShippedObligations.fileNames.count)
        // Braces balance in every display.
        for line in document.split(separator: "\n") where line.hasPrefix("\\[") {
            #expect(line.filter { $0 == "{" }.count == line.filter { $0 == "}" }.count, "\(line)")
        }
        if let path = ProcessInfo.processInfo.environment["ATTEST_LATEX_OUTPUT"] {
            try document.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }

    @Test("The README's identity: one gradient-descent step, depth 2")
    func readmeIdentity() throws {
        let report = try ShippedObligations.load("balancedness-gd-N2.toml").check()
        let result = report.results[0]
        #expect(result.claim.equation.latex == "\\left(W_2^\\top W_2 - W_1 W_1^\\top\\right)^{+} - \\left(W_2^\\top W_2 - W_1 W_1^\\top\\right) = \\eta^{2} \\left(G_2^\\top G_2 - G_1 G_1^\\top\\right)")
        #expect(result.proof?.lhs.latex == "-\\eta^{2} W_2^\\top E E^\\top W_2 + \\eta^{2} W_1 E^\\top E W_1^\\top")
        #expect(result.proof?.lhs == result.proof?.rhs)
        #expect(report.obligation.context.declarations(.latex) == [
            "G_1 = W_2^\\top E", "G_2 = E W_1^\\top", "W_1^{+} = W_1 - \\eta G_1", "W_2^{+} = W_2 - \\eta G_2",
        ])
    }
}
