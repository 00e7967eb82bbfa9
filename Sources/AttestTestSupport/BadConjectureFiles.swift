import Foundation

extension BadClaimFile {
    /// A valid conjecture (a gradient flow of a linear two-layer network and its balancedness invariant) to start
    /// from.
    public static let validConjecture = """
        id = "bad-conjecture"
        title = "A conjecture with one problem"
        statement = "s"

        [symbols]
        X  = { shape = ["d0", "m"], data = "random", seed = 1 }
        Y  = { shape = ["d2", "m"], data = "random", seed = 2 }
        W1 = { shape = ["d1", "d0"], init = "random", scale = "1/2" }
        W2 = { shape = ["d2", "d1"], init = "random", scale = "1/2" }

        [dynamics]
        gradient-flow = "1/2 norm2(W2 W1 X - Y)"
        horizon = 1
        output_times = 4

        [[property]]
        invariant = "tr(W2' W2) - tr(W1 W1')"

        [grid]
        d0 = [2]
        d1 = [2]
        d2 = [2]
        m = [3]
        """

    /// A valid conjecture map (OMWU) to start from.
    public static let validConjectureMap = """
        id = "bad-conjecture-map"
        title = "A conjecture map with one problem"
        statement = "s"

        [symbols]
        A = { data = [[0, 1, -2], [-1, 0, 3], [2, -3, 0]] }
        x = { shape = [3], init = "uniform" }
        y = { shape = [3], init = "uniform" }

        [parameters]
        eta = "1/10"

        [dynamics]
        map.x = "normalize(x ∘ exp(-eta (2 A y - A prev(y))))"
        map.y = "normalize(y ∘ exp(eta (2 A' x - A' prev(x))))"
        steps = 20

        [[property]]
        monotone = "max(A' x) - min(A y)"
        direction = "non-increasing"
        from_step = 10
        """

    static func conjecture(_ old: String, _ new: String, map: Bool = false) -> String {
        let template = map ? validConjectureMap : validConjecture
        precondition(template.contains(old), "BadClaimFile: \(old) is not in the conjecture template")
        return template.replacingOccurrences(of: old, with: new)
    }

