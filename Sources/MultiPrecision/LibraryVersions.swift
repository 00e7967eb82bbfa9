import CGMP
import CMPFR

/// The versions of the GMP and MPFR libraries that this process is linked against.
public enum LibraryVersions {
    /// GMP's version string, for example `"6.2.1"`.
    public static var gmp: String { String(cString: __gmp_version) }
    /// MPFR's version string, for example `"4.2.0"`.
    public static var mpfr: String { String(cString: mpfr_get_version()) }
    /// Whether MPFR keeps its caches and exception flags thread-local (required for concurrent use).
    public static var mpfrIsThreadSafe: Bool { cmpfr_buildopt_tls_p() != 0 }
}
