import Foundation
import Testing

@testable import MarketData

/// Swift treats CR LF as a single `Character`, so splitting a `String` on `"\n"` alone would
/// never split CRLF text; the reader splits on both.
@Suite struct PriceCSVLineEndingTests {
    @Test
    func crlfFilesAreReadAsTheDocumentationPromises() throws {
        let text = PriceCSV.header + "\r\n2024-01-02,10,11,9,10,10,100\r\n"
        let contents = try PriceCSV.parse(text, path: "f", symbol: try Symbol("CRLF"))
        #expect(contents.series.count == 1)
    }

    @Test func lfFilesAreRead() throws {
        let text = PriceCSV.header + "\n2024-01-02,10,11,9,10,10,100\n"
        let contents = try PriceCSV.parse(text, path: "f", symbol: try Symbol("LF"))
        #expect(contents.series.count == 1)
    }
}
