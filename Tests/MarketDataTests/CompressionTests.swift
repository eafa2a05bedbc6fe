import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

@Suite struct CompressionTests {
    /// gzip of a two-row Stooq CSV, made with Python's `gzip.compress(csv, mtime=0)`.
    static let gzippedCSV = Data(
        base64Encoded:
            "H4sIAAAAAAACA3NJLEnV8S9IzdPxyEzP0PHJL9dxzskvTtUJy88pzU3l5TIyMDLRNTDUNTDSMTTQ"
            + "MTTUsQTSeqZAwsAASdYYKgpVBWQagRUAAHY9GYFgAAAA"
    )!

    @Test func gzipEncodedAnswersAreDecodedByTheClient() throws {
        let fixture = try FetchFixture()
        fixture.server.enqueue(
            .respondBytes(
                status: 200,
                headers: ["Content-Type": "text/csv", "Content-Encoding": "gzip"],
                body: Self.gzippedCSV),
            vendor: .stooq, symbol: "AAPL")

        let outcomes = fixture.fetch(["AAPL"], source: .stooq)

        let summary = try #require(outcomes.first).requireSummary()
        #expect(summary.rowCount == 2)
        #expect(summary.lastDate.iso == "2024-01-03")
        let request = try #require(fixture.server.dataRequests.first)
        let accepted = request.headers.first { $0.key.lowercased() == "accept-encoding" }?.value
        #expect(accepted?.contains("gzip") == true)
    }
}
