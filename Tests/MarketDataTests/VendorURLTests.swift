import Foundation
import Testing

@testable import MarketData

@Suite struct VendorURLTests {
    @Test func secretsAreRedactedOnlyInTheShownForm() {
        var url = VendorURL(base: "https://www.alphavantage.co", path: "/query")
        url.append("symbol", "BRK-B")
        url.append("apikey", "K3Y", secret: true)

        #expect(url.full == "https://www.alphavantage.co/query?symbol=BRK-B&apikey=K3Y")
        #expect(url.redacted == "https://www.alphavantage.co/query?symbol=BRK-B&apikey=REDACTED")
        #expect(url.hostKey == "www.alphavantage.co")
    }

    @Test func symbolCharactersAreEncodedForTheQuery() {
        #expect(VendorURL.encode("^GSPC") == "%5EGSPC")
        #expect(VendorURL.encode("EURUSD=X") == "EURUSD%3DX")
        #expect(VendorURL.encode("div,splits") == "div,splits")
    }

    @Test(arguments: [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("https://stooq.com/", "https://stooq.com"),
    ])
    func baseURLKeepsSchemeHostAndPort(value: String, expected: String) throws {
        #expect(try VendorURL.normalisedBase(value) == expected)
    }

    @Test(arguments: ["ftp://host", "http://host/path", "http://host?q=1", "nonsense", ""])
    func baseURLWithAnythingElseIsRefused(value: String) {
        #expect(throws: FetchError.self) { try VendorURL.normalisedBase(value) }
    }
}
