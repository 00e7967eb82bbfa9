import MultiPrecision

/// Helpers shared by Attest's test targets. Not part of the public library API.
public enum AttestTestSupport {}
