import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

@Suite struct PriceCacheTests {
    @Test func secondFetchAsksOnlyFromTheLastDateMinusTheOverlap() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 40), for: "AAPL")
        _ = try #require(fixture.fetch(["AAPL"], source: .stooq, to: "2024-01-31").first)
            .requireSummary()
        fixture.server.resetRecords()

        let summary = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()

        #expect(summary.mode == .incremental)
        #expect(summary.rowCount == 40)
        #expect(summary.rowsAdded == 18)
        let query = try #require(fixture.server.dataRequests.first).query
        #expect(query["d1"] == "20240124")
        #expect(query["d2"] == "20240701")
        let provenance = try fixture.provenance("AAPL")
        #expect(provenance.history.map(\.mode) == [.new, .incremental])
        #expect(provenance.rowCount == 40)
        #expect(provenance.csvSHA256 == SHA256.hex(try fixture.csvText("AAPL")))
    }

    @Test func overlapDisagreementTriggersAFullRefetch() throws {
        let fixture = try FetchFixture()
        let original = SampleBars.weekdays(from: "2024-01-02", count: 30)
        fixture.server.setBars(original, for: "AAPL")
        _ = try #require(fixture.fetch(["AAPL"], source: .yahoo, to: "2024-01-31").first)
            .requireSummary()
        // A 2:1 split after the cache was written halves the whole back-adjusted history.
        fixture.server.setBars(
            SampleBars.weekdays(from: "2024-01-02", count: 30, firstClose: 50, step: 0.125),
            for: "AAPL")
        fixture.server.resetRecords()

        let summary = try #require(fixture.fetch(["AAPL"], source: .yahoo).first).requireSummary()

        #expect(summary.mode == .fullRefetch)
        #expect(summary.isFullRefetch)
        #expect(summary.fullRefetchReason?.contains("close of 2024-01-2") == true)
        #expect(summary.rowCount == 30)
        let requests = fixture.server.dataRequests
        #expect(requests.count == 2)
        #expect(requests[1].query["period1"] == String(YahooProvider.earliestDate.unixSeconds))
        #expect(try fixture.csvText("AAPL").contains("2024-01-02,49.5,51,49,50,"))
        #expect(
            fixture.events.values.contains { if case .fullRefetch = $0 { true } else { false } })
        #expect(try fixture.provenance("AAPL").notes.contains { $0.hasPrefix("full refetch:") })
    }

    @Test func refreshRefetchesEverythingAndReplacesTheFile() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 10), for: "AAPL")
        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-03", count: 5), for: "AAPL")
        fixture.server.resetRecords()

        let summary = try #require(fixture.fetch(["AAPL"], source: .stooq, refresh: true).first)
            .requireSummary()

        #expect(summary.mode == .refresh)
        #expect(summary.rowCount == 5)
        #expect(fixture.server.dataRequests.first?.query["d1"] == nil)
        #expect(try fixture.csvText("AAPL").split(separator: "\n").count == 6)
    }

    @Test func cachedRangeCoveringTheRequestNeedsNoNetwork() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 10), for: "AAPL")
        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()
        fixture.server.resetRecords()

        let summary = try #require(
            fixture.fetch(["AAPL"], source: .stooq, from: "2024-01-03", to: "2024-01-05").first
        ).requireSummary()

        #expect(summary.mode == .upToDate)
        #expect(fixture.server.requests.isEmpty)
    }

    @Test func switchingVendorsRefetchesInsteadOfMixing() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 10), for: "AAPL")
        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()

        let summary = try #require(fixture.fetch(["AAPL"], source: .yahoo).first).requireSummary()

        #expect(summary.mode == .fullRefetch)
        #expect(try fixture.provenance("AAPL").source == .yahoo)
    }

    @Test func vendorErrorLeavesTheCacheByteIdentical() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 10), for: "AAPL")
        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()
        let before = fixture.snapshot()
        let faults: [FakeFault] = [
            .stooqDailyLimit, .stooqAPIKeyPage, .malformed("Date,Open\r\n"),
            .malformed("Date,Open,High,Low,Close,Volume\r\n2024-01-20,1,2,0.5,-1,10\r\n"),
        ]
        for fault in faults {
            fixture.server.enqueue(fault, vendor: .stooq)

            let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq, refresh: true).first)

            #expect(!outcome.succeeded)
            #expect(fixture.snapshot() == before)
        }
    }

    @Test func fatalValuesInFetchedDataAreRejectedLikeTheCSVReader() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(
            .malformed(
                "Date,Open,High,Low,Close,Volume\r\n2024-01-02,1,2,0.5,1,10\r\n"
                    + "2024-01-02,1,2,0.5,1,10\r\n"),
            vendor: .stooq)

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq).first)

        guard case .invalidData(_, _, .duplicateDate(_, 2, "2024-01-02"))? = outcome.error else {
            Issue.record("expected a duplicate-date error, got \(outcome)")
            return
        }
    }

    @Test func fetchWaitsForTheLockAndFailsWhenItStaysTaken() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        try FileManager.default.createDirectory(
            at: fixture.directory, withIntermediateDirectories: true)
        let lockPath = fixture.directory.appendingPathComponent(".AAPL.lock").path
        let held = try SymbolLock.acquire(
            path: lockPath, symbol: try Symbol("AAPL"), timeoutSeconds: 0, onWait: {})
        var fetcher = fixture.fetcher()
        fetcher.lockWaitSeconds = 0.2

        let outcome = try #require(fixture.fetch(["AAPL"], source: .stooq, using: fetcher).first)

        guard case .lockTimeout? = outcome.error else {
            Issue.record("expected lockTimeout, got \(outcome)")
            return
        }
        #expect(fixture.server.requests.isEmpty)
        #expect(
            fixture.events.values.contains { if case .waitingForLock = $0 { true } else { false } })
        held.release()
        #expect(!FileManager.default.fileExists(atPath: lockPath))
    }

    @Test func leftoverLockFileFromACrashDoesNotBlock() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")
        try FileManager.default.createDirectory(
            at: fixture.directory, withIntermediateDirectories: true)
        let lockFile = fixture.directory.appendingPathComponent(".AAPL.lock")
        try Data("pid 999999\n".utf8).write(to: lockFile)

        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()

        #expect(!FileManager.default.fileExists(atPath: lockFile.path))
    }

    @Test func sameSymbolTwiceAtOnceIsSerialisedByTheLock() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 30), for: "AAPL")
        fixture.server.latencySeconds = 0.1
        var fetcher = fixture.fetcher(concurrency: 2)
        fetcher.perHostConcurrency = 2

        let outcomes = fixture.fetch(["AAPL", "AAPL"], source: .stooq, using: fetcher)

        let modes = try outcomes.map { try $0.requireSummary().mode }.sorted {
            $0.rawValue < $1.rawValue
        }
        #expect(modes == [.incremental, .new])
        let contents = try PriceCSV.read(
            fixture.store.priceFile(for: try Symbol("AAPL")), symbol: try Symbol("AAPL"))
        #expect(contents.series.count == 30)
    }

    @Test func provenanceRecordsSourceURLTimeHashAndRange() throws {
        let fixture = try FetchFixture()
        fixture.server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 5), for: "AAPL")

        _ = try #require(fixture.fetch(["AAPL"], source: .stooq).first).requireSummary()

        let provenance = try fixture.provenance("AAPL")
        let raw = try HTTPClient().get(fixture.server.baseURL + "/q/d/l/?s=aapl.us&i=d")
        #expect(provenance.source == .stooq)
        #expect(provenance.url == fixture.server.baseURL + "/q/d/l/?s=aapl.us&i=d")
        #expect(provenance.fetchedAt == "2024-07-01T12:00:00Z")
        #expect(provenance.payloadSHA256 == SHA256.hex(raw.body))
        #expect(provenance.firstDate == "2024-01-02")
        #expect(provenance.lastDate == "2024-01-08")
        #expect(provenance.rowCount == 5)
    }
}
