// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "MarketData", dependencies: ["CCurl"]),
        .target(name: "Neural", dependencies: ["CBLAS"]),
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
