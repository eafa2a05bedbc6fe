import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

/// Shared set-up for the fetch tests: a fake vendor, a scratch `Data/` directory and a
/// `Fetcher` whose retry sleeps are recorded instead of waited out.
final class FetchFixture: @unchecked Sendable {
    let server: FakeVendorServer
    let directory: URL
    let store: DataStore
    let sleeps = Recorder<Double>()
    let events = Recorder<FetchEvent>()

    /// 2024-07-01 12:00 UTC: every test sees the same "now".
    static let now = Date(timeIntervalSince1970: 1_719_835_200)

    init() throws {
        server = try FakeVendorServer()
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("walkforward-fetch-\(UUID().uuidString)")
            .appendingPathComponent("Data")
        store = DataStore(directory: directory)
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    func fetcher(
        environment: [String: String] = [:], concurrency: Int = 1, retries: Int = 3,
        totalTimeoutSeconds: Double = 5
    ) -> Fetcher {
        let sleeps = self.sleeps
        let policy = RetryPolicy(
            maximumRetryCount: retries, initialDelaySeconds: 0.01, maximumDelaySeconds: 0.05,
            maximumRetryAfterSeconds: 120, sleep: { sleeps.append($0) }, random: { 0.5 })
        var fetcher = Fetcher(
            store: store,
            client: HTTPClient(connectTimeoutSeconds: 2, totalTimeoutSeconds: totalTimeoutSeconds),
            environment: environment, retryPolicy: policy, concurrency: concurrency)
        fetcher.clock = { FetchFixture.now }
        fetcher.lockWaitSeconds = 2
        return fetcher
    }

    /// Runs one fetch against the fake and returns its outcomes.
    func fetch(
        _ symbols: [String], source: PriceSource, from: String? = nil, to: String? = nil,
        refresh: Bool = false, using fetcher: Fetcher? = nil
    ) -> [SymbolFetchOutcome] {
        let request = FetchRequest(
            symbols: symbols, source: source, from: from.flatMap { TradingDate(iso: $0) },
            to: to.flatMap { TradingDate(iso: $0) }, refresh: refresh, baseURL: server.baseURL)
        let events = self.events
        return (fetcher ?? self.fetcher()).fetch(request) { events.append($0) }
    }

    /// The bytes of every file under the data directory, by name.
    func snapshot() -> [String: Data] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var files: [String: Data] = [:]
        for name in names {
            files[name] = try? Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }

    func csvText(_ symbol: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("\(symbol).csv"), encoding: .utf8)
    }

    func provenance(_ symbol: String) throws -> Provenance {
        try #require(Provenance.read(directory.appendingPathComponent("\(symbol).json")))
    }
}

/// A thread-safe append-only list, for values reported from worker threads.
final class Recorder<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Value] = []

    func append(_ value: Value) { lock.withLock { items.append(value) } }
    var values: [Value] { lock.withLock { items } }
}

/// Deterministic weekday bars with two-decimal prices, so every vendor format round-trips
/// them exactly.
enum SampleBars {
    static func weekdays(
        from start: String, count: Int, firstClose: Double = 100, step: Double = 0.25
    ) -> [FakeBar] {
        var date = TradingDate(iso: start)!
        var bars: [FakeBar] = []
        while bars.count < count {
            if date.weekday <= 5 {
                let close = firstClose + step * Double(bars.count)
                bars.append(
                    FakeBar(
                        date: date.iso, open: close - 0.5, high: close + 1, low: close - 1,
                        close: close, adjustedClose: (close * 0.98 * 100).rounded() / 100,
                        volume: Double(1_000_000 + 1000 * bars.count)))
            }
            date = date + 1
        }
        return bars
    }
}

extension SymbolFetchOutcome {
    /// The summary of a successful outcome, or a test failure naming the error.
    func requireSummary(sourceLocation: SourceLocation = #_sourceLocation) throws
        -> SymbolFetchSummary
    {
        if case .failure(let error) = result {
            Issue.record("\(symbolText) failed: \(error)", sourceLocation: sourceLocation)
        }
        return try #require(summary, sourceLocation: sourceLocation)
    }
}
