// swift-tools-version: 6.0
// Attest: numerical and symbolic evidence for theorems about learning dynamics.
import PackageDescription

let package = Package(
    name: "Attest",
    products: [
        .library(name: "MultiPrecision", targets: ["MultiPrecision"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "Dynamics", targets: ["Dynamics"]),
        .library(name: "Symbolic", targets: ["Symbolic"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "Models", targets: ["Models"]),
        .library(name: "Conjectures", targets: ["Conjectures"]),
        .library(name: "Claims", targets: ["Claims"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "AttestCommands", targets: ["AttestCommands"]),
        .executable(name: "attest", targets: ["attest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // `swift package generate-documentation` (DocC catalogs in Sources/<Module>/<Module>.docc; `make docs-api`).
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // System libraries from Debian (libgmp-dev, libmpfr-dev), both linked statically: the module maps link
        // `:libmpfr.a` and `:libgmp.a` (the -dev packages install them; `-l:` is understood by ld, gold and lld).
        // For MPFR this removes the `__tls_get_addr` call of every operation on its thread-local flags; for GMP, the
        // call through the PLT of every mpn function in the Taylor engine's exact sums (0.971× the CPU of three
        // Taylor claim files, docs/benchmarks.md). The headers are in /usr/include, so no pkg-config (whose `-lmpfr`
        // or `-lgmp` would link the shared library first). FLINT/Arb still loads libmpfr.so and libgmp.so, but the
        // executable exports the MPFR and GMP functions it contains, so FLINT's calls to them bind to the static
        // copies: one MPFR instance (Tests/MultiPrecisionTests/MPFRInstanceTests.swift). GMP keeps no state that
        // FLINT and Attest share except its allocator, which both leave at GMP's default (malloc, realloc, free).
        .systemLibrary(name: "CGMP", providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "CMPFR", providers: [.apt(["libmpfr-dev"])]),
        // GLPK (libglpk-dev) has no pkg-config file on Debian: the module map links `glpk` directly.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // Arb (libflint-arb-dev, on FLINT from libflint-dev) has no pkg-config file either: ball arithmetic.
        .systemLibrary(name: "CArb", providers: [.apt(["libflint-arb-dev"])]),

        .target(
            name: "MultiPrecision",
            dependencies: [
                "CGMP", "CMPFR", "CArb",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .target(
            name: "LinearAlgebra",
            dependencies: ["MultiPrecision", "CMPFR", .product(name: "RealModule", package: "swift-numerics")]
        ),
        .target(
            name: "Dynamics",
            dependencies: [
                "MultiPrecision", "LinearAlgebra", "CMPFR", "CArb",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        // Exact proofs of matrix identities: pure algebra (its obligation files are read by the TOML front-end of
        // Claims).
        .target(
            name: "Symbolic",
            dependencies: ["MultiPrecision", "LinearAlgebra"]
        ),
        // Exact linear programs: GLPK's exact simplex finds the basis, Rational arithmetic certifies the optimum.
        .target(
            name: "LinearProgramming",
            dependencies: ["MultiPrecision", "LinearAlgebra", "CGLPK"]
        ),
        .target(
            name: "Models",
            dependencies: ["MultiPrecision", "LinearAlgebra", "Dynamics", "CMPFR", .product(name: "RealModule", package: "swift-numerics")]
        ),
        // Conjectures as data: the numeric expression language (shape checking, automatic gradients, flows and maps).
        .target(
            name: "Conjectures",
            dependencies: ["MultiPrecision", "LinearAlgebra", "Dynamics", "Symbolic", "CMPFR"]
        ),
        .target(
            name: "Claims",
            dependencies: [
                "MultiPrecision", "LinearAlgebra", "Models", "Symbolic", "Dynamics", "LinearProgramming", "Conjectures",
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .target(
            name: "Reports",
            dependencies: ["Claims", "MultiPrecision"]
        ),
        .target(
            name: "AttestCommands",
            dependencies: [
                "MultiPrecision", "Claims", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "attest", dependencies: ["AttestCommands"]),

        // Test helpers shared by several test targets.
        .target(
            name: "AttestTestSupport",
            dependencies: ["MultiPrecision", "Dynamics"],
            path: "Sources/AttestTestSupport"
        ),
        .testTarget(
            name: "MultiPrecisionTests",
            dependencies: ["MultiPrecision", "AttestTestSupport", "CMPFR", "CGMP", "CArb"],
            exclude: ["References"]
        ),
        .testTarget(
            name: "LinearAlgebraTests",
            dependencies: ["LinearAlgebra", "AttestTestSupport"],
            exclude: ["References"]
        ),
        .testTarget(
            name: "SymbolicTests",
            dependencies: ["Symbolic", "MultiPrecision", "LinearAlgebra", "AttestTestSupport"]
        ),
        .testTarget(
            name: "DynamicsTests",
            dependencies: ["Dynamics", "LinearAlgebra", "MultiPrecision", "AttestTestSupport", "CMPFR"],
            exclude: ["References"]
        ),
        .testTarget(
            name: "AttestCommandsTests",
            dependencies: ["AttestCommands", "attest", "Claims", "Reports", "AttestTestSupport"]
        ),
        .testTarget(
            name: "ClaimsTests",
            dependencies: ["Claims", "Models", "MultiPrecision", "LinearAlgebra", "AttestTestSupport", "Dynamics",
                           "LinearProgramming", "Symbolic"],
            exclude: ["References", "Soundness"]
        ),
        .testTarget(
            name: "ConjecturesTests",
            dependencies: ["Conjectures", "Symbolic", "Models", "Dynamics", "MultiPrecision", "LinearAlgebra", "AttestTestSupport"]
        ),
        .testTarget(
            name: "LinearProgrammingTests",
            dependencies: ["LinearProgramming", "LinearAlgebra", "MultiPrecision"]
        ),
        .testTarget(
            name: "ModelsTests",
            dependencies: ["Models", "LinearAlgebra", "MultiPrecision", "Dynamics", "AttestTestSupport"],
            exclude: ["References"]
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: ["Reports", "Claims", "MultiPrecision", "AttestTestSupport"],
            exclude: ["References"]
        ),

        // Fuzz targets (issue 9): `make fuzz` builds them with libFuzzer (-sanitize=fuzzer,address -DFUZZING); in a
        // normal build they replay the files given as arguments, such as their seed corpora in Fuzz/Corpus.
        .target(name: "FuzzReplay", path: "Fuzz/FuzzReplay"),
        .executableTarget(name: "claim-file-fuzzer", dependencies: ["Claims", "FuzzReplay"], path: "Fuzz/ClaimFileFuzzer"),
        .executableTarget(name: "expression-fuzzer", dependencies: ["Symbolic", "FuzzReplay"], path: "Fuzz/ExpressionFuzzer"),

        // Benchmarks: never part of the test suite. `make bench` runs them in release mode.
        .target(name: "CAllocationCounter", path: "Benchmarks/CAllocationCounter"),
        .executableTarget(
            name: "attest-benchmarks",
            dependencies: ["MultiPrecision", "LinearAlgebra", "Symbolic", "Dynamics", "AttestTestSupport", "CMPFR",
                           "CAllocationCounter", "Conjectures", "Models", "Claims"],
            path: "Benchmarks/AttestBenchmarks"
        ),
    ],
    swiftLanguageModes: [.v6]
)
