@testable import MarketData

/// Feeds any bytes to the strict JSON parser behind strategy files and run.json.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? JSONParser.parse(text)
    return 0
}
