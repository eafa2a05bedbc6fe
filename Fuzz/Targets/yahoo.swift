import Foundation

@testable import MarketData

/// Feeds any bytes to Yahoo's chart parser, once for the whole history and once for a range.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    let symbol = Symbol(validated: "FUZZ")
    let now = Date(timeIntervalSince1970: 1_750_000_000)
    let everything = ProviderQuery(
        symbol: symbol, from: nil, to: nil, baseURL: "http://127.0.0.1", now: now)
    var range = everything
    range.from = TradingDate(year: 2020, month: 1, day: 1)
    range.to = TradingDate(year: 2021, month: 1, day: 1)
    _ = try? YahooProvider.parse(body, query: everything, url: "fuzz")
    _ = try? YahooProvider.parse(body, query: range, url: "fuzz")
    return 0
}
