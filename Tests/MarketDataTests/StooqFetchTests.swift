import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

@Suite struct StooqFetchTests {
    @Test func plainUSTickerGetsTheUSSuffixAndParsesEveryRow() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")

        let outcomes = fixture.fetch(["AAPL"], source: .stooq)
        let summary = try #require(outcomes.first).requireSummary()

        #expect(summary.mode == .new)
        #expect(summary.rowCount == 5)
        #expect(summary.firstDate.iso == "2024-01-02")
        #expect(summary.lastDate.iso == "2024-01-08")
        let request = try #require(fixture.server.dataRequests.first)
        #expect(request.target == "/q/d/l/?s=aapl.us&i=d")
        let lines = try fixture.csvText("AAPL").split(separator: "\n")
        #expect(lines[0] == "Date,Open,High,Low,Close,Adj Close,Volume")
        // Stooq sends no adjusted close: Adj Close equals Close.
        #expect(lines[1] == "2024-01-02,99.5,101,99,100,100,1000000")
    }

    @Test func dateRangeIsSentAsCompactDates() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 20), for: "MSFT")

        let outcomes = fixture.fetch(["MSFT"], source: .stooq, from: "2024-01-05", to: "2024-01-10")

        let summary = try #require(outcomes.first).requireSummary()
        #expect(summary.rowCount == 4)
        let query = try #require(fixture.server.dataRequests.first).query
        #expect(query["d1"] == "20240105")
        #expect(query["d2"] == "20240110")
    }

    @Test(arguments: [("^SPX", "^spx"), ("BMW.DE", "bmw.de"), ("brk-b", "brk-b.us")])
    func vendorSymbolKeepsMarketSuffixesAndIndices(symbol: String, expected: String) throws {
        #expect(StooqProvider.vendorSymbol(try Symbol(symbol)) == expected)
    }

    @Test func unknownSymbolIsReportedAsNotFound() throws {
        let fixture = try FetchFixture()

        let outcome = try #require(fixture.fetch(["NOPE"], source: .stooq).first)

        guard case .symbolNotFound(let symbol, _, _, _)? = outcome.error else {
            Issue.record("expected symbolNotFound, got \(outcome)")
            return
        }
        #expect(symbol == "NOPE")
        #expect(fixture.snapshot().isEmpty)
    }

    @Test func dailyLimitAnswerIsATypedErrorAndNotRetried() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        fixture.server.enqueue(.stooqDailyLimit, vendor: .stooq)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq).first)

        guard case .stooqDailyLimit? = outcome.error else {
            Issue.record("expected stooqDailyLimit, got \(outcome)")
            return
        }
        #expect(fixture.server.dataRequests.count == 1)
    }

    @Test func apiKeyPageExplainsHowToGetAKey() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        fixture.server.stooqKey = "stooq-secret-1"

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq).first)

        guard case .stooqAPIKeyRequired(_, _, let keyWasSent)? = outcome.error else {
            Issue.record("expected stooqAPIKeyRequired, got \(outcome)")
            return
        }
        #expect(!keyWasSent)
        #expect(outcome.error?.description.contains("STOOQ_API_KEY") == true)
    }

    @Test func apiKeyFromTheEnvironmentIsSentButNeverStored() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        fixture.server.stooqKey = "stooq-secret-1"
        let fetcher = fixture.fetcher(environment: ["STOOQ_API_KEY": "stooq-secret-1"])

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq, using: fetcher).first)

        _ = try outcome.requireSummary()
        #expect(fixture.server.dataRequests.first?.query["apikey"] == "stooq-secret-1")
        for (name, bytes) in fixture.snapshot() {
            #expect(!String(decoding: bytes, as: UTF8.self).contains("stooq-secret-1"), "\(name)")
        }
        #expect(try fixture.provenance("AAPL").url.contains("apikey=REDACTED"))
        #expect(!fixture.events.values.contains { "\($0)".contains("stooq-secret-1") })
    }

    @Test func malformedCSVFailsAndWritesNothing() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(
            .malformed("Date,Open,High,Low,Close,Volume\r\n2024-01-02,1,2,x,1,5\r\n"),
            vendor: .stooq)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq).first)

        guard case .malformedPayload(_, _, .stooq, let detail)? = outcome.error else {
            Issue.record("expected malformedPayload, got \(outcome)")
            return
        }
        #expect(detail.contains("line 2"))
        #expect(fixture.snapshot().isEmpty)
    }

    @Test func parserAcceptsTheRecordedCRLFFormatAndRejectsPolishHeaders() throws {
        let symbol = try Symbol("AAPL")
        let body = Data(
            ("Date,Open,High,Low,Close,Volume\r\n"
                + "1984-09-07,0.099172,0.10039,0.0979751,0.099172,97676000\r\n").utf8)
        let bars = try StooqProvider.parse(body, symbol: symbol, url: "u")
        #expect(
            bars == [
                Bar(
                    date: TradingDate(iso: "1984-09-07")!, open: 0.099172, high: 0.10039,
                    low: 0.0979751, close: 0.099172, volume: 97_676_000)
            ])
        let polish = Data("Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen\r\n".utf8)
        #expect(throws: FetchError.self) {
            try StooqProvider.parse(polish, symbol: symbol, url: "u")
        }
    }
}
