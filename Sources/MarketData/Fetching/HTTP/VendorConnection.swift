import Foundation

/// The HTTP path a provider talks through: one session, the retry policy, the per-host
/// politeness gate, progress reports, and redaction of secrets from everything it reports.
///
/// One per worker thread; not to be shared between threads.
public final class VendorConnection {
    let client: HTTPClient
    let session: HTTPSession
    let retryPolicy: RetryPolicy
    let gate: HostGate
    let clock: @Sendable () -> Date
    let report: @Sendable (FetchEvent) -> Void

    /// Yahoo's crumb for this session's cookies; kept so the handshake runs once per worker.
    var yahooCrumb: String?

    init(
        client: HTTPClient, retryPolicy: RetryPolicy, gate: HostGate,
        clock: @escaping @Sendable () -> Date,
        report: @escaping @Sendable (FetchEvent) -> Void
    ) {
        self.client = client
        self.session = client.makeSession()
        self.retryPolicy = retryPolicy
        self.gate = gate
        self.clock = clock
        self.report = report
    }

    /// Sends a GET, retrying 429, 5xx, timeouts and broken connections per the policy.
    ///
    /// - Returns: the last response, whatever its status; `attemptCount` says how many tries
    ///   it took. A 429 or 5xx is returned once retries are used up, or at once when the
    ///   vendor's `Retry-After` exceeds the policy's limit; `failure(for:)` maps it.
    /// - Throws: `FetchError.timedOut`, `.transferFailed` or `.responseTooLarge` when no
    ///   complete answer arrived on the last attempt.
    public func get(_ url: VendorURL, symbol: Symbol, headers: [String] = []) throws
        -> HTTPResponse
    {
        var retryIndex = 0
        while true {
            let attempt = retryIndex + 1
            report(.requesting(symbol: symbol.text, url: url.redacted, attempt: attempt))
            let result = perform(url, headers: headers)
            let canRetry = retryIndex < retryPolicy.maximumRetryCount
            let delay: Double
            let reason: String

            switch result {
            case .success(var response):
                response.attemptCount = attempt
                guard canRetry, RetryPolicy.isRetryable(status: response.status) else {
                    return response
                }
                let retryAfter = response.header("Retry-After").flatMap {
                    RetryPolicy.retryAfterSeconds($0, now: clock())
                }
                if let retryAfter, retryAfter > retryPolicy.maximumRetryAfterSeconds {
                    return response
                }
                delay = retryAfter ?? retryPolicy.backoffSeconds(beforeRetry: retryIndex)
                reason =
                    "HTTP \(response.status)"
                    + (retryAfter == nil ? "" : " with Retry-After")

            case .failure(let error):
                let retryable = error.kind == .timedOut || error.kind == .connection
                guard canRetry, retryable else {
                    throw fetchError(for: error, url: url, symbol: symbol, attempts: attempt)
                }
                delay = retryPolicy.backoffSeconds(beforeRetry: retryIndex)
                reason = redact(error.description, url: url)
            }

            report(
                .retrying(
                    symbol: symbol.text, url: url.redacted, retry: retryIndex + 1,
                    delaySeconds: delay, reason: reason))
            retryPolicy.sleep(delay)
            retryIndex += 1
        }
    }

    /// The error for a response the provider does not treat specially: 429 becomes a
    /// rate-limit error, anything else an unexpected-status error with a body excerpt.
    public func failure(for response: HTTPResponse, url: VendorURL, symbol: Symbol)
        -> FetchError
    {
        if response.status == 429 {
            let retryAfter = response.header("Retry-After").flatMap {
                RetryPolicy.retryAfterSeconds($0, now: clock())
            }
            return .rateLimited(
                symbol: symbol.text, url: url.redacted, status: 429,
                retryAfterSeconds: retryAfter, attempts: response.attemptCount)
        }
        return .httpStatus(
            symbol: symbol.text, url: url.redacted, status: response.status,
            excerpt: redact(response.excerpt(), url: url), attempts: response.attemptCount)
    }

    /// `text` with every secret value of `url` replaced, for vendor texts kept in errors.
    public func redact(_ text: String, url: VendorURL) -> String {
        url.secretValues.filter { !$0.isEmpty }.reduce(text) {
            $0.replacingOccurrences(of: $1, with: "REDACTED")
        }
    }

    private func perform(_ url: VendorURL, headers: [String]) -> Result<
        HTTPResponse, HTTPClientError
    > {
        gate.enter(url.hostKey)
        defer { gate.leave(url.hostKey) }
        do {
            return .success(try session.get(url.full, headers: headers))
        } catch let error as HTTPClientError {
            return .failure(error)
        } catch {
            return .failure(HTTPClientError(kind: .other, curlCode: -1, message: "\(error)"))
        }
    }

    private func fetchError(
        for error: HTTPClientError, url: VendorURL, symbol: Symbol, attempts: Int
    ) -> FetchError {
        switch error.kind {
        case .timedOut:
            return .timedOut(
                symbol: symbol.text, url: url.redacted,
                timeoutSeconds: client.totalTimeoutSeconds, attempts: attempts)
        case .bodyTooLarge:
            return .responseTooLarge(
                symbol: symbol.text, url: url.redacted, limitBytes: client.maximumBodyBytes)
        case .connection, .other:
            return .transferFailed(
                symbol: symbol.text, url: url.redacted, curlCode: error.curlCode,
                reason: redact(error.message, url: url), attempts: attempts)
        }
    }
}