    /// One conjecture file per kind of problem the front-end finds (TOML structure, keys, values, instances).
    public static let conjectureFrontEnd: [BadClaimFile] = [
        BadClaimFile(name: "conjecture: unknown top-level key", toml: conjecture("[grid]", "[gird]"), dataFiles: [:],
                     key: "gird", lineMarker: "[gird]", fragment: "did you mean 'grid'?"),
        BadClaimFile(name: "conjecture: unknown symbol key", toml: conjecture("scale = \"1/2\" }\nW2", "scael = \"1/2\" }\nW2"),
                     dataFiles: [:], key: "symbols.W1.scael", lineMarker: "W1 =", fragment: "did you mean 'scale'?"),
        BadClaimFile(name: "conjecture: symbol with both data and init",
                     toml: conjecture("init = \"random\", scale = \"1/2\" }\nW2", "init = \"random\", data = \"zeros\" }\nW2"),
                     dataFiles: [:], key: "symbols.W1", lineMarker: "W1 =", fragment: "not both"),
        BadClaimFile(name: "conjecture: a float where an exact number is needed", toml: conjecture("horizon = 1", "horizon = 0.1"),
                     dataFiles: [:], key: "dynamics.horizon", lineMarker: "horizon", fragment: "TOML float"),
        BadClaimFile(name: "conjecture: missing horizon", toml: conjecture("horizon = 1\n", ""),
                     dataFiles: [:], key: "dynamics.horizon", lineMarker: "[dynamics]", fragment: "missing key"),
        BadClaimFile(name: "conjecture: two dynamics", toml: conjecture("horizon = 1", "horizon = 1\nflow.W1 = \"W1\""),
                     dataFiles: [:], key: "dynamics", lineMarker: "[dynamics]", fragment: "exactly one of"),
        BadClaimFile(name: "conjecture: unknown dynamics key", toml: conjecture("output_times = 4", "output_time = 4"),
                     dataFiles: [:], key: "dynamics.output_time", lineMarker: "output_time", fragment: "did you mean 'output_times'?"),
        BadClaimFile(name: "conjecture: a map variable without an update",
                     toml: conjecture("map.y = \"normalize(y ∘ exp(eta (2 A' x - A' prev(x))))\"\n", "", map: true),
                     dataFiles: [:], key: "dynamics.map", lineMarker: "[dynamics]", fragment: "the variable 'y' has no update"),
        BadClaimFile(name: "conjecture: a map update of a constant",
                     toml: conjecture("steps = 20", "steps = 20\nmap.A = \"A\"", map: true),
                     dataFiles: [:], key: "dynamics.map.A", lineMarker: "map.A", fragment: "constant data, not a variable"),
        BadClaimFile(name: "conjecture: property without a statement", toml: conjecture("invariant = \"tr", "name = \"p\"\ninvariantt = \"tr"),
                     dataFiles: [:], key: "property[0]", lineMarker: "[[property]]", fragment: "state what the property is"),
        BadClaimFile(name: "conjecture: property key of another statement",
                     toml: conjecture("invariant = \"tr(W2' W2) - tr(W1 W1')\"", "invariant = \"tr(W2' W2) - tr(W1 W1')\"\ndirection = \"decreasing\""),
                     dataFiles: [:], key: "property[0].direction", lineMarker: "direction", fragment: "does not belong to a `invariant` property"),
        BadClaimFile(name: "conjecture: monotone without a direction",
                     toml: conjecture("direction = \"non-increasing\"\n", "", map: true),
                     dataFiles: [:], key: "property[0].direction", lineMarker: "[[property]]", fragment: "missing key"),
        BadClaimFile(name: "conjecture: unknown direction",
                     toml: conjecture("direction = \"non-increasing\"", "direction = \"non-increasng\"", map: true),
                     dataFiles: [:], key: "property[0].direction", lineMarker: "direction", fragment: "did you mean \"non-increasing\"?"),
        BadClaimFile(name: "conjecture: from_time on a map",
                     toml: conjecture("from_step = 10", "from_time = \"1/2\"", map: true),
                     dataFiles: [:], key: "property[0].from_time", lineMarker: "from_time", fragment: "use from_step"),
        BadClaimFile(name: "conjecture: a bound that is not a relation",
                     toml: conjecture("invariant = \"tr(W2' W2) - tr(W1 W1')\"", "bound = \"tr(W2' W2)\""),
                     dataFiles: [:], key: "property[0].bound", lineMarker: "bound", fragment: "is not one relation"),
        BadClaimFile(name: "conjecture: dimension not bound by any instance", toml: conjecture("\nm = [3]", ""),
                     dataFiles: [:], key: "grid", lineMarker: "[grid]", fragment: "the dimension 'm' (in the shape of X) is not bound"),
        BadClaimFile(name: "conjecture: grid key that nothing uses", toml: conjecture("m = [3]", "m = [3]\netaa = [\"1/2\"]"),
                     dataFiles: [:], key: "grid.etaa", lineMarker: "etaa", fragment: "unknown key"),
        BadClaimFile(name: "conjecture: missing data file",
                     toml: conjecture("X  = { shape = [\"d0\", \"m\"], data = \"random\", seed = 1 }", "X  = { shape = [\"d0\", \"m\"], data = \"data/x.csv\" }"),
                     dataFiles: [:], key: "symbols.X.data", lineMarker: "X  =", fragment: "data file data/x.csv: no such file"),
        BadClaimFile(name: "conjecture: random symbol without a shape",
                     toml: conjecture("X  = { shape = [\"d0\", \"m\"], data = \"random\", seed = 1 }", "X  = { data = \"random\", seed = 1 }"),
                     dataFiles: [:], key: "symbols.X.shape", lineMarker: "X  =", fragment: "missing key"),
        BadClaimFile(name: "conjecture: exact arithmetic for a flow", toml: conjecture("horizon = 1", "horizon = 1\narithmetic = \"exact\""),
                     dataFiles: [:], key: "dynamics.arithmetic", lineMarker: "arithmetic", fragment: "a flow cannot run in exact arithmetic"),
    ]

