/// A claim kind whose verdict is statistical: a confidence interval over random draws (Clopper–Pearson for a
/// probability, Hoeffding or empirical Bernstein for a mean) decides it at the file's `confidence` level.
///
/// The engine evaluates such a kind once, whatever its `arithmetic`: every draw carries its own error estimate (at p
/// and p + g bits, `MonteCarloRun`), so there is no precision to escalate. Its verdict is evidence at that level,
/// never a proof, even where every draw is computed exactly: rigorous mode (`--rigorous`) leaves its PASS and FAIL as
/// they are and marks the instance "not available rigorously".
public protocol StatisticalClaimKind: ClaimKind {}
