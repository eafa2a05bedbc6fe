import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

@Suite struct YahooFetchTests {
    @Test func datesAreExchangeLocalNullsSkippedAndAdjustedCloseKept() throws {
        let fixture = try FetchFixture()
        var bars = SampleBars.weekdays(from: "2024-01-02", count: 6)
        bars[2].isNull = true
        fixture.server.setBars(bars, for: "BHP.AX")
        // Sydney's 09:30 open is the previous evening in UTC: a UTC date would be a day early.
        fixture.server.setYahooTimeZone("Australia/Sydney", for: "BHP.AX")

        let outcome = try #require(fixture.fetch(["BHP.AX"], source: .yahoo).first)
        let summary = try outcome.requireSummary()

        #expect(summary.rowCount == 5)
        #expect(summary.firstDate.iso == "2024-01-02")
        #expect(
            summary.notes.contains { $0.contains("skipped 1 row(s) with null prices (2024-01-04)") }
        )
        let lines = try fixture.csvText("BHP.AX").split(separator: "\n")
        #expect(lines[1] == "2024-01-02,99.5,101,99,100,98,1000000")
        #expect(!lines.contains { $0.hasPrefix("2024-01-04") })
        let request = try #require(fixture.server.dataRequests.first)
        #expect(request.path == "/v8/finance/chart/BHP.AX")
        #expect(request.query["interval"] == "1d")
        #expect(request.query["events"] == "div,splits")
        #expect(request.target.contains("events=div,splits"))
        #expect(request.headers["user-agent"]?.hasPrefix("Mozilla/5.0") == true)
    }

    @Test func periodBoundsCoverTheRequestedDays() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 20), for: "AAPL")

        let outcome = try #require(
            fixture.fetch(["AAPL"], source: .yahoo, from: "2024-01-03", to: "2024-01-05").first)

        #expect(try outcome.requireSummary().rowCount == 3)
        let query = try #require(fixture.server.dataRequests.first).query
        #expect(query["period1"] == String(TradingDate(iso: "2024-01-03")!.unixSeconds))
        #expect(query["period2"] == String(TradingDate(iso: "2024-01-06")!.unixSeconds))
    }

    @Test func splitsAndDividendsAreRecordedInProvenance() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 10), for: "AAPL")
        fixture.server.setYahooEvents(
            for: "AAPL", splits: [("2024-01-05", 4, 1)], dividends: [("2024-01-10", 0.24)])

        let outcome = try #require(fixture.fetch(["AAPL"], source: .yahoo).first)

        _ = try outcome.requireSummary()
        let events = try fixture.provenance("AAPL").events
        #expect(
            events == [
                PriceEvent(
                    kind: .split, date: TradingDate(iso: "2024-01-05")!, value: 4, detail: "4:1"),
                PriceEvent(kind: .dividend, date: TradingDate(iso: "2024-01-10")!, value: 0.24),
            ])
    }

    @Test func unknownSymbolMapsTheVendorsNotFoundAnswer() throws {
        let fixture = try FetchFixture()

        let outcome = try #require(fixture.fetch(["ZZZZ"], source: .yahoo).first)

        guard case .symbolNotFound(_, _, 404, let message)? = outcome.error else {
            Issue.record("expected symbolNotFound, got \(outcome)")
            return
        }
        #expect(message == "No data found, symbol may be delisted")
        #expect(fixture.server.dataRequests.count == 1)
    }

    @Test func rangeBeforeListingMapsToNoDataInRange() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "ARM")

        let outcome = try #require(
            fixture.fetch(["ARM"], source: .yahoo, from: "2007-10-09", to: "2022-12-30").first)

        guard case .noDataInRange(_, _, 400, let message)? = outcome.error else {
            Issue.record("expected noDataInRange, got \(outcome)")
            return
        }
        #expect(message.hasPrefix("Data doesn't exist for startDate"))
    }

    @Test func cookieAndCrumbHandshakeRunsWhenYahooRefusesTheSession() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        fixture.server.yahooRequiresCrumb = true

        let outcome = try #require(fixture.fetch(["AAPL", "AAPL"], source: .yahoo).first)

        _ = try outcome.requireSummary()
        let paths = fixture.server.requests.map(\.path)
        #expect(
            paths == [
                "/v8/finance/chart/AAPL", "/", "/v1/test/getcrumb", "/v8/finance/chart/AAPL",
                "/v8/finance/chart/AAPL",
            ])
        // The crumb holds a '/', so it must arrive percent-encoded and decode intact.
        #expect(fixture.server.requests[3].query["crumb"] == FakeVendorServer.crumb)
        #expect(fixture.server.requests[3].target.contains("crumb=aB3%2FxY.9z"))
        #expect(!(try fixture.provenance("AAPL").url.contains("aB3")))
    }

    @Test(arguments: [FakeFault.yahooInvalidCookie, FakeFault.yahooInvalidCrumb])
    func invalidCookieOrCrumbIsRetriedOnceAfterAHandshake(fault: FakeFault) throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        fixture.server.enqueue(fault, vendor: .yahoo)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .yahoo).first)

        _ = try outcome.requireSummary()
        #expect(fixture.server.dataRequests.count == 2)
        #expect(fixture.server.dataRequests[1].query["crumb"] == FakeVendorServer.crumb)
    }

    @Test func persistentRefusalFailsAfterOneHandshake() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        fixture.server.enqueue(.yahooInvalidCrumb, vendor: .yahoo, count: 2)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .yahoo).first)

        guard case .yahooUnauthorized(_, _, 401, let message)? = outcome.error else {
            Issue.record("expected yahooUnauthorized, got \(outcome)")
            return
        }
        #expect(message == "Invalid Crumb")
        #expect(fixture.server.dataRequests.count == 2)
    }

    @Test func malformedJSONIsATypedError() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(.malformed(#"{"chart":{"result":[{"meta":"#), vendor: .yahoo)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .yahoo).first)

        guard case .malformedPayload(_, _, .yahoo, _)? = outcome.error else {
            Issue.record("expected malformedPayload, got \(outcome)")
            return
        }
    }

    @Test func unknownZoneNameFallsBackToGMTOffset() throws {
        // 2020-01-02 03:00 UTC is still 2020-01-01 at UTC-5.
        let body = Data(
            (#"{"chart":{"result":[{"meta":{"gmtoffset":-18000,"#
                + #""exchangeTimezoneName":"Nowhere/None"},"#
                + #""timestamp":[1577934000],"indicators":{"quote":[{"open":[1.5],"high":[2],"#
                + #""low":[1],"close":[1.75],"volume":[null]}]}}],"error":null}}"#).utf8)
        let query = ProviderQuery(
            symbol: try Symbol("X"), from: nil, to: nil, baseURL: "http://h", now: FetchFixture.now)

        let payload = try YahooProvider.parse(body, query: query, url: "u")

        #expect(payload.bars.map(\.date.iso) == ["2020-01-01"])
        #expect(payload.bars.first?.adjustedClose == 1.75)
        #expect(payload.bars.first?.volume == 0)
        #expect(payload.notes.count == 2)
    }
}

extension YahooFetchTests {
    @Test func realServiceTakesItsCookieFromTheCookieHost() throws {
        let symbol = try Symbol("AAPL")
        let real = ProviderQuery(
            symbol: symbol, from: nil, to: nil, baseURL: PriceSource.yahoo.defaultBaseURL,
            now: FetchFixture.now)
        var fake = real
        fake.baseURL = "http://127.0.0.1:9"

        #expect(YahooProvider.cookieURL(for: real).full == "https://fc.yahoo.com/")
        #expect(YahooProvider.cookieURL(for: fake).full == "http://127.0.0.1:9/")
    }
}

extension YahooFetchTests {
    /// A chart body with one session at `timestamp`, in `zone` or else at `gmtoffset`.
    static func chart(
        timestamp: String, gmtoffset: String, zone: String = "Nowhere/None", events: String = ""
    ) -> Data {
        Data(
            (#"{"chart":{"result":[{"meta":{"gmtoffset":\#(gmtoffset),"#
                + #""exchangeTimezoneName":"\#(zone)"},"timestamp":[\#(timestamp)],"#
                + #""indicators":{"quote":[{"open":[1.5],"high":[2],"low":[1],"close":[1.75],"#
                + #""volume":[9]}]}\#(events)}],"error":null}}"#).utf8)
    }

    @Test(arguments: [
        chart(timestamp: "9223372036854775807", gmtoffset: "3600"),
        chart(timestamp: "-9223372036854775808", gmtoffset: "0"),
        chart(timestamp: "9223372036854775807", gmtoffset: "0", zone: "America/New_York"),
        chart(timestamp: "1577934000", gmtoffset: "9223372036854775807"),
        chart(
            timestamp: "1577934000", gmtoffset: "0",
            events: #","events":{"dividends":{"x":{"amount":1,"date":-9223372036854775808}}}"#),
    ])
    func timestampsAndOffsetsOutsideAnyCalendarAreMalformedPayloads(body: Data) throws {
        let query = ProviderQuery(
            symbol: try Symbol("X"), from: nil, to: nil, baseURL: "http://h", now: FetchFixture.now)

        do {
            _ = try YahooProvider.parse(body, query: query, url: "u")
            Issue.record("expected malformedPayload")
        } catch FetchError.malformedPayload(let symbol, _, .yahoo, let detail) {
            #expect(symbol == "X")
            #expect(detail.contains("expected"))
        }
    }
}
