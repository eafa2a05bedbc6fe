import FakeVendorServer
import Foundation
import Testing

@testable import MarketData

@Suite struct HTTPClientTests {
    @Test func responseHeadersAndBrowserIdentityAreCaptured() throws {
        let server = try FakeVendorServer()
        defer { server.stop() }
        server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 2), for: "AAPL")

        let response = try HTTPClient().get(server.baseURL + "/q/d/l/?s=aapl.us&i=d")

        #expect(response.status == 200)
        #expect(response.header("content-type") == "text/csv")
        #expect(response.header("Content-Disposition")?.contains("aapl.us_d.csv") == true)
        let sent = try #require(server.requests.first).headers
        #expect(sent["user-agent"] == HTTPClient.browserUserAgent)
        #expect(sent["accept-encoding"]?.isEmpty == false)
    }

    @Test func bodyOverTheCapAbortsWithATypedError() throws {
        let server = try FakeVendorServer()
        defer { server.stop() }
        server.setBars(SampleBars.weekdays(from: "2024-01-02", count: 200), for: "AAPL")
        let client = HTTPClient(maximumBodyBytes: 1000)

        #expect(throws: HTTPClientError.self) {
            try client.get(server.baseURL + "/q/d/l/?s=aapl.us&i=d")
        }
        do {
            _ = try client.get(server.baseURL + "/q/d/l/?s=aapl.us&i=d")
        } catch let error as HTTPClientError {
            #expect(error.kind == .bodyTooLarge)
        }
    }

    @Test func refusedConnectionIsAConnectionError() throws {
        let server = try FakeVendorServer()
        let url = server.baseURL + "/"
        server.stop()

        do {
            _ = try HTTPClient(connectTimeoutSeconds: 1).get(url)
            Issue.record("expected a connection error")
        } catch let error as HTTPClientError {
            #expect(error.kind == .connection)
            #expect(error.curlCode == 7)
        }
    }

    @Test func cookiesPersistWithinASession() throws {
        let server = try FakeVendorServer()
        defer { server.stop() }
        let session = HTTPClient().makeSession()

        _ = try session.get(server.baseURL + "/")
        let crumb = try session.get(server.baseURL + "/v1/test/getcrumb")

        #expect(crumb.status == 200)
        #expect(crumb.text == FakeVendorServer.crumb)
    }
}
