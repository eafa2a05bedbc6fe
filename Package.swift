// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The Neural module's kernels run on the widest vectors the machine building it has (as
/// `-march=native` would decide): 16 AVX-512 lanes, or 8 AVX2 lanes, both with fused
/// multiply-adds, or baseline 4-lane SSE. `WALKFORWARD_NO_AVX512=1` stops at AVX2 and
/// `WALKFORWARD_PORTABLE=1` at the baseline, for a binary meant to run on other x86-64
/// machines. The executable refuses to start on a processor without the features it was
/// built for (`ProcessorSupport`).
let neuralVectorSettings: [SwiftSetting] = {
    #if arch(x86_64)
        let environment = ProcessInfo.processInfo.environment
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flags = Set(
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?
                .split(separator: " ").map(String.init) ?? [])
        guard environment["WALKFORWARD_PORTABLE"] != "1", flags.isSuperset(of: ["avx2", "fma"])
        else { return [] }
        // The features LLVM's Skylake-X target may use anywhere in the module.
        let avx512 = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
        if environment["WALKFORWARD_NO_AVX512"] != "1", flags.isSuperset(of: avx512) {
            return [
                .unsafeFlags(["-target-cpu", "skylake-avx512"]),
                .define("NEURAL_AVX512"), .define("NEURAL_AVX2"), .define("NEURAL_FMA"),
            ]
        }
        return [
            .unsafeFlags(["-target-cpu", "haswell"]),
            .define("NEURAL_AVX2"), .define("NEURAL_FMA"),
        ]
    #else
        return []
    #endif
}()

let package = Package(
    name: "Walkforward",
    products: [
        .executable(name: "walkforward", targets: ["walkforward"])
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // glibc's mallopt, for the benchmark command only.
        .systemLibrary(name: "CMalloc"),
        // Header-only: a software prefetch and a vector square root for the Neural module.
        .systemLibrary(name: "CIntrinsics"),
        .target(name: "MarketData", dependencies: ["CCurl"]),
        .target(
            name: "Neural", dependencies: ["CBLAS", "CIntrinsics"],
            swiftSettings: neuralVectorSettings
        ),
        .target(name: "Forecasting", dependencies: ["MarketData", "Neural"]),
        .target(name: "Backtesting", dependencies: ["MarketData", "Forecasting"]),
        .target(
            name: "Reporting",
            dependencies: ["MarketData", "Forecasting", "Backtesting"]
        ),
        .executableTarget(
            name: "walkforward",
            dependencies: [
                "MarketData", "Neural", "Forecasting", "Backtesting", "Reporting", "CMalloc",
            ]
        ),
        .target(name: "FakeVendorServer", path: "Tests/FakeVendorServer"),
        .testTarget(name: "MarketDataTests", dependencies: ["MarketData", "FakeVendorServer"]),
        .testTarget(name: "NeuralTests", dependencies: ["Neural"], exclude: ["Fixtures"]),
        .testTarget(name: "ForecastingTests", dependencies: ["Forecasting"]),
        .testTarget(name: "BacktestingTests", dependencies: ["Backtesting"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting"]),
        .testTarget(
            name: "walkforwardTests",
            dependencies: ["walkforward", "FakeVendorServer"]
        ),
    ]
)
