import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

@Suite struct FetcherTests {
    @Test(arguments: ["../x", "a/b", "ABCDEFGHIJKLMNOPQRSTU", "", "..", "A B", "x%2f"])
    func unsafeSymbolsFailAloneWithoutReachingAURLOrAPath(text: String) throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")

        let outcomes = fixture.fetch(["AAPL", text], source: .stooq)

        #expect(outcomes.map(\.symbolText) == ["AAPL", text])
        #expect(outcomes[0].succeeded)
        #expect(outcomes[1].error == .invalidSymbol(text: text))
        #expect(fixture.server.dataRequests.count == 1)
        #expect(Set(fixture.snapshot().keys) == ["AAPL.csv", "AAPL.json"])
        let parent = fixture.directory.deletingLastPathComponent()
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Data"])
    }

    @Test func outcomesKeepTheRequestOrderAndFailuresDoNotStopOthers() throws {
        let fixture = try FetchFixture()
        let symbols = ["S0", "S1", "MISSING", "S3", "S4", "S5"]
        for symbol in symbols where symbol != "MISSING" {
            fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: symbol)
        }
        let fetcher = fixture.fetcher(concurrency: 3)

        let outcomes = fixture.fetch(symbols, source: .stooq, using: fetcher)

        #expect(outcomes.map(\.symbolText) == symbols)
        #expect(outcomes.map(\.succeeded) == [true, true, false, true, true, true])
        #expect(fixture.snapshot().count == 10)
    }

    @Test func requestsPerHostStayWithinThePolitenessLimit() throws {
        let fixture = try FetchFixture()
        let symbols = (0..<8).map { "P\($0)" }
        for symbol in symbols {
            fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 3), for: symbol)
        }
        fixture.server.latencySeconds = 0.1

        let outcomes = fixture.fetch(
            symbols, source: .stooq, using: fixture.fetcher(concurrency: 4))

        #expect(outcomes.allSatisfy { $0.succeeded })
        #expect(fixture.server.maximumConcurrentRequests == 2)
    }

    @Test func concurrencyBoundsTheSymbolsInFlight() throws {
        let fixture = try FetchFixture()
        let symbols = (0..<9).map { "C\($0)" }
        for symbol in symbols {
            fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 3), for: symbol)
        }
        fixture.server.latencySeconds = 0.15
        var fetcher = fixture.fetcher(concurrency: 3)
        fetcher.perHostConcurrency = 8

        let outcomes = fixture.fetch(symbols, source: .stooq, using: fetcher)

        #expect(outcomes.allSatisfy { $0.succeeded })
        #expect(fixture.server.maximumConcurrentRequests == 3)
    }

    @Test func minimumIntervalSpacesRequestsToOneHost() throws {
        let fixture = try FetchFixture()
        let symbols = ["M0", "M1", "M2"]
        for symbol in symbols {
            fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 3), for: symbol)
        }
        var fetcher = fixture.fetcher(concurrency: 3)
        fetcher.minimumIntervalPerHostSeconds = 0.1
        let start = Date()

        let outcomes = fixture.fetch(symbols, source: .stooq, using: fetcher)

        #expect(outcomes.allSatisfy { $0.succeeded })
        #expect(Date().timeIntervalSince(start) >= 0.2)
    }

    @Test func badBaseURLFailsEverySymbolWithoutTraffic() throws {
        let fixture = try FetchFixture()
        let request = FetchRequest(
            symbols: ["AAPL"], source: .stooq, baseURL: "ftp://127.0.0.1/x")

        let outcomes = fixture.fetcher().fetch(request)

        guard case .invalidBaseURL? = outcomes.first?.error else {
            Issue.record("expected invalidBaseURL, got \(outcomes)")
            return
        }
    }

    @Test func asyncFetchGivesTheSameOutcomes() async throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        let request = FetchRequest(
            symbols: ["AAPL"], source: .stooq, baseURL: fixture.server.baseURL)

        let outcomes = await fixture.fetcher().fetch(request)

        #expect(outcomes.first?.summary?.rowCount == 5)
    }
}
