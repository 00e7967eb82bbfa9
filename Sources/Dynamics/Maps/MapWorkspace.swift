import Foundation

/// The preallocated work values of a map, kept between its steps so that a step allocates nothing: a run that takes
/// the lock reuses the cached values (or makes them anew for another scalar or precision); a run that finds them busy
/// (the same map iterated concurrently) works on fresh ones, with the same numbers.
public final class MapWorkspace: @unchecked Sendable {
    // Sendable: `cached` is only touched under `lock`.
    private let lock = NSLock()
    private var cached: AnyObject?

    /// An empty workspace: the first run makes the work values.
    public init() {}

    /// Runs `body` on the cached work values if `reusable` accepts them, else on new ones from `make`.
    public func run<Values: AnyObject>(_ make: () -> Values, reusable: (Values) -> Bool, _ body: (Values) -> Void) {
        guard lock.try() else { return body(make()) }
        defer { lock.unlock() }
        if let values = cached as? Values, reusable(values) { return body(values) }
        let values = make()
        cached = values
        body(values)
    }
}
