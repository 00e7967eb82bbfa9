extension NCPolynomial {
    /// The polynomial in LaTeX math mode: `W_2^\top W_2 - W_1 W_1^\top`, `\frac{1}{2} \eta^{2} G_1 G_1^\top`.
    ///
    /// Names with one letter print as themselves, Greek names as commands (`\eta`), longer names upright
    /// (`\mathrm{Grad}`); a numeric index becomes a subscript.
    public var latex: String { formatted(.latex) }
}
