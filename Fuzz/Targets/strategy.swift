import Backtesting
import Forecasting
import MarketData

/// Feeds any bytes to the strategy loader, as the text of `Strategies/fuzz.json`, and
/// prepares a short series with every strategy it accepts: a validated strategy must not
/// trap later either.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let strategy = try? StrategyLoader.parse(text, path: "Strategies/fuzz.json") else {
        return 0
    }
    let series = PriceSeries(symbol: strategy.tickers[0], bars: bars)
    let prepared = PreparedSymbol(
        series: series, settings: strategy.forecast, calendar: bars.map(\.date))
    _ = (prepared.firstDecisionBar, strategy.forecast.purgeDays)
    return 0
}

/// Forty days of a gently rising price.
let bars = (0..<40).map { day in
    let close = 100 + Double(day)
    return Bar(
        date: TradingDate(year: 2020, month: 1, day: 1)! + day, open: close, high: close + 1,
        low: close - 1, close: close, volume: 1000)
}
