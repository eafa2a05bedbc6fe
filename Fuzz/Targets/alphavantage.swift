import Foundation

@testable import MarketData

/// Feeds any bytes to Alpha Vantage's TIME_SERIES_DAILY parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    _ = try? AlphaVantageProvider.parse(body, symbol: Symbol(validated: "FUZZ"), url: "fuzz")
    return 0
}
