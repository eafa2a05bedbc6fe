@testable import MarketData

/// Feeds any bytes to symbol validation and ISO date parsing, and prints what they accept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let symbol = try? Symbol(text) {
        // A valid symbol must never be able to leave its folder.
        precondition(!symbol.text.contains("/") && symbol.text != "..", "unsafe symbol \(text)")
    }
    if let date = TradingDate(iso: text) {
        precondition(date.iso == text, "\(text) reads back as \(date.iso)")
    }
    return 0
}
