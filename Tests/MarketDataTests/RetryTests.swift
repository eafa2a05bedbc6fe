import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

@Suite struct RetryTests {
    @Test func tooManyRequestsWaitsForRetryAfterSeconds() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        fixture.server.enqueue(.tooManyRequests(retryAfter: "7"), vendor: .yahoo)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .yahoo).first)

        _ = try outcome.requireSummary()
        #expect(fixture.sleeps.values == [7])
        #expect(fixture.server.dataRequests.count == 2)
    }

    @Test func retryAfterAsHTTPDateIsHonoured() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        // FetchFixture.now is 2024-07-01 12:00:00 UTC.
        fixture.server.enqueue(
            .tooManyRequests(retryAfter: "Mon, 01 Jul 2024 12:00:30 GMT"), vendor: .stooq)

        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()

        #expect(fixture.sleeps.values == [30])
    }

    @Test func serverErrorThenSuccessBacksOffAndSucceeds() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        fixture.server.enqueue(.serverError, vendor: .stooq)
        fixture.server.enqueue(.badGateway, vendor: .stooq)

        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()

        // Equal jitter with random 0.5: 0.75 of 0.01 s, then of 0.02 s.
        #expect(fixture.sleeps.values == [0.0075, 0.015])
        #expect(fixture.server.dataRequests.count == 3)
        #expect(
            fixture.events.values.filter { if case .retrying = $0 { true } else { false } }.count
                == 2)
    }

    @Test func exhaustedRetriesFailAndLeaveTheCacheByteIdentical() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()
        let before = fixture.snapshot()
        fixture.server.resetRecords()
        fixture.server.enqueue(.serverError, vendor: .stooq, count: 4)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq).first)

        guard case .httpStatus(_, _, 500, _, let attempts)? = outcome.error else {
            Issue.record("expected httpStatus, got \(outcome)")
            return
        }
        #expect(attempts == 4)
        #expect(fixture.server.dataRequests.count == 4)
        #expect(fixture.snapshot() == before)
    }

    @Test func persistentRateLimitBecomesARateLimitError() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(.tooManyRequests(retryAfter: nil), vendor: .yahoo, count: 4)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .yahoo).first)

        guard case .rateLimited(_, _, 429, nil, 4)? = outcome.error else {
            Issue.record("expected rateLimited, got \(outcome)")
            return
        }
    }

    @Test func retryAfterBeyondTheLimitFailsWithoutWaiting() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(.tooManyRequests(retryAfter: "3600"), vendor: .yahoo)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .yahoo).first)

        guard case .rateLimited(_, _, 429, 3600?, 1)? = outcome.error else {
            Issue.record("expected rateLimited, got \(outcome)")
            return
        }
        #expect(fixture.sleeps.values.isEmpty)
    }

    @Test func otherClientErrorsFailAtOnce() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(.notFoundPlain, vendor: .stooq)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq).first)

        guard case .httpStatus(_, _, 404, "Not Found", 1)? = outcome.error else {
            Issue.record("expected httpStatus 404, got \(outcome)")
            return
        }
        #expect(fixture.server.dataRequests.count == 1)
    }

    @Test func slowAnswerTimesOutAndIsRetried() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        fixture.server.enqueue(.delay(seconds: 1.0), vendor: .stooq)
        let fetcher = fixture.fetcher(totalTimeoutSeconds: 0.3)

        _ = try #require(fixture.fetch(["AAPL"], source: .stooq, using: fetcher).first)
            .requireSummary()

        #expect(fixture.server.dataRequests.count == 2)
    }

    @Test func timeoutOnEveryAttemptIsATimeoutError() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(.delay(seconds: 0.6), vendor: .stooq, count: 2)
        let fetcher = fixture.fetcher(retries: 1, totalTimeoutSeconds: 0.2)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq, using: fetcher).first)

        guard case .timedOut(_, _, 0.2, 2)? = outcome.error else {
            Issue.record("expected timedOut, got \(outcome)")
            return
        }
    }

    @Test func bodyCutShortIsRetried() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 50), for: "AAPL")
        fixture.server.enqueue(.cutShort, vendor: .stooq)

        let summary = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()

        #expect(summary.rowCount == 50)
        #expect(fixture.server.dataRequests.count == 2)
    }

    @Test func bodyCutShortEveryTimeFailsAndKeepsTheCache() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 50), for: "AAPL")
        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()
        let before = fixture.snapshot()
        fixture.server.enqueue(.cutShort, vendor: .stooq, count: 4)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq, refresh: true).first)

        guard case .transferFailed(_, _, 18, _, 4)? = outcome.error else {
            Issue.record("expected transferFailed with curl 18, got \(outcome)")
            return
        }
        #expect(fixture.snapshot() == before)
    }

    @Test(arguments: [
        ("120", 120.0), (" 0 ", 0), ("Mon, 01 Jul 2024 12:01:00 GMT", 60),
        ("Monday, 01-Jul-24 12:00:10 GMT", 10), ("Mon Jul  1 12:00:05 2024", 5),
        ("Sun, 30 Jun 2024 12:00:00 GMT", 0),
    ])
    func retryAfterParsesSecondsAndHTTPDates(value: String, seconds: Double) {
        #expect(RetryPolicy.retryAfterSeconds(value, now: FetchFixture.now) == seconds)
    }

    @Test func retryAfterGarbageIsIgnored() {
        #expect(RetryPolicy.retryAfterSeconds("soon", now: FetchFixture.now) == nil)
    }
}
