// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The Neural module's element-wise kernels run on 8-lane AVX vectors with fused
/// multiply-adds when the machine building it has AVX2 and FMA (as `-march=native` would
/// decide), and on baseline 4-lane SSE otherwise. `WALKFORWARD_PORTABLE=1` forces the
/// baseline, for a binary meant to run on other x86-64 machines. The executable refuses to
/// start on a processor without the features it was built for (`ProcessorSupport`).
let neuralVectorSettings: [SwiftSetting] = {
    #if arch(x86_64)
        let portable = ProcessInfo.processInfo.environment["WALKFORWARD_PORTABLE"] == "1"
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let flags = Set(
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?
                .split(separator: " ").map(String.init) ?? [])
        guard !portable, flags.isSuperset(of: ["avx2", "fma"]) else { return [] }
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
