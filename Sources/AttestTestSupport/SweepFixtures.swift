/// A small exact claim (one GD step of a depth-2 linear network changes balancedness by exactly the η² term) for
/// the sweep tests of Claims and Reports: fast, and with a quantity that scales visibly with η.
public enum SweepFixtures {
    /// The claim file text; its grid has one instance, which sweeps replace.
    public static let gdStepClaim = """
        id = "gd-step"
        title = "One GD step changes D_j by exactly the η² term"
        kind = "dln-gd-balancedness-step"
        source = "docs/theory.md §1.4"
        statement = "D_j(t+1) − D_j(t) = η²(G_{j+1}ᵀG_{j+1} − G_jG_jᵀ)"

        [model]
        X = "random"
        Y = "random"
        samples = 3
        init_scale = "1/2"

        [dynamics]
        method = "gd"
        steps = 2

        [grid]
        widths = [[2, 3, 2]]
        seed = [1]
        step_size = ["1/100"]
        """
}
