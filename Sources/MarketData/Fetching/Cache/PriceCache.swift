import Foundation

/// Brings one symbol's `Data/` files up to date without ever losing or mixing data.
///
/// The sequence is: lock the symbol, read the cache, fetch, validate, merge, then write the CSV
/// and its provenance, each atomically. Nothing is written before the new data is complete
/// and valid, so any failure (network, vendor error, bad data, a crash) leaves the previous
/// files byte for byte as they were.
struct PriceCache {
    let store: DataStore
    /// Calendar days re-fetched before the last cached date, to check that history still
    /// agrees before appending to it.
    let overlapDays: Int
    let lockWaitSeconds: Double
    let clock: @Sendable () -> Date

    /// Relative difference above which two closes of the same day disagree. Vendors round
    /// to 4-6 significant digits, so 1e-6 flags any real revision and no formatting noise.
    static let agreementTolerance = 1e-6

    private struct Plan {
        var mode: FetchMode
        var from: TradingDate?
        var reason: String?
    }

    func update(
        _ symbol: Symbol, request: FetchRequest, baseURL: String, provider: PriceProvider,
        connection: VendorConnection
    ) throws -> SymbolFetchSummary {
        try FileManager.default.createDirectory(
            at: store.directory, withIntermediateDirectories: true)
        let lockPath = store.directory.appendingPathComponent(".\(symbol.text).lock").path
        let lock = try SymbolLock.acquire(
            path: lockPath, symbol: symbol, timeoutSeconds: lockWaitSeconds,
            onWait: {
                connection.report(.waitingForLock(symbol: symbol.text, path: lockPath))
            })
        defer { lock.release() }

        let cached = try request.refresh ? nil : readCache(symbol)
        let previous = Provenance.read(store.provenanceFile(for: symbol))
        var plan = makePlan(request: request, cached: cached, previous: previous)
        if plan.mode == .upToDate, let cached {
            return upToDateSummary(symbol, source: provider.source, cached: cached)
        }
        if let reason = plan.reason {
            connection.report(.fullRefetch(symbol: symbol.text, reason: reason))
        }

        func fetchValidated(from: TradingDate?) throws -> (ProviderPayload, [DataWarning]) {
            let query = ProviderQuery(
                symbol: symbol, from: from, to: request.to, baseURL: baseURL, now: clock())
            let payload = try provider.fetch(query, over: connection)
            let warnings = try validate(payload, symbol: symbol, source: provider.source)
            return (payload, warnings)
        }

        var (payload, warnings) = try fetchValidated(from: plan.from)
        var bars = payload.bars
        if plan.mode == .incremental, let cached {
            if let disagreement = disagreement(cached: cached.series.bars, fetched: payload.bars) {
                plan = Plan(mode: .fullRefetch, from: fullHistoryStart(request, cached: cached))
                plan.reason = disagreement
                connection.report(.fullRefetch(symbol: symbol.text, reason: disagreement))
                (payload, warnings) = try fetchValidated(from: plan.from)
                bars = payload.bars
            } else {
                bars = merge(cached: cached.series.bars, fetched: payload.bars)
            }
        }

        let series = PriceSeries(symbol: symbol, bars: bars)
        let oldDates = Set(cached?.series.bars.map(\.date) ?? [])
        try write(series, payload: payload, plan: plan, previous: previous, source: provider.source)
        return SymbolFetchSummary(
            symbol: symbol, source: provider.source, mode: plan.mode,
            fullRefetchReason: plan.reason,
            rowsAdded: bars.filter { !oldDates.contains($0.date) }.count,
            rowsReceived: payload.bars.count, rowCount: bars.count,
            firstDate: bars[0].date, lastDate: bars[bars.count - 1].date,
            warnings: warnings, notes: payload.notes, events: payload.events,
            priceFile: store.priceFile(for: symbol))
    }

    private func readCache(_ symbol: Symbol) throws -> PriceCSV.Contents? {
        guard store.contains(symbol) else { return nil }
        do {
            return try store.load(symbol)
        } catch let error as MarketDataError {
            throw FetchError.cacheUnreadable(symbol: symbol.text, underlying: error)
        }
    }

    private func makePlan(
        request: FetchRequest, cached: PriceCSV.Contents?, previous: Provenance?
    ) -> Plan {
        if request.refresh { return Plan(mode: .refresh, from: request.from) }
        guard let cached, let first = cached.series.firstDate, let last = cached.series.lastDate
        else { return Plan(mode: .new, from: request.from) }

        if let previous, previous.source != request.source {
            return Plan(
                mode: .fullRefetch, from: fullHistoryStart(request, cached: cached),
                reason: "the cached prices came from \(previous.source), not \(request.source); "
                    + "vendors adjust differently, so they are not mixed")
        }
        let coversStart = request.from.map { $0 >= first } ?? true
        if coversStart, let end = request.to, end <= last {
            return Plan(mode: .upToDate)
        }
        var from = last + (-overlapDays)
        if let requested = request.from, requested < from { from = requested }
        return Plan(mode: .incremental, from: from)
    }

