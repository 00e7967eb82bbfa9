/// How symbolic values and expressions print.
///
/// | notation | example |
/// |---|---|
/// | `.unicode` | `W₂ᵀW₂ − W₁W₁ᵀ`, `η²tr(W₁ᵀW₁)` |
/// | `.plain` | `W2' W2 - W1 W1'`, `eta^2 tr(W1' W1)` (the ASCII claim-file syntax) |
/// | `.latex` | `W_2^\top W_2 - W_1 W_1^\top`, `\eta^{2} \mathrm{tr}(W_1^\top W_1)` |
///
/// Every notation parses back to the same value (LaTeX is for documents and is not parsed).
public enum Notation: String, Hashable, Sendable, CaseIterable {
    /// Unicode math: subscripts, ᵀ, superscripts, −.
    case unicode
    /// ASCII in the parse syntax.
    case plain
    /// LaTeX math mode.
    case latex
}
