import Foundation
import Testing

@testable import MarketData

/// Found while writing the Stooq parser: Swift treats CR LF as a single `Character`, so
/// splitting a `String` on `"\n"` never splits CRLF text.
@Suite struct PriceCSVLineEndingTests {
    // The fix (split on Character.isNewline or on UTF-8 bytes) belongs to PriceCSV's owner.
    @Test(.disabled("PriceCSV.parse splits on the Character LF, which never matches CR LF"))
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
