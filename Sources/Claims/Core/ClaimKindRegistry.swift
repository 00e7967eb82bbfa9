/// The claim kinds that a run knows, by name.
///
/// `standard` holds every kind that ships with Attest. Later kinds are added here (one line each) or, from a
/// user's own code, with `adding(_:)`; the engine never changes.
public struct ClaimKindRegistry: Sendable {
    /// The kinds by name.
    public private(set) var kinds: [String: any ClaimKind]

    /// A registry with the given kinds.
    ///
    /// - Precondition: the names are distinct.
    public init(_ kinds: [any ClaimKind]) {
        var byName: [String: any ClaimKind] = [:]
        for kind in kinds {
            precondition(byName[kind.name] == nil, "ClaimKindRegistry: two kinds named \(kind.name)")
            byName[kind.name] = kind
        }
        self.kinds = byName
    }

    /// The kinds that ship with Attest.
    public static let standard = ClaimKindRegistry([
        DLNBalancednessStepKind(),
        DLNBalancednessDriftKind(),
        DLNGFBalancednessKind(),
        DLNGFLossMonotoneKind(),
        DLNGDConvergenceRateKind(),
        DLNGFGlobalMinimumKind(),
        DLNGFConvergenceRateKind(),
        DLNGDGlobalMinimumKind(),
        SymbolicIdentityKind(),
        DiagonalNetworkImplicitBiasKind(),
        DiagonalNetworkL1LimitKind(),
        DiagonalNetworkShapeKind(),
        DeepMatrixFactorizationSpectrumKind(),
        DeepMatrixFactorizationClosedFormKind(),
        DeepMatrixFactorizationIncrementalKind(),
        MatrixFactorizationNuclearNormKind(),
        RiemannianProductFlowKind(),
        OMWUKLKind(),
        PBLPolarIdentityKind(),
        LyuLiMarginKind(),
        PBLTimeChangeKind(),
        ReLUFiniteSampleFitKind(),
        CoarseGradientCorrelationKind(),
        DHLLayerNormKind(),
        PBLCriticalPointsKind(),
        MirrorDescentMatrixSensingKind(),
        BuresWassersteinKind(),
        DLNSGDBalancednessStepKind(),
        DLNSGDGlobalMinimumKind(),
        DiagonalNetworkSGDL1Kind(),
        ConjectureKind(),
    ])

    /// This registry with one more kind.
    public func adding(_ kind: any ClaimKind) -> ClaimKindRegistry {
        ClaimKindRegistry(Array(kinds.values) + [kind])
    }

    /// The kind called `name`.
    public func kind(named name: String) -> (any ClaimKind)? { kinds[name] }

    /// The names, sorted.
    public var names: [String] { kinds.keys.sorted() }
}
