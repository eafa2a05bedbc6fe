import Foundation

/// Daily bars from Yahoo's v8 chart API,
/// `GET /v8/finance/chart/<SYMBOL>?period1=<unix>&period2=<unix>&interval=1d&events=div,splits`.
///
/// Yahoo stamps each session with the Unix time of its open, so the bar's date is that instant
/// seen in the exchange's time zone, never UTC midnight. When it answers 401 "Invalid Cookie"
/// or "Invalid Crumb", the provider does the browser handshake once (a cookie from `/`, a
/// crumb from `/v1/test/getcrumb`) and asks again with `&crumb=`.
public struct YahooProvider: PriceProvider {
    public var source: PriceSource { .yahoo }

    public init() {}

    /// Yahoo's history reaches back to the 1920s for indices; this start means "everything".
    static let earliestDate = TradingDate(year: 1900, month: 1, day: 1)!

    /// The chart URL for `query`, with the crumb when the session has one.
    public func url(for query: ProviderQuery, crumb: String?) -> VendorURL {
        let path = "/v8/finance/chart/" + VendorURL.encode(query.symbol.text)
        var url = VendorURL(base: query.baseURL, path: path)
        let start = query.from ?? YahooProvider.earliestDate
        // period2 is exclusive; the day after `to` covers every session dated `to` anywhere.
        let end = query.to.map { ($0 + 1).unixSeconds } ?? Int(query.now.timeIntervalSince1970)
        url.append("period1", String(start.unixSeconds))
        url.append("period2", String(end))
        url.append("interval", "1d")
        url.append("events", "div,splits")
        if let crumb { url.append("crumb", crumb, secret: true) }
        return url
    }

    public func fetch(_ query: ProviderQuery, over connection: VendorConnection) throws
        -> ProviderPayload
    {
        let symbol = query.symbol
        var url = url(for: query, crumb: connection.yahooCrumb)
        var response = try connection.get(url, symbol: symbol)
        if YahooProvider.isSessionRefusal(response) {
            try handshake(query, over: connection)
            url = self.url(for: query, crumb: connection.yahooCrumb)
            response = try connection.get(url, symbol: symbol)
            if YahooProvider.isSessionRefusal(response) {
                throw FetchError.yahooUnauthorized(
                    symbol: symbol.text, url: url.redacted, status: response.status,
                    vendorMessage: YahooProvider.errorDescription(response) ?? response.excerpt())
            }
        }

        switch response.status {
        case 200:
            return try YahooProvider.parse(response.body, query: query, url: url.redacted)
        case 404:
            throw FetchError.symbolNotFound(
                symbol: symbol.text, url: url.redacted, status: 404,
                vendorMessage: YahooProvider.errorDescription(response) ?? response.excerpt())
        case 400:
            throw FetchError.noDataInRange(
                symbol: symbol.text, url: url.redacted, status: 400,
                vendorMessage: YahooProvider.errorDescription(response) ?? response.excerpt())
        default:
            throw connection.failure(for: response, url: url, symbol: symbol)
        }
    }

    /// Gets a session cookie from any page of the base URL, then a crumb bound to it.
    private func handshake(_ query: ProviderQuery, over connection: VendorConnection) throws {
        let symbol = query.symbol
        connection.yahooCrumb = nil
        // Only the Set-Cookie matters; the page itself may well be a 404.
        _ = try connection.get(YahooProvider.cookieURL(for: query), symbol: symbol)

        let crumbURL = VendorURL(base: query.baseURL, path: "/v1/test/getcrumb")
        let response = try connection.get(crumbURL, symbol: symbol)
        let crumb = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let looksLikeCrumb =
            !crumb.isEmpty && crumb.count <= 64
            && !crumb.contains(where: { $0.isWhitespace || $0 == "<" || $0 == "{" })
        guard response.status == 200, looksLikeCrumb else {
            throw FetchError.yahooUnauthorized(
                symbol: symbol.text, url: crumbURL.redacted, status: response.status,
                vendorMessage: "no crumb in the answer: '\(response.excerpt(limit: 60))'")
        }
        connection.yahooCrumb = crumb
    }

    /// Where the session cookie comes from: against the real service, `fc.yahoo.com`, whose
    /// cookie is scoped to all of `yahoo.com`; against any other base URL, its `/`.
    static func cookieURL(for query: ProviderQuery) -> VendorURL {
        let isRealService = query.baseURL == PriceSource.yahoo.defaultBaseURL
        return VendorURL(base: isRealService ? "https://fc.yahoo.com" : query.baseURL, path: "/")
    }

    static func isSessionRefusal(_ response: HTTPResponse) -> Bool {
        if response.status == 401 { return true }
        guard (400...499).contains(response.status) else { return false }
        let lower = response.text.lowercased()
        return lower.contains("invalid cookie") || lower.contains("invalid crumb")
    }

    /// The `description` of a `chart.error` or `finance.error` body, when there is one.
    static func errorDescription(_ response: HTTPResponse) -> String? {
        guard let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: response.body)
        else { return nil }
        return (envelope.chart?.error ?? envelope.finance?.error)?.description
    }
}

