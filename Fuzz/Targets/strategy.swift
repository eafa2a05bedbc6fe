import Backtesting

/// Feeds any bytes to the strategy loader, as the text of `Strategies/fuzz.json`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? StrategyLoader.parse(text, path: "Strategies/fuzz.json")
    return 0
}
