import Foundation

/// Daily bars from Stooq's CSV download, `GET /q/d/l/?s=<symbol>&i=d&d1=YYYYMMDD&d2=YYYYMMDD`.
///
/// Stooq's prices are already adjusted for splits and dividends and it sends no separate
/// adjusted close, so `Adj Close` equals `Close`. Its errors come as plain text with HTTP 200.
public struct StooqProvider: PriceProvider {
    public var source: PriceSource { .stooq }

    /// Appended as `&apikey=` when Stooq asks for one; never shown or stored.
    let apiKey: String?

    public init(apiKey: String? = nil) {
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The environment variable holding the optional key.
    public static let apiKeyVariable = "STOOQ_API_KEY"

    static let header = "Date,Open,High,Low,Close,Volume"
    static let headerWithoutVolume = "Date,Open,High,Low,Close"

    /// Stooq's name for a symbol: lowercase, with `.us` added to a plain US ticker. A symbol
    /// that already names its market (`bmw.de`) or is an index (`^spx`) is kept as is.
    public static func vendorSymbol(_ symbol: Symbol) -> String {
        let lower = symbol.text.lowercased()
        return lower.contains(".") || lower.hasPrefix("^") ? lower : lower + ".us"
    }

    /// The request URL for `query`.
    public func url(for query: ProviderQuery) -> VendorURL {
        var url = VendorURL(base: query.baseURL, path: "/q/d/l/")
        url.append("s", StooqProvider.vendorSymbol(query.symbol))
        url.append("i", "d")
        if query.from != nil || query.to != nil {
            // Stooq's data starts no earlier than the 1800s; 1800-01-01 means "everything".
            let start = query.from ?? TradingDate(year: 1800, month: 1, day: 1)!
            url.append("d1", StooqProvider.compactDate(start))
            url.append("d2", StooqProvider.compactDate(query.to ?? query.today))
        }
        if let apiKey { url.append("apikey", apiKey, secret: true) }
        return url
    }

    public func fetch(_ query: ProviderQuery, over connection: VendorConnection) throws
        -> ProviderPayload
    {
        let url = url(for: query)
        let symbol = query.symbol
        let response = try connection.get(url, symbol: symbol, headers: ["Accept: text/csv"])
        guard response.status == 200 else {
            throw connection.failure(for: response, url: url, symbol: symbol)
        }

        try StooqProvider.checkForTextError(response, query: query, url: url)
        let bars = try StooqProvider.parse(response.body, symbol: symbol, url: url.redacted)
        let inRange = bars.filter { query.contains($0.date) }
        return ProviderPayload(bars: inRange, rawPayload: response.body, url: url.redacted)
    }

    /// Maps Stooq's plain-text answers ("No data", the quota message, the API-key page) to
    /// errors; returns when the body looks like CSV.
    static func checkForTextError(
        _ response: HTTPResponse, query: ProviderQuery, url: VendorURL
    ) throws {
        let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let symbol = query.symbol.text
        if text.hasPrefix("Date,") || text.hasPrefix("\u{FEFF}Date,") { return }
        if text.hasPrefix("No data") {
            if query.from == nil && query.to == nil {
                throw FetchError.symbolNotFound(
                    symbol: symbol, url: url.redacted, status: response.status,
                    vendorMessage: "No data")
            }
            throw FetchError.noDataInRange(
                symbol: symbol, url: url.redacted, status: response.status,
                vendorMessage: "No data (unknown symbol or no trading in the range)")
        }
        if text.hasPrefix("Exceeded the daily hits limit") {
            throw FetchError.stooqDailyLimit(symbol: symbol, url: url.redacted)
        }
        let lower = text.lowercased()
        if lower.contains("apikey") || lower.contains("api key") {
            throw FetchError.stooqAPIKeyRequired(
                symbol: symbol, url: url.redacted, keyWasSent: !url.secretValues.isEmpty)
        }
    }

    /// Parses Stooq's CSV (CRLF or LF) into bars in file order.
    ///
    /// - Throws: `FetchError.malformedPayload` naming the line of the first unreadable row.
    static func parse(_ body: Data, symbol: Symbol, url: String) throws -> [Bar] {
        func malformed(_ detail: String) -> FetchError {
            .malformedPayload(symbol: symbol.text, url: url, source: .stooq, detail: detail)
        }
        // Split on Character.isNewline: Swift treats CRLF as one Character, so splitting on
        // "\n" alone would never split Stooq's CRLF lines.
        var lines = String(decoding: body, as: UTF8.self).split(
            omittingEmptySubsequences: false, whereSeparator: { $0.isNewline })
        while lines.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
            lines.removeLast()
        }
        guard let first = lines.first else { throw malformed("empty body") }
        let header = first.trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\u{FEFF}", with: "")
        let columnCount: Int
        switch header {
        case StooqProvider.header: columnCount = 6
        case StooqProvider.headerWithoutVolume: columnCount = 5
        default:
            let hint = header.hasPrefix("Data,") ? " (Polish column names: the site language)" : ""
            throw malformed(
                "header is '\(header.prefix(80))', expected '\(StooqProvider.header)'\(hint)")
        }

        var bars: [Bar] = []
        bars.reserveCapacity(lines.count)
        for (index, line) in lines.enumerated().dropFirst() {
            let cells = line.trimmingCharacters(in: .whitespacesAndNewlines)
                .split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == columnCount, let date = TradingDate(iso: cells[0]) else {
                throw malformed(
                    "line \(index + 1) is '\(line.prefix(80))', expected \(header) rows")
            }
            var numbers: [Double] = []
            for cell in cells.dropFirst() {
                guard let value = Double(cell), value.isFinite else {
                    throw malformed("line \(index + 1): '\(cell)' is not a number")
                }
                numbers.append(value)
            }
            bars.append(
                Bar(
                    date: date, open: numbers[0], high: numbers[1], low: numbers[2],
                    close: numbers[3], volume: columnCount == 6 ? numbers[4] : 0))
        }
        return bars
    }

    static func compactDate(_ date: TradingDate) -> String {
        date.iso.replacingOccurrences(of: "-", with: "")
    }
}
