import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

@Suite struct AlphaVantageFetchTests {
    static let key = "AV-SECRET-KEY-42"
    static let environment = ["ALPHAVANTAGE_API_KEY": key]

    @Test func newestFirstAnswerIsStoredOldestFirstAndTheKeyNowhere() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "IBM")
        fixture.server.alphaVantageKey = Self.key
        let fetcher = fixture.fetcher(environment: Self.environment)

        let outcome = try #require(
            fixture.fetch(["IBM"], source: .alphavantage, using: fetcher).first)

        let summary = try outcome.requireSummary()
        #expect(summary.rowCount == 5)
        let lines = try fixture.csvText("IBM").split(separator: "\n")
        #expect(lines[1] == "2024-01-02,99.5,101,99,100,100,1000000")
        #expect(lines[5].hasPrefix("2024-01-08,"))
        let request = try #require(fixture.server.dataRequests.first)
        #expect(request.query["apikey"] == Self.key)
        #expect(
            request.target
                == "/query?function=TIME_SERIES_DAILY&symbol=IBM&outputsize=full&apikey=\(Self.key)"
        )
        for (name, bytes) in fixture.snapshot() {
            #expect(!String(decoding: bytes, as: UTF8.self).contains(Self.key), "\(name)")
        }
        #expect(!fixture.events.values.contains { "\($0)".contains(Self.key) })
        #expect(try fixture.provenance("IBM").url.hasSuffix("apikey=REDACTED"))
    }

    @Test func recentRangeAsksForCompactOutput() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-05-01", count: 40), for: "IBM")
        let fetcher = fixture.fetcher(environment: Self.environment)

        let outcome = try #require(
            fixture.fetch(["IBM"], source: .alphavantage, from: "2024-06-01", using: fetcher).first)

        _ = try outcome.requireSummary()
        #expect(fixture.server.dataRequests.first?.query["outputsize"] == "compact")
    }

    @Test func missingKeyFailsBeforeAnyRequestAndSaysHowToSetIt() throws {
        let fixture = try FetchFixture()

        let outcome = try #require(fixture.fetch(["IBM"], source: .alphavantage).first)

        #expect(
            outcome.error == .missingAPIKey(source: .alphavantage, variable: "ALPHAVANTAGE_API_KEY")
        )
        #expect(outcome.error?.description.contains("export ALPHAVANTAGE_API_KEY=") == true)
        #expect(fixture.server.requests.isEmpty)
    }

    @Test(arguments: [
        (FakeFault.alphaVantageNote, "Note"), (.alphaVantageInformation, "Information"),
        (.alphaVantageErrorMessage, "Error Message"),
    ])
    func http200ComplaintsBecomeTypedErrors(fault: FakeFault, field: String) throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "IBM")
        fixture.server.enqueue(fault, vendor: .alphaVantage)
        let fetcher = fixture.fetcher(environment: Self.environment)

        let outcome = try #require(
            fixture.fetch(["IBM"], source: .alphavantage, using: fetcher).first)

        guard case .alphaVantageRejected(_, let url, let reported, _)? = outcome.error else {
            Issue.record("expected alphaVantageRejected, got \(outcome)")
            return
        }
        #expect(reported == field)
        #expect(!url.contains(Self.key))
        #expect(outcome.error?.description.contains(Self.key) == false)
        #expect(fixture.server.dataRequests.count == 1)
    }

    @Test func vendorTextEchoingTheKeyIsScrubbed() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(
            .alphaVantageBody("Information", "key \(Self.key) is over its quota"),
            vendor: .alphaVantage)
        let fetcher = fixture.fetcher(environment: Self.environment)

        let outcome = try #require(
            fixture.fetch(["IBM"], source: .alphavantage, using: fetcher).first)

        let text = try #require(outcome.error).description
        #expect(text.contains("key REDACTED is over its quota"))
        #expect(!text.contains(Self.key))
    }

    @Test func malformedJSONIsATypedError() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(
            .malformed(#"{"Time Series (Daily)": {"2024-01-02": {"1. open": "abc"}}}"#),
            vendor: .alphaVantage)
        let fetcher = fixture.fetcher(environment: Self.environment)

        let outcome = try #require(
            fixture.fetch(["IBM"], source: .alphavantage, using: fetcher).first)

        guard case .malformedPayload(_, _, .alphavantage, let detail)? = outcome.error else {
            Issue.record("expected malformedPayload, got \(outcome)")
            return
        }
        #expect(detail.contains("2024-01-02"))
    }
}
