@testable import MarketData

/// Feeds any bytes to the `Data/<SYMBOL>.csv` reader; a thrown error is the expected outcome.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? PriceCSV.parse(text, path: "fuzz.csv", symbol: Symbol(validated: "FUZZ"))
    return 0
}
