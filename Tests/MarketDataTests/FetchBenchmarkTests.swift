import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

/// Wall-clock time to fetch 50 symbols from the fake with 50 ms of latency per request.
///
/// Off by default (it takes several seconds); run it with
/// `WALKFORWARD_FETCH_BENCH=1 swift test --filter FetchBenchmarkTests`. The figures are in
/// docs/PERFORMANCE.md under "Fetching".
@Suite(
    .serialized,
    .enabled(if: ProcessInfo.processInfo.environment["WALKFORWARD_FETCH_BENCH"] != nil))
struct FetchBenchmarkTests {
    static let symbolCount = 50
    static let latencySeconds = 0.05

    @Test(arguments: [(1, 2), (4, 2), (8, 2), (4, 8), (8, 8)])
    func fiftySymbolsWithFiftyMillisecondsLatency(concurrency: Int, perHost: Int) throws {
        let fixture = try FetchFixture()
        let symbols = (0..<Self.symbolCount).map { "B\($0)" }
        for symbol in symbols {
            fixture.server.setBars(SampleBars.weekdays(from: "2023-01-02", count: 250), for: symbol)
        }
        fixture.server.latencySeconds = Self.latencySeconds
        var fetcher = fixture.fetcher(concurrency: concurrency)
        fetcher.perHostConcurrency = perHost

        let start = Date()
        let outcomes = fixture.fetch(symbols, source: .stooq, using: fetcher)
        let seconds = Date().timeIntervalSince(start)

        #expect(outcomes.allSatisfy { $0.succeeded })
        let rounded = (seconds * 1000).rounded() / 1000
        print(
            "fetch-bench symbols=\(Self.symbolCount) latency_ms=50 rows=250 "
                + "concurrency=\(concurrency) per_host=\(perHost) seconds=\(rounded) "
                + "peak_in_flight=\(fixture.server.maximumConcurrentRequests)")
    }
}
