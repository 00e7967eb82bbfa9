// swift-tools-version: 6.0
// Attest: numerical and symbolic evidence for theorems about learning dynamics.
import PackageDescription

let package = Package(
    name: "Attest",
    products: [
        .library(name: "MultiPrecision", targets: ["MultiPrecision"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
        .library(name: "Dynamics", targets: ["Dynamics"]),
        .library(name: "AttestCommands", targets: ["AttestCommands"]),
        .executable(name: "attest", targets: ["attest"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries from Debian (libgmp-dev, libmpfr-dev), found through pkg-config.
        .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "CMPFR", pkgConfig: "mpfr", providers: [.apt(["libmpfr-dev"])]),

        .target(
            name: "MultiPrecision",
            dependencies: [
                "CGMP", "CMPFR",
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
                "MultiPrecision", "LinearAlgebra", "CMPFR",
                .product(name: "RealModule", package: "swift-numerics"),
            ]
        ),
        .target(
            name: "AttestCommands",
            dependencies: [
                "MultiPrecision",
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
            dependencies: ["MultiPrecision", "AttestTestSupport", "CMPFR", "CGMP"],
            exclude: ["References"]
        ),
        .testTarget(
            name: "LinearAlgebraTests",
            dependencies: ["LinearAlgebra", "AttestTestSupport"],
            exclude: ["References"]
        ),
        .testTarget(
            name: "DynamicsTests",
            dependencies: ["Dynamics", "LinearAlgebra", "MultiPrecision", "AttestTestSupport"],
            exclude: ["References"]
        ),
        .testTarget(
            name: "AttestCommandsTests",
            dependencies: ["AttestCommands", "attest"]
        ),

        // Benchmarks: never part of the test suite. `make bench` runs them in release mode.
        .target(name: "CAllocationCounter", path: "Benchmarks/CAllocationCounter"),
        .executableTarget(
            name: "attest-benchmarks",
            dependencies: ["MultiPrecision", "LinearAlgebra", "Dynamics", "AttestTestSupport", "CMPFR", "CAllocationCounter"],
            path: "Benchmarks/AttestBenchmarks"
        ),
    ],
    swiftLanguageModes: [.v6]
)
