import MultiPrecision

/// The parameters that the gradient-descent matrix-factorization presets share: N factors W_j(0) = αI, step size η.
enum FactorizationParameters {
    static let depth = Parameter<Int>("depth", .model, 1...8, default: 2, help: "the number N of factors")
    static let alpha = Parameter<Rational>.positive("alpha", .model, help: "the initialization scale: W_j(0) = αI")
    static let stepSize = Parameter<Rational>.positive("step_size", .dynamics, help: "the step size η")
}