    /// One conjecture file per kind of problem the language core finds in an expression (with its column).
    public static let conjectureLanguage: [BadClaimFile] = [
        BadClaimFile(name: "conjecture: unknown function with a suggestion", toml: conjecture("W2 W1 X - Y", "W2 tahn(W1 X) - Y"),
                     dataFiles: [:], key: "dynamics.gradient-flow", lineMarker: "gradient-flow",
                     fragment: "column 14: unknown name 'tahn' (did you mean tanh?)"),
        BadClaimFile(name: "conjecture: a property over a name that does not exist", toml: conjecture("tr(W1 W1')", "tr(W3 W1')"),
                     dataFiles: [:], key: "property[0].invariant", lineMarker: "invariant",
                     fragment: "column 17: unknown name 'W3' (did you mean W1?)"),
        BadClaimFile(name: "conjecture: shape mismatch naming both shapes", toml: conjecture("W2 W1 X - Y", "W1 W2 X - Y"),
                     dataFiles: [:], key: "dynamics.gradient-flow", lineMarker: "gradient-flow",
                     fragment: "column 11: shape mismatch in a product: d1×d0 times d2×d1"),
        BadClaimFile(name: "conjecture: a non-differentiable loss", toml: conjecture("W2 W1 X - Y)\"", "W2 W1 X - Y) + max(W1)\""),
                     dataFiles: [:], key: "dynamics.gradient-flow", lineMarker: "gradient-flow", fragment: "column 26: max"),
        BadClaimFile(name: "conjecture: the right side of a relation, column counted in the whole text",
                     toml: conjecture("invariant = \"tr(W2' W2) - tr(W1 W1')\"", "bound = \"tr(W1 W1') <= foo(W1)\""),
                     dataFiles: [:], key: "property[0].bound", lineMarker: "bound",
                     fragment: "column 15: unknown name 'foo'"),
        BadClaimFile(name: "conjecture: a stopping rule over a matrix", toml: conjecture("horizon = 1", "horizon = 1\nstop_when = \"W1 <= 1\""),
                     dataFiles: [:], key: "dynamics.stop_when", lineMarker: "stop_when", fragment: "a stopping rule compares scalars"),
        BadClaimFile(name: "conjecture: an init expression of the wrong shape",
                     toml: conjecture("W2 = { shape = [\"d2\", \"d1\"], init = \"random\", scale = \"1/2\" }", "W2 = { shape = [\"d2\", \"d1\"], init = \"W1 + 1\" }"),
                     dataFiles: [:], key: "symbols.W2.init", lineMarker: "W2 =", fragment: "column 1: a sum of d1×d0 and a scalar"),
        BadClaimFile(name: "conjecture: inline data of the wrong size for the instance",
                     toml: conjecture("X  = { shape = [\"d0\", \"m\"], data = \"random\", seed = 1 }", "X  = { shape = [\"d0\", \"m\"], data = [[1, 2], [3, 4]] }"),
                     dataFiles: [:], key: "symbols.X.data", lineMarker: "X  =", fragment: "the values (inline) are 2×2, but the shape of X is 2×3 here"),
        BadClaimFile(name: "conjecture: values given by expressions in a cycle", toml: """
            id = "cycle"
            title = "t"
            statement = "s"

            [symbols]
            a = { kind = "scalar", init = "b" }
            b = { kind = "scalar", init = "a" }

            [dynamics]
            flow.a = "-a"
            flow.b = "-b"
            horizon = 1

            [[property]]
            invariant = "a - b"
            """, dataFiles: [:], key: "symbols.a.init", lineMarker: "a = {", fragment: "(a, b) depend on each other in a cycle"),
        BadClaimFile(name: "conjecture: prev in a flow", toml: conjecture("W2 W1 X - Y", "W2 prev(W1) X - Y"),
                     dataFiles: [:], key: "dynamics.gradient-flow", lineMarker: "gradient-flow", fragment: "prev"),
    ]
}
