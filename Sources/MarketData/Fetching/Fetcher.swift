import Foundation

/// Fetches daily prices for several symbols into a `DataStore`, a bounded number at a time.
///
/// Each symbol is independent: an invalid symbol, a vendor error or bad data fails that
/// symbol alone, and every other symbol is still saved. The cache rules (incremental update
/// with an overlap check, `refresh`, locking, atomic writes, provenance) are described in
/// docs/FETCHING.md.
public struct Fetcher: Sendable {
    public let store: DataStore
    public var client: HTTPClient
    /// Where API keys are read from (`ALPHAVANTAGE_API_KEY`, `STOOQ_API_KEY`).
    public var environment: [String: String]
    public var retryPolicy: RetryPolicy
    /// Symbols fetched at the same time.
    public var concurrency: Int
    /// Requests in flight to one host at the same time; vendors throttle harder than this.
    public var perHostConcurrency: Int = 2
    /// Least time between the starts of two requests to one host, in seconds.
    public var minimumIntervalPerHostSeconds: Double = 0
    /// Calendar days re-fetched before the last cached date to check continuity.
    public var overlapDays: Int = 7
    /// How long to wait for another fetch of the same symbol to finish.
    public var lockWaitSeconds: Double = 60
    /// The current time: the default end of ranges and the provenance fetch time.
    public var clock: @Sendable () -> Date = { Date() }

    public init(
        store: DataStore, client: HTTPClient = .init(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        retryPolicy: RetryPolicy = .default, concurrency: Int = 4
    ) {
        self.store = store
        self.client = client
        self.environment = environment
        self.retryPolicy = retryPolicy
        self.concurrency = max(1, concurrency)
    }

    /// The provider for `source`, with its key from `environment`.
    public func provider(for source: PriceSource) -> PriceProvider {
        switch source {
        case .stooq:
            return StooqProvider(apiKey: environment[StooqProvider.apiKeyVariable])
        case .yahoo:
            return YahooProvider()
        case .alphavantage:
            return AlphaVantageProvider(
                apiKey: environment[AlphaVantageProvider.apiKeyVariable])
        }
    }

    /// Fetches every symbol of `request`, blocking the calling thread until all are done.
    ///
    /// Symbols are validated first; an invalid one becomes a failed outcome without any
    /// network traffic, so the caller need not pre-validate. Work runs on `concurrency`
    /// worker threads (plain threads, because libcurl blocks).
    ///
    /// - Parameter progress: called from the worker threads, possibly concurrently, for
    ///   every event of every symbol; it must be thread-safe and quick.
    /// - Returns: one outcome per requested symbol, in the order of `request.symbols`.
    public func fetch(
        _ request: FetchRequest, progress: @escaping @Sendable (FetchEvent) -> Void = { _ in }
    ) -> [SymbolFetchOutcome] {
        let total = request.symbols.count
        guard total > 0 else { return [] }
        let provider = provider(for: request.source)
        let resolvedBase = Fetcher.resolveBaseURL(request)

        let work = WorkQueue(count: total)
        let gate = HostGate(
            limit: perHostConcurrency, minimumIntervalSeconds: minimumIntervalPerHostSeconds)
        let done = DispatchGroup()
        for _ in 0..<min(concurrency, total) {
            done.enter()
            let thread = Thread { [self] in
                let connection = VendorConnection(
                    client: client, retryPolicy: retryPolicy, gate: gate, clock: clock,
                    report: progress)
                while let index = work.next() {
                    let text = request.symbols[index]
                    progress(.started(symbol: text, index: index, total: total))
                    let outcome = SymbolFetchOutcome(
                        symbolText: text,
                        result: fetchOne(
                            text, request: request, baseURL: resolvedBase, provider: provider,
                            connection: connection))
                    work.store(outcome, at: index)
                    progress(.finished(outcome))
                }
                done.leave()
            }
            // libcurl, TLS and JSON decoding of large bodies need more than the 512 KiB that
            // secondary threads get by default on some systems.
            thread.stackSize = 4 << 20
            thread.start()
        }
        done.wait()
        return work.outcomes()
    }

    /// Fetches every symbol of `request` without blocking the caller's task.
    ///
    /// The work runs on its own threads, as in the synchronous `fetch`; this only waits for
    /// them from a detached context.
    public func fetch(
        _ request: FetchRequest, progress: @escaping @Sendable (FetchEvent) -> Void = { _ in }
    ) async -> [SymbolFetchOutcome] {
        await withCheckedContinuation { continuation in
            let thread = Thread { [self] in
                continuation.resume(returning: fetch(request, progress: progress))
            }
            thread.start()
        }
    }

    private func fetchOne(
        _ text: String, request: FetchRequest, baseURL: Result<String, FetchError>,
        provider: PriceProvider, connection: VendorConnection
    ) -> Result<SymbolFetchSummary, FetchError> {
        // The symbol is checked before anything else, so an unsafe text never reaches a URL
        // or a path, even when the base URL is also wrong.
        guard let symbol = try? Symbol(text) else { return .failure(.invalidSymbol(text: text)) }
        let cache = PriceCache(
            store: store, overlapDays: overlapDays, lockWaitSeconds: lockWaitSeconds,
            clock: clock)
        do {
            return .success(
                try cache.update(
                    symbol, request: request, baseURL: baseURL.get(), provider: provider,
                    connection: connection))
        } catch let error as FetchError {
            return .failure(error)
        } catch {
            let failure = MarketDataError.writeFailed(
                path: store.directory.path, reason: "\(error)")
            return .failure(.cacheWriteFailed(symbol: symbol.text, underlying: failure))
        }
    }

    /// The request's base URL checked and normalised, or the vendor's real one.
    static func resolveBaseURL(_ request: FetchRequest) -> Result<String, FetchError> {
        guard let given = request.baseURL else { return .success(request.source.defaultBaseURL) }
        do {
            return .success(try VendorURL.normalisedBase(given))
        } catch let error as FetchError {
            return .failure(error)
        } catch {
            return .failure(.invalidBaseURL(value: given, reason: "\(error)"))
        }
    }
}

/// Hands out symbol indices to the workers and collects their outcomes in request order.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var slots: [SymbolFetchOutcome?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < slots.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func store(_ outcome: SymbolFetchOutcome, at index: Int) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    func outcomes() -> [SymbolFetchOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
