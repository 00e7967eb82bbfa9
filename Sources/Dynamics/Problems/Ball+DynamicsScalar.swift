import MultiPrecision

/// `Ball` runs every vector field and map written against `DynamicsScalar` in ball arithmetic, unchanged: the
/// protocol has no comparisons, so a field written in it cannot branch on values, and every operation it uses has an
/// Arb enclosure. Constants from `init(_: Rational)` are enclosed (exact when dyadic). `Ball` is deliberately not an
/// `IntegrationScalar` (that protocol requires `Bool` comparisons, which balls cannot give honestly).
extension Ball: DynamicsScalar {}
