import Forecasting
import MarketData

/// One experiment, as read from `Strategies/<name>.json`.
public struct Strategy: Sendable, Equatable {
    public var name: String
    public var tickers: [Symbol]
    public var start: TradingDate?
    public var end: TradingDate?
    public var forecast: ForecastSettings
    public var trading: TradingSettings
    /// Non-fatal remarks found while loading (a level target, for instance).
    public var warnings: [String] = []
    /// SHA-256 of the file the strategy was loaded from; nil when parsed from text.
    public var sourceSHA256: String?

    public init(
        name: String, tickers: [Symbol], start: TradingDate? = nil, end: TradingDate? = nil,
        forecast: ForecastSettings = ForecastSettings(),
        trading: TradingSettings = TradingSettings()
    ) {
        self.name = name
        self.tickers = tickers
        self.start = start
        self.end = end
        self.forecast = forecast
        self.trading = trading
    }

    public var isLeaky: Bool { forecast.isLeaky }
}
