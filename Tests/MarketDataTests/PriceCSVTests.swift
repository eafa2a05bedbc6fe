import Foundation
import Testing

@testable import MarketData

@Suite struct PriceCSVTests {
    let symbol = Symbol(validated: "TEST")

    func parse(_ text: String) throws -> PriceCSV.Contents {
        try PriceCSV.parse(text, path: "Data/TEST.csv", symbol: symbol)
    }

    func expectError(_ text: String, _ expected: MarketDataError) {
        #expect(throws: expected) { try parse(text) }
    }

    @Test func readsTheDataFormat() throws {
        let contents = try parse(
            """
            Date,Open,High,Low,Close,Adj Close,Volume
            2020-01-02,10,11,9.5,10.5,10.25,1000
            2020-01-03,10.5,10.75,10,10.25,10.0,1200

            """)
        #expect(contents.series.count == 2)
        #expect(
            contents.series.bars[0]
                == Bar(
                    date: TradingDate(iso: "2020-01-02")!, open: 10, high: 11, low: 9.5,
                    close: 10.5,
                    adjustedClose: 10.25, volume: 1000))
        #expect(contents.warnings.isEmpty)
    }

    @Test func acceptsCRLFAndAMissingFinalNewline() throws {
        let text =
            "Date,Open,High,Low,Close,Adj Close,Volume\r\n2020-01-02,1,2,1,2,2,5\r\n"
            + "2020-01-03,2,3,2,3,3,5"
        #expect(try parse(text).series.count == 2)
    }

    @Test func sixColumnFilesUseCloseAsAdjustedClose() throws {
        let bars = try parse("Date,Open,High,Low,Close,Volume\n2020-01-02,1,2,1,1.5,7\n").series
            .bars
        #expect(bars[0].adjustedClose == 1.5)
        #expect(bars[0].volume == 7)
    }

    @Test func unparseableCellNamesFileLineAndColumn() {
        expectError(
            "Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,1,1.5,1.5,9\n"
                + "2020-01-03,1,2,1,1;5,1.5,9\n",
            .badCell(
                path: "Data/TEST.csv", line: 3, column: "Close", value: "1;5",
                expected: "a number with '.' as decimal point and no thousands separator"))
        #expect(
            MarketDataError.badCell(
                path: "Data/TEST.csv", line: 3, column: "Close", value: "1;5", expected: "x"
            ).description
                .hasPrefix("Data/TEST.csv:3: column Close"))
    }

    @Test func badDateIsFatal() {
        expectError(
            "Date,Open,High,Low,Close,Adj Close,Volume\n02/01/2020,1,2,1,1.5,1.5,9\n",
            .badCell(
                path: "Data/TEST.csv", line: 2, column: "Date", value: "02/01/2020",
                expected: "an ISO date YYYY-MM-DD"))
    }

    @Test func nonPositivePriceIsFatal() {
        expectError(
            "Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,0,1.5,1.5,9\n",
            .nonPositivePrice(
                path: "Data/TEST.csv", line: 2, date: "2020-01-02", column: "Low", value: "0.0"))
    }

    @Test func duplicateAndUnsortedDatesAreFatal() {
        let header = "Date,Open,High,Low,Close,Adj Close,Volume\n"
        expectError(
            header + "2020-01-02,1,2,1,1.5,1.5,9\n2020-01-02,1,2,1,1.5,1.5,9\n",
            .duplicateDate(path: "Data/TEST.csv", line: 3, date: "2020-01-02"))
        expectError(
            header + "2020-01-03,1,2,1,1.5,1.5,9\n2020-01-02,1,2,1,1.5,1.5,9\n",
            .unsortedDate(
                path: "Data/TEST.csv", line: 3, date: "2020-01-02", previous: "2020-01-03"))
    }

    @Test func wrongHeaderAndShortRowsAreFatal() {
        expectError(
            "date;open\n",
            .badHeader(path: "Data/TEST.csv", found: "date;open", expected: PriceCSV.header))
        #expect(throws: MarketDataError.self) {
            try parse("Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,1\n")
        }
        expectError(
            "Date,Open,High,Low,Close,Adj Close,Volume\n", .emptySeries(path: "Data/TEST.csv"))
    }

    @Test func suspiciousRowsAreKeptWithWarnings() throws {
        let contents = try parse(
            """
            Date,Open,High,Low,Close,Adj Close,Volume
            2020-01-02,10,11,9,10,10,100
            2020-01-03,10,9,11,10,10,100
            2020-01-20,10,11,9,10,10,100
            2020-01-21,16,16,15,16,16,100
            """)
        #expect(contents.series.count == 4)
        #expect(contents.warnings.map(\.kind) == [.inconsistentOHLC, .gap, .largeMove])
        #expect(contents.warnings.map(\.line) == [3, 4, 5])
        #expect(contents.warnings[1].description.hasPrefix("Data/TEST.csv:4: 2020-01-20"))
    }

    @Test func encodingRoundTripsExactly() throws {
        let bars = [
            Bar(
                date: TradingDate(iso: "1986-03-13")!, open: 0.0672, high: 0.07533, low: 0.0672,
                close: 0.07533, volume: 1_371_330_506),
            Bar(
                date: TradingDate(iso: "1986-03-14")!, open: 1e-5, high: 2.5, low: 1e-5, close: 0.1,
                adjustedClose: 0.05, volume: 0),
        ]
        let series = PriceSeries(symbol: symbol, bars: bars)
        let text = PriceCSV.encode(series)
        #expect(
            text.hasPrefix(
                PriceCSV.header + "\n1986-03-13,0.0672,0.07533,0.0672,0.07533,0.07533,1371330506\n")
        )
        #expect(!text.contains("e-"))
        #expect(try parse(text).series == series)
    }

    @Test func atomicWriteReplacesWholeFileAndLeavesNoTemporary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("TEST.csv")
        try AtomicFile.write("old", to: url)
        try AtomicFile.write("new content", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "new content")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["TEST.csv"])
    }

    @Test func failedAtomicWriteKeepsTheOldFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("TEST.csv")
        try AtomicFile.write("old", to: url)
        // A directory where the file should go makes the final rename fail.
        let blocked = directory.appendingPathComponent("blocked")
        try FileManager.default.createDirectory(
            at: blocked.appendingPathComponent("x"), withIntermediateDirectories: true)
        #expect(throws: MarketDataError.self) { try AtomicFile.write("new", to: blocked) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "old")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "TEST.csv", "blocked",
            ])
    }

    @Test func missingFileSaysHowToGetIt() {
        let store = DataStore(directory: URL(fileURLWithPath: "/nonexistent-dir"))
        #expect(
            throws: MarketDataError.missingFile(path: "/nonexistent-dir/TEST.csv", symbol: "TEST")
        ) {
            try store.load(symbol)
        }
    }
}
