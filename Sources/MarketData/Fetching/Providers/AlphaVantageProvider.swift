import Foundation

/// Daily bars from Alpha Vantage's `TIME_SERIES_DAILY`,
/// `GET /query?function=TIME_SERIES_DAILY&symbol=IBM&outputsize=compact|full&apikey=…`.
///
/// The answer lists days newest first with every number as a string and has no adjusted
/// close, so `Adj Close` equals `Close`. Alpha Vantage reports errors, throttling and quota
/// messages with HTTP 200, so the body is always inspected first. The key is a secret: it
/// appears only in the URL handed to libcurl.
public struct AlphaVantageProvider: PriceProvider {
    public var source: PriceSource { .alphavantage }

    let apiKey: String?

    public init(apiKey: String?) {
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The environment variable holding the key.
    public static let apiKeyVariable = "ALPHAVANTAGE_API_KEY"

    /// `compact` returns the last 100 trading days, about 140 calendar days; asking for
    /// compact only when the range starts within 120 days leaves room for holidays.
    static let compactCalendarDays = 120

    /// `compact` when the whole range fits in the last 100 trading days, else `full`.
    public static func outputSize(for query: ProviderQuery) -> String {
        guard let from = query.from, query.today - from <= compactCalendarDays else {
            return "full"
        }
        return "compact"
    }

    /// The request URL for `query`; the key is marked secret.
    public func url(for query: ProviderQuery, apiKey: String) -> VendorURL {
        var url = VendorURL(base: query.baseURL, path: "/query")
        url.append("function", "TIME_SERIES_DAILY")
        url.append("symbol", query.symbol.text)
        url.append("outputsize", AlphaVantageProvider.outputSize(for: query))
        url.append("apikey", apiKey, secret: true)
        return url
    }

    public func fetch(_ query: ProviderQuery, over connection: VendorConnection) throws
        -> ProviderPayload
    {
        guard let apiKey else {
            throw FetchError.missingAPIKey(
                source: .alphavantage, variable: AlphaVantageProvider.apiKeyVariable)
        }
        let url = url(for: query, apiKey: apiKey)
        let response = try connection.get(url, symbol: query.symbol)
        guard response.status == 200 else {
            throw connection.failure(for: response, url: url, symbol: query.symbol)
        }
        let bars = try AlphaVantageProvider.parse(
            response.body, symbol: query.symbol, url: url.redacted,
            scrub: { connection.redact($0, url: url) })
        return ProviderPayload(
            bars: bars.filter { query.contains($0.date) }, rawPayload: response.body,
            url: url.redacted)
    }

    /// Parses a `TIME_SERIES_DAILY` body into bars in ascending date order.
    ///
    /// - Parameter scrub: removes the key from vendor texts before they go into an error.
    /// - Throws: `FetchError.alphaVantageRejected` for `Error Message`, `Note` and
    ///   `Information` bodies; `.malformedPayload` for anything else unexpected.
    static func parse(
        _ body: Data, symbol: Symbol, url: String, scrub: (String) -> String = { $0 }
    ) throws -> [Bar] {
        func malformed(_ detail: String) -> FetchError {
            .malformedPayload(symbol: symbol.text, url: url, source: .alphavantage, detail: detail)
        }
        let decoded: DailyBody
        do {
            decoded = try JSONDecoder().decode(DailyBody.self, from: body)
        } catch {
            throw malformed("not TIME_SERIES_DAILY JSON (\(YahooProvider.summary(of: error)))")
        }
        let rejections = [
            ("Error Message", decoded.errorMessage), ("Note", decoded.note),
            ("Information", decoded.information),
        ]
        for case let (field, message?) in rejections {
            throw FetchError.alphaVantageRejected(
                symbol: symbol.text, url: url, field: field, message: scrub(message))
        }
        guard let series = decoded.timeSeries else {
            throw malformed("no 'Time Series (Daily)' object")
        }

        var bars: [Bar] = []
        bars.reserveCapacity(series.count)
        for (key, fields) in series {
            guard let date = TradingDate(iso: key) else {
                throw malformed("'\(key.prefix(40))' is not a YYYY-MM-DD date")
            }
            var numbers: [Double] = []
            for name in ["1. open", "2. high", "3. low", "4. close", "5. volume"] {
                guard let text = fields[name], let value = Double(text), value.isFinite else {
                    throw malformed("\(key): '\(name)' is missing or not a number")
                }
                numbers.append(value)
            }
            bars.append(
                Bar(
                    date: date, open: numbers[0], high: numbers[1], low: numbers[2],
                    close: numbers[3], volume: numbers[4]))
        }
        // JSON object keys carry no order guarantee once decoded; the dates themselves do.
        return bars.sorted { $0.date < $1.date }
    }
}

/// The top level of a `TIME_SERIES_DAILY` answer, or of one of its HTTP-200 error bodies.
struct DailyBody: Decodable {
    let errorMessage: String?
    let note: String?
    let information: String?
    let timeSeries: [String: [String: String]]?

    enum CodingKeys: String, CodingKey {
        case errorMessage = "Error Message"
        case note = "Note"
        case information = "Information"
        case timeSeries = "Time Series (Daily)"
    }
}
