/// Progress of a fetch, reported through the callback given to `Fetcher.fetch`.
///
/// Events of different symbols interleave when several are fetched at once; every event
/// names its symbol. No event ever contains an API key.
public enum FetchEvent: Sendable, CustomStringConvertible {
    /// Work on a symbol began; `index` is its position in the request (0-based).
    case started(symbol: String, index: Int, total: Int)
    /// An HTTP request is about to be sent (URL with keys redacted).
    case requesting(symbol: String, url: String, attempt: Int)
    /// A request failed in a retryable way and will be sent again after a pause.
    case retrying(symbol: String, url: String, retry: Int, delaySeconds: Double, reason: String)
    /// Another fetch holds the symbol's lock; this one waits for it.
    case waitingForLock(symbol: String, path: String)
    /// The cache cannot simply be extended: the whole history is fetched again.
    case fullRefetch(symbol: String, reason: String)
    /// The symbol is done, successfully or not.
    case finished(SymbolFetchOutcome)

    public var description: String {
        switch self {
        case .started(let symbol, let index, let total):
            return "\(symbol): starting (\(index + 1)/\(total))"
        case .requesting(let symbol, let url, let attempt):
            return "\(symbol): GET \(url)" + (attempt > 1 ? " (attempt \(attempt))" : "")
        case .retrying(let symbol, _, let retry, let delay, let reason):
            let rounded = (delay * 100).rounded() / 100
            return "\(symbol): \(reason); retry \(retry) in \(rounded) s"
        case .waitingForLock(let symbol, let path):
            return "\(symbol): waiting for another fetch to release \(path)"
        case .fullRefetch(let symbol, let reason):
            return "\(symbol): fetching the whole history again: \(reason)"
        case .finished(let outcome):
            return outcome.description
        }
    }
}
