// What each built-in kind checks, in its own words (`ClaimKind.checked`): the line that reports print beside every
// verdict, so that a PASS or FAIL is read against what was computed, not against the claim file's statement.

extension InstanceParameters {
    /// The parameter as written in reports (`1/128`, `[3, 4, 2]`), or `fallback` when absent: for the `checked` lines
    /// of parameters that are not declared as typed `Parameter`s (the shared statistical ones).
    func written(_ name: String, or fallback: String) -> String { values[name]?.reportText ?? fallback }
}