    /// Where a full refetch starts: the requested start, widened to keep what the cache had.
    private func fullHistoryStart(_ request: FetchRequest, cached: PriceCSV.Contents)
        -> TradingDate?
    {
        guard let requested = request.from else { return nil }
        return min(requested, cached.series.firstDate ?? requested)
    }

    private func validate(_ payload: ProviderPayload, symbol: Symbol, source: PriceSource)
        throws -> [DataWarning]
    {
        guard !payload.bars.isEmpty else {
            throw FetchError.noDataInRange(
                symbol: symbol.text, url: payload.url, status: 200,
                vendorMessage: "the answer held no bars in the requested range")
        }
        do {
            return try PriceValidation.validate(
                bars: payload.bars, source: "\(symbol.text) (\(source))")
        } catch let error as MarketDataError {
            throw FetchError.invalidData(symbol: symbol.text, url: payload.url, underlying: error)
        }
    }

    /// Why the fetched overlap cannot be appended to the cache, or nil when it agrees.
    private func disagreement(cached: [Bar], fetched: [Bar]) -> String? {
        guard let firstFetched = fetched.first?.date else { return "the answer held no bars" }
        let cachedByDate = Dictionary(
            cached.filter { $0.date >= firstFetched }.map { ($0.date, $0) },
            uniquingKeysWith: { first, _ in first })
        var compared = 0
        for bar in fetched {
            guard let old = cachedByDate[bar.date] else { continue }
            compared += 1
            for (name, new, before) in [
                ("close", bar.close, old.close),
                ("adjusted close", bar.adjustedClose, old.adjustedClose),
            ] where PriceCache.differs(new, before) {
                return "the \(name) of \(bar.date) was \(before) and is now \(new) "
                    + "(a split, a dividend adjustment or a revised history)"
            }
        }
        if compared == 0 {
            return "no fetched day overlaps the cached days, so continuity cannot be checked"
        }
        return nil
    }

    static func differs(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) > agreementTolerance * max(abs(a), abs(b))
    }

    /// The cached bars with the fetched ones laid over them, by date.
    private func merge(cached: [Bar], fetched: [Bar]) -> [Bar] {
        var byDate = Dictionary(cached.map { ($0.date, $0) }, uniquingKeysWith: { a, _ in a })
        for bar in fetched { byDate[bar.date] = bar }
        return byDate.values.sorted { $0.date < $1.date }
    }

    private func write(
        _ series: PriceSeries, payload: ProviderPayload, plan: Plan, previous: Provenance?,
        source: PriceSource
    ) throws {
        let symbol = series.symbol
        let csv = PriceCSV.encode(series)
        let fetchedAt = Provenance.timestamp(clock())
        let record = Provenance.Record(
            url: payload.url, fetchedAt: fetchedAt, payloadSHA256: SHA256.hex(payload.rawPayload),
            mode: plan.mode, receivedFirstDate: payload.bars.first?.date.iso ?? "",
            receivedLastDate: payload.bars.last?.date.iso ?? "",
            receivedRowCount: payload.bars.count)
        let keepsHistory = plan.mode == .incremental
        var events = keepsHistory ? (previous?.events ?? []) : []
        for event in payload.events where !events.contains(event) { events.append(event) }
        events.sort { ($0.date, $0.kind.rawValue) < ($1.date, $1.kind.rawValue) }
        var notes = payload.notes
        if let reason = plan.reason { notes.append("full refetch: \(reason)") }
        let history = ((keepsHistory ? previous?.history ?? [] : []) + [record])
            .suffix(Provenance.historyLimit)

        let provenance = Provenance(
            formatVersion: Provenance.currentFormatVersion, symbol: symbol.text, source: source,
            url: payload.url, fetchedAt: fetchedAt, payloadSHA256: record.payloadSHA256,
            csvSHA256: SHA256.hex(csv), mode: plan.mode,
            firstDate: series.firstDate?.iso ?? "", lastDate: series.lastDate?.iso ?? "",
            rowCount: series.count, events: events, notes: notes, history: Array(history))
        do {
            try AtomicFile.write(csv, to: store.priceFile(for: symbol))
            try AtomicFile.write(provenance.encoded(), to: store.provenanceFile(for: symbol))
        } catch let error as MarketDataError {
            throw FetchError.cacheWriteFailed(symbol: symbol.text, underlying: error)
        } catch {
            throw FetchError.cacheWriteFailed(
                symbol: symbol.text,
                underlying: .writeFailed(
                    path: store.provenanceFile(for: symbol).path, reason: "\(error)"))
        }
    }

    private func upToDateSummary(
        _ symbol: Symbol, source: PriceSource, cached: PriceCSV.Contents
    ) -> SymbolFetchSummary {
        let bars = cached.series.bars
        return SymbolFetchSummary(
            symbol: symbol, source: source, mode: .upToDate, fullRefetchReason: nil,
            rowsAdded: 0, rowsReceived: 0, rowCount: bars.count, firstDate: bars[0].date,
            lastDate: bars[bars.count - 1].date, warnings: [],
            notes: ["the cache already covers the requested range; nothing fetched"],
            events: [], priceFile: store.priceFile(for: symbol))
    }
}
