extension BadClaimFile {
    /// A valid exact SGD conjecture: a minibatch S and label noise N redrawn at every step.
    public static let validConjectureDraw = """
        id = "bad-conjecture-draw"
        title = "A drawn-data conjecture with one problem"
        statement = "s"

        [symbols]
        X = { shape = [2, 4], data = "random", seed = 1 }
        Y = { shape = [1, 4], data = "random", seed = 2 }
        S = { shape = [4, 2], draw = "minibatch", sampling = "with-replacement" }
        N = { shape = [1, 2], draw = "rademacher", scale = "1/4" }
        W = { shape = [1, 2], init = "random", seed = 3 }

        [dynamics]
        gradient-descent = "1/2 norm2(W X S - (Y S + N))"
        step_size = "1/10"
        steps = 2
        arithmetic = "exact"

        [[property]]
        at = "1/2 norm2(W X - Y) >= 0"
        step = 2
        """

    static func drawConjecture(_ old: String, _ new: String) -> String {
        precondition(validConjectureDraw.contains(old), "BadClaimFile: \(old) is not in the draw template")
        return validConjectureDraw.replacingOccurrences(of: old, with: new)
    }

    /// One conjecture file per problem of a `draw = …` symbol.
    public static let conjectureDraws: [BadClaimFile] = [
        BadClaimFile(name: "draw: unknown law", toml: drawConjecture("draw = \"minibatch\"", "draw = \"minibach\""),
                     dataFiles: [:], key: "symbols.S.draw", lineMarker: "S =", fragment: "draw is one of"),
        BadClaimFile(name: "draw: unknown sampling", toml: drawConjecture("\"with-replacement\"", "\"replacement\""),
                     dataFiles: [:], key: "symbols.S.sampling", lineMarker: "S =", fragment: "sampling is one of"),
        BadClaimFile(name: "draw: sampling without a minibatch", toml: drawConjecture("draw = \"rademacher\"", "draw = \"rademacher\", sampling = \"epochs\""),
                     dataFiles: [:], key: "symbols.N.sampling", lineMarker: "N =", fragment: "belongs to draw = \"minibatch\""),
        BadClaimFile(name: "draw: with data", toml: drawConjecture("draw = \"rademacher\"", "draw = \"rademacher\", data = \"zeros\""),
                     dataFiles: [:], key: "symbols.N", lineMarker: "N =", fragment: "without `data` or `init`"),
        BadClaimFile(name: "draw: no shape", toml: drawConjecture("N = { shape = [1, 2], ", "N = { "),
                     dataFiles: [:], key: "symbols.N.shape", lineMarker: "N =", fragment: "missing key"),
        BadClaimFile(name: "draw: a minibatch that is not a matrix", toml: drawConjecture("S = { shape = [4, 2]", "S = { shape = [4]"),
                     dataFiles: [:], key: "symbols.S.shape", lineMarker: "S =", fragment: "selection matrix"),
        BadClaimFile(name: "draw: batch larger than the samples", toml: drawConjecture("sampling = \"with-replacement\"", "sampling = \"epochs\"")
                        .replacingOccurrences(of: "S = { shape = [4, 2]", with: "S = { shape = [4, 5]")
                        .replacingOccurrences(of: "Y S + N", with: "Y S")
                        .replacingOccurrences(of: "N = { shape = [1, 2], draw = \"rademacher\", scale = \"1/4\" }\n", with: ""),
                     dataFiles: [:], key: "symbols.S", lineMarker: "S =", fragment: "batch ≤ samples"),
        BadClaimFile(name: "draw: under a flow", toml: drawConjecture("gradient-descent = ", "gradient-flow = ")
                        .replacingOccurrences(of: "step_size = \"1/10\"\nsteps = 2\narithmetic = \"exact\"", with: "horizon = 1")
                        .replacingOccurrences(of: "step = 2", with: "time = 1"),
                     dataFiles: [:], key: "symbols.S.draw", lineMarker: "S =", fragment: "needs a map or gradient-descent"),
        BadClaimFile(name: "draw: in an init expression", toml: drawConjecture("W = { shape = [1, 2], init = \"random\", seed = 3 }", "W = { shape = [1, 2], init = \"N\" }"),
                     dataFiles: [:], key: "symbols.W.init", lineMarker: "W =", fragment: "cannot give the value of W"),
    ]
}
