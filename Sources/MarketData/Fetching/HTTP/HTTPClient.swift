import CCurl
import Foundation

/// How HTTP requests are made: timeouts, body cap, identity. A value; the transfers
/// themselves happen in `HTTPSession`s made from it.
///
/// Behaviour that is always on, whatever the configuration: TLS peer and host verification,
/// compressed transfer (`Accept-Encoding` with every encoding libcurl supports), cookies kept
/// in memory for the life of a session, at most five redirects over HTTP(S) only, and
/// proxies taken from the environment (`http_proxy`, `https_proxy`, `no_proxy`, read by
/// libcurl itself).
public struct HTTPClient: Sendable {
    /// Longest time to establish a connection, in seconds.
    public var connectTimeoutSeconds: Double
    /// Longest time for a whole transfer, connection included, in seconds.
    public var totalTimeoutSeconds: Double
    /// Largest decoded body accepted; a longer body aborts the transfer.
    public var maximumBodyBytes: Int
    /// Sent as `User-Agent`. Yahoo refuses (429) clients that do not look like a browser.
    public var userAgent: String

    public static let browserUserAgent =
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        + "Chrome/124.0 Safari/537.36"

    public init(
        connectTimeoutSeconds: Double = 10,
        totalTimeoutSeconds: Double = 60,
        maximumBodyBytes: Int = 64 << 20,
        userAgent: String = HTTPClient.browserUserAgent
    ) {
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.totalTimeoutSeconds = totalTimeoutSeconds
        self.maximumBodyBytes = maximumBodyBytes
        self.userAgent = userAgent
    }

    /// A new session (one libcurl handle, its connections and cookies) for one thread.
    public func makeSession() -> HTTPSession {
        HTTPSession(configuration: self)
    }

    /// Performs one GET in a throwaway session.
    ///
    /// - Throws: `HTTPClientError` when no complete HTTP answer arrived. Any HTTP status,
    ///   including 4xx and 5xx, is a successful transfer and is returned.
    public func get(_ url: String, headers: [String] = []) throws -> HTTPResponse {
        try makeSession().get(url, headers: headers)
    }
}
