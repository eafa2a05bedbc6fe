/// What the `fetch` command asks for.
public struct FetchRequest: Sendable {
    /// Symbols as the user typed them; each is validated as a `Symbol` before it reaches a
    /// URL or a path, and an invalid one fails alone (see `Fetcher.fetch`).
    public var symbols: [String]
    public var source: PriceSource
    /// First day wanted; nil for the vendor's whole history.
    public var from: TradingDate?
    /// Last day wanted; nil for up to today.
    public var to: TradingDate?
    /// Fetch everything again and replace the cached file once the new data is complete.
    public var refresh: Bool
    /// Replaces the vendor's scheme, host and port (`--base-url`); nil for the real one.
    public var baseURL: String?

    public init(
        symbols: [String], source: PriceSource = .stooq, from: TradingDate? = nil,
        to: TradingDate? = nil, refresh: Bool = false, baseURL: String? = nil
    ) {
        self.symbols = symbols
        self.source = source
        self.from = from
        self.to = to
        self.refresh = refresh
        self.baseURL = baseURL
    }

    /// A request for symbols that are already validated.
    public init(
        symbols: [Symbol], source: PriceSource = .stooq, from: TradingDate? = nil,
        to: TradingDate? = nil, refresh: Bool = false, baseURL: String? = nil
    ) {
        self.init(
            symbols: symbols.map(\.text), source: source, from: from, to: to, refresh: refresh,
            baseURL: baseURL)
    }
}
