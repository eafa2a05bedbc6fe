import Foundation

/// One vendor's way of turning a symbol and a date range into bars.
///
/// A provider builds the vendor URL, sends it over the connection it is given (which adds
/// retries, politeness and redaction), recognises the vendor's error answers and parses the
/// body. It neither validates the bars against the fatal rules nor touches the cache: the
/// `Fetcher` does both, the same way for every vendor.
public protocol PriceProvider: Sendable {
    var source: PriceSource { get }

    /// Fetches and parses the bars of `query`.
    ///
    /// - Returns: the bars in ascending date order within the requested range, with the raw
    ///   body for the provenance hash.
    /// - Throws: `FetchError` with the symbol and the redacted URL.
    func fetch(_ query: ProviderQuery, over connection: VendorConnection) throws
        -> ProviderPayload
}

/// What to fetch: one validated symbol and an inclusive date range.
public struct ProviderQuery: Sendable {
    public var symbol: Symbol
    /// First day wanted; nil for the whole history.
    public var from: TradingDate?
    /// Last day wanted; nil for up to now.
    public var to: TradingDate?
    /// `scheme://host[:port]` of the vendor, already normalised.
    public var baseURL: String
    /// The current time, for "up to now" and for relative ranges.
    public var now: Date

    public init(
        symbol: Symbol, from: TradingDate?, to: TradingDate?, baseURL: String, now: Date
    ) {
        self.symbol = symbol
        self.from = from
        self.to = to
        self.baseURL = baseURL
        self.now = now
    }

    /// Whether `date` lies in the requested range.
    public func contains(_ date: TradingDate) -> Bool {
        (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true)
    }

    /// Today's date in UTC, the default end of a range.
    public var today: TradingDate {
        TradingDate(unixSeconds: Int(now.timeIntervalSince1970.rounded(.down)))
    }
}

/// A provider's parsed answer.
public struct ProviderPayload: Sendable {
    /// Bars in ascending date order, restricted to the requested range.
    public var bars: [Bar]
    /// The body exactly as received, hashed into the provenance.
    public var rawPayload: Data
    /// The request URL with keys redacted.
    public var url: String
    /// Splits and dividends the vendor reported in the range.
    public var events: [PriceEvent]
    /// Things worth knowing about the parse, such as skipped rows.
    public var notes: [String]

    public init(
        bars: [Bar], rawPayload: Data, url: String, events: [PriceEvent] = [],
        notes: [String] = []
    ) {
        self.bars = bars
        self.rawPayload = rawPayload
        self.url = url
        self.events = events
        self.notes = notes
    }
}
