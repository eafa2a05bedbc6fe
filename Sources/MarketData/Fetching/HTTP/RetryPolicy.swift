import Foundation

/// When and how long to wait before trying a request again.
///
/// Retried: HTTP 429, any 5xx, timeouts and broken or refused connections. Other 4xx
/// answers and vendor error bodies fail at once, since asking again cannot change them.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt; 3 means at most 4 attempts.
    public var maximumRetryCount: Int
    /// The first backoff delay in seconds; each further retry doubles it.
    public var initialDelaySeconds: Double
    /// No computed backoff waits longer than this.
    public var maximumDelaySeconds: Double
    /// A vendor's `Retry-After` longer than this is not waited out: the symbol fails with a
    /// rate-limit error that says how long the vendor asked for.
    public var maximumRetryAfterSeconds: Double
    /// Blocks the calling thread for the given seconds; tests inject a recorder.
    public var sleep: @Sendable (Double) -> Void
    /// A uniform random number in 0..<1 for the jitter; tests inject a constant.
    public var random: @Sendable () -> Double

    public init(
        maximumRetryCount: Int = 3,
        initialDelaySeconds: Double = 1,
        maximumDelaySeconds: Double = 30,
        maximumRetryAfterSeconds: Double = 120,
        sleep: @escaping @Sendable (Double) -> Void = RetryPolicy.threadSleep,
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maximumRetryCount = max(0, maximumRetryCount)
        self.initialDelaySeconds = initialDelaySeconds
        self.maximumDelaySeconds = maximumDelaySeconds
        self.maximumRetryAfterSeconds = maximumRetryAfterSeconds
        self.sleep = sleep
        self.random = random
    }

    /// Three retries, 1 s doubling up to 30 s, `Retry-After` honoured up to two minutes.
    public static let `default` = RetryPolicy()

    /// Sleeps the current thread (the fetch workers are plain threads, not tasks).
    public static let threadSleep: @Sendable (Double) -> Void = { seconds in
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }

    /// The backoff before retry number `retryIndex` (0 for the first retry).
    ///
    /// "Equal jitter": half the exponential delay is fixed and half random, so clients that
    /// failed together spread out while each still waits at least half the nominal time.
    public func backoffSeconds(beforeRetry retryIndex: Int) -> Double {
        let exponent = Double(min(retryIndex, 30))
        let nominal = min(maximumDelaySeconds, initialDelaySeconds * pow(2, exponent))
        return nominal / 2 + nominal / 2 * random()
    }

    /// Whether an HTTP status is worth asking again.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || (500...599).contains(status)
    }

    /// Parses a `Retry-After` value: delta seconds or an HTTP date (RFC 9110 section 10.2.3).
    ///
    /// - Returns: seconds to wait from `now` (never negative), or nil when unparsable.
    public static func retryAfterSeconds(_ value: String, now: Date) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return Double(max(0, seconds)) }
        for format in httpDateFormats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                return max(0, date.timeIntervalSince(now))
            }
        }
        return nil
    }

    // IMF-fixdate first; the two obsolete forms recipients must still accept.
    private static let httpDateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}
