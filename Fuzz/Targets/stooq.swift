import Foundation

@testable import MarketData

/// Feeds any bytes to Stooq's CSV parser, as a vendor answer with HTTP 200.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(bytes: data, count: size)
    _ = try? StooqProvider.parse(body, symbol: Symbol(validated: "FUZZ"), url: "fuzz")
    return 0
}