extension YahooProvider {
    /// Parses a chart body into bars in the requested range, events and notes.
    ///
    /// Rows with a missing price are skipped and counted in a note (Yahoo emits them for
    /// halted days and for the session in progress). A missing volume becomes 0.
    static func parse(_ body: Data, query: ProviderQuery, url: String) throws -> ProviderPayload {
        let symbol = query.symbol.text
        func malformed(_ detail: String) -> FetchError {
            .malformedPayload(symbol: symbol, url: url, source: .yahoo, detail: detail)
        }
        let envelope: ChartEnvelope
        do {
            envelope = try JSONDecoder().decode(ChartEnvelope.self, from: body)
        } catch {
            throw malformed("not chart JSON (\(YahooProvider.summary(of: error)))")
        }
        if let error = envelope.chart.error {
            let message = error.description ?? error.code ?? "unknown error"
            if error.code == "Not Found" {
                throw FetchError.symbolNotFound(
                    symbol: symbol, url: url, status: 200, vendorMessage: message)
            }
            throw FetchError.noDataInRange(
                symbol: symbol, url: url, status: 200, vendorMessage: message)
        }
        guard let result = envelope.chart.result?.first else {
            throw malformed("chart.result is empty")
        }

        let timestamps = result.timestamp ?? []
        try checkCalendarValues(result, timestamps: timestamps, malformed: malformed)
        let calendar = ExchangeCalendar(meta: result.meta)
        let quote = result.indicators.quote.first ?? Quote()
        let adjusted = result.indicators.adjclose?.first?.adjclose
        let columns = [quote.open, quote.high, quote.low, quote.close, quote.volume, adjusted]
        for case let column? in columns where column.count != timestamps.count {
            throw malformed("\(column.count) values for \(timestamps.count) timestamps")
        }

        var notes: [String] = []
        var bars: [Bar] = []
        var skippedDates: [String] = []
        var missingVolumeCount = 0
        for (index, timestamp) in timestamps.enumerated() {
            let date = calendar.date(of: timestamp)
            guard query.contains(date) else { continue }
            guard let open = quote.open?[index], let high = quote.high?[index],
                let low = quote.low?[index], let close = quote.close?[index],
                adjusted == nil || adjusted?[index] != nil
            else {
                skippedDates.append(date.iso)
                continue
            }
            let volume = quote.volume?[index] ?? 0
            if quote.volume?[index] == nil { missingVolumeCount += 1 }
            bars.append(
                Bar(
                    date: date, open: open, high: high, low: low, close: close,
                    adjustedClose: adjusted?[index] ?? close, volume: volume))
        }

        if !skippedDates.isEmpty {
            let shown = skippedDates.prefix(5).joined(separator: ", ")
            let more = skippedDates.count > 5 ? ", …" : ""
            notes.append("skipped \(skippedDates.count) row(s) with null prices (\(shown)\(more))")
        }
        if missingVolumeCount > 0 {
            notes.append("\(missingVolumeCount) row(s) had no volume; written as 0")
        }
        if adjusted == nil, !bars.isEmpty {
            notes.append("no adjusted close in the answer; Adj Close equals Close")
        }
        let events = result.events.map { calendar.priceEvents($0) }?.filter {
            TradingDate(iso: $0.date).map(query.contains) ?? false
        }
        return ProviderPayload(
            bars: bars, rawPayload: body, url: url, events: events ?? [], notes: notes)
    }

    /// The session times Yahoo can mean: from 1800 to 2200. A corrupt answer may hold a time
    /// near `Int.max`, and adding the zone offset to it would trap.
    static let plausibleTimestamps = unixSeconds(1800)...unixSeconds(2200)
    /// Real zone offsets lie within a day of UTC.
    static let plausibleOffsets = -86_400...86_400

    private static func unixSeconds(_ year: Int) -> Int {
        TradingDate(year: year, month: 1, day: 1)!.unixSeconds
    }

    /// Refuses session and event times and a `gmtoffset` that no exchange calendar has.
    private static func checkCalendarValues(
        _ result: ChartResult, timestamps: [Int], malformed: (String) -> FetchError
    ) throws {
        let offset = result.meta.gmtoffset ?? 0
        guard plausibleOffsets.contains(offset) else {
            throw malformed("meta.gmtoffset is \(offset), expected seconds within a day of UTC")
        }
        let dividends = result.events?.dividends?.values.map(\.date) ?? []
        let splits = result.events?.splits?.values.map(\.date) ?? []
        for time in timestamps + dividends + splits where !plausibleTimestamps.contains(time) {
            throw malformed("timestamp \(time) is not a Unix time from 1800 to 2200 as expected")
        }
    }

    static func summary(of error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            return "unreadable JSON: \(context.debugDescription)"
        case DecodingError.keyNotFound(let key, let context):
            let path = (context.codingPath + [key]).map(\.stringValue).joined(separator: ".")
            return "missing \(path)"
        case DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "unexpected value at \(path)"
        default:
            return "\(error)"
        }
    }
}
