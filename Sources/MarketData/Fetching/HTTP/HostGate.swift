import Foundation

/// Keeps requests polite per host: at most `limit` in flight to one host, and optionally a
/// minimum spacing between the starts of two requests to it.
///
/// Shared by the worker threads of one fetch. Waiting is bounded by other requests
/// finishing, which the client's timeouts bound in turn.
final class HostGate: @unchecked Sendable {
    let limit: Int
    let minimumIntervalSeconds: Double
    private let condition = NSCondition()
    private var inFlight: [String: Int] = [:]
    private var lastStart: [String: Date] = [:]

    init(limit: Int, minimumIntervalSeconds: Double) {
        self.limit = max(1, limit)
        self.minimumIntervalSeconds = max(0, minimumIntervalSeconds)
    }

    /// Blocks until a request to `host` may start, then counts it as in flight.
    func enter(_ host: String) {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if inFlight[host, default: 0] < limit {
                let earliest = lastStart[host].map {
                    $0.addingTimeInterval(minimumIntervalSeconds)
                }
                guard let earliest, earliest > Date() else { break }
                _ = condition.wait(until: earliest)
            } else {
                condition.wait()
            }
        }
        inFlight[host, default: 0] += 1
        lastStart[host] = Date()
    }

    /// Marks a request to `host` as finished and wakes the waiters.
    func leave(_ host: String) {
        condition.lock()
        inFlight[host, default: 1] -= 1
        condition.broadcast()
        condition.unlock()
    }
}
