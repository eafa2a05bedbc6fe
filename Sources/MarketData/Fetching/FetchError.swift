/// Everything that can go wrong while fetching one symbol's prices.
///
/// Every URL carried here has its API keys replaced by `REDACTED`, and vendor texts are
/// scrubbed of the key before they are stored, so printing an error can never leak a key.
public enum FetchError: Error, CustomStringConvertible, Equatable {
    /// The text given as a symbol is not a valid `Symbol`.
    case invalidSymbol(text: String)
    /// `--base-url` is not `scheme://host[:port]`.
    case invalidBaseURL(value: String, reason: String)
    /// The vendor needs a key and the environment variable holding it is unset or empty.
    case missingAPIKey(source: PriceSource, variable: String)
    /// libcurl gave up: connection refused or reset, DNS failure, TLS failure, cut transfer.
    case transferFailed(symbol: String, url: String, curlCode: Int, reason: String, attempts: Int)
    /// No complete answer within the client's timeout, on every attempt.
    case timedOut(symbol: String, url: String, timeoutSeconds: Double, attempts: Int)
    /// The body grew past the client's cap; the transfer was aborted.
    case responseTooLarge(symbol: String, url: String, limitBytes: Int)
    /// The vendor kept answering "too many requests" (or asked to wait too long).
    case rateLimited(
        symbol: String, url: String, status: Int, retryAfterSeconds: Double?, attempts: Int)
    /// An HTTP status the vendor does not document for this request.
    case httpStatus(symbol: String, url: String, status: Int, excerpt: String, attempts: Int)
    /// The vendor does not know the symbol (or has no data for it at all).
    case symbolNotFound(symbol: String, url: String, status: Int, vendorMessage: String)
    /// The symbol exists but the vendor has no bars in the requested range.
    case noDataInRange(symbol: String, url: String, status: Int, vendorMessage: String)
    /// Stooq's per-address daily quota is used up.
    case stooqDailyLimit(symbol: String, url: String)
    /// Stooq answered with its page asking for an API key instead of CSV.
    case stooqAPIKeyRequired(symbol: String, url: String, keyWasSent: Bool)
    /// Yahoo refused the cookie or crumb even after a fresh handshake.
    case yahooUnauthorized(symbol: String, url: String, status: Int, vendorMessage: String)
    /// Alpha Vantage answered HTTP 200 with an `Error Message`, `Note` or `Information` body.
    case alphaVantageRejected(symbol: String, url: String, field: String, message: String)
    /// The body is not in the vendor's documented format.
    case malformedPayload(symbol: String, url: String, source: PriceSource, detail: String)
    /// The parsed bars break a fatal validation rule (the same rules as the CSV reader).
    case invalidData(symbol: String, url: String, underlying: MarketDataError)
    /// The cached `Data/` file could not be read or is invalid.
    case cacheUnreadable(symbol: String, underlying: MarketDataError)
    /// Writing the price or provenance file failed; the previous files are unchanged.
    case cacheWriteFailed(symbol: String, underlying: MarketDataError)
    /// Another fetch held the symbol's lock for longer than the wait limit.
    case lockTimeout(symbol: String, path: String, waitedSeconds: Double)
    /// The lock file could not be created or locked at all.
    case lockFailed(symbol: String, path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSymbol(let text):
            return MarketDataError.invalidSymbol(text).description
        case .invalidBaseURL(let value, let reason):
            return "base URL '\(value)' is not usable: \(reason); give scheme, host and "
                + "optional port only, for example http://127.0.0.1:8080"
        case .missingAPIKey(let source, let variable):
            return missingKeyMessage(source: source, variable: variable)
        case .transferFailed(let symbol, let url, let code, let reason, let attempts):
            return "\(symbol): \(url): transfer failed after \(attempts) attempt(s) "
                + "(curl error \(code): \(reason)); check the network, proxy settings "
                + "(http_proxy, https_proxy, no_proxy) and the base URL, then try again"
        case .timedOut(let symbol, let url, let seconds, let attempts):
            return "\(symbol): \(url): no complete answer within \(seconds) s on any of "
                + "\(attempts) attempt(s); the vendor may be slow or unreachable, try later"
        case .responseTooLarge(let symbol, let url, let limit):
            return "\(symbol): \(url): the response exceeded \(limit) bytes and was aborted; "
                + "ask for a shorter range or raise the client's body limit"
        case .rateLimited(let symbol, let url, let status, let retryAfter, let attempts):
            let wait = retryAfter.map { " (the vendor asked to wait \(Int($0.rounded())) s)" }
            return "\(symbol): \(url): HTTP \(status), too many requests after \(attempts) "
                + "attempt(s)\(wait ?? ""); wait a while and fetch again, or fetch fewer "
                + "symbols at once"
        case .httpStatus(let symbol, let url, let status, let excerpt, let attempts):
            return "\(symbol): \(url): unexpected HTTP \(status) after \(attempts) "
                + "attempt(s): '\(excerpt)'; check the base URL and the symbol"
        case .symbolNotFound(let symbol, let url, let status, let message):
            return "\(symbol): \(url): the vendor does not know this symbol (HTTP \(status): "
                + "'\(message)'); check the spelling (Yahoo writes BRK-B, not BRK.B) or "
                + "whether it was delisted"
        case .noDataInRange(let symbol, let url, let status, let message):
            return "\(symbol): \(url): no data in the requested range (HTTP \(status): "
                + "'\(message)'); move --from after the listing date or widen the range"
        case .stooqDailyLimit(let symbol, let url):
            return "\(symbol): \(url): Stooq says the daily hits limit is exceeded; wait "
                + "until tomorrow or use --source yahoo"
        case .stooqAPIKeyRequired(let symbol, let url, let keyWasSent):
            let hint =
                keyWasSent
                ? "the key in STOOQ_API_KEY was refused; get a fresh one"
                : "set STOOQ_API_KEY to the key"
            return "\(symbol): \(url): Stooq answered with its API-key page instead of "
                + "CSV; open https://stooq.com/q/d/?s=\(symbol.lowercased()) in a browser, "
                + "follow the link that issues a download key, and \(hint)"
        case .yahooUnauthorized(let symbol, let url, let status, let message):
            return "\(symbol): \(url): Yahoo refused the session (HTTP \(status): "
                + "'\(message)') even after a fresh cookie and crumb; try again later or "
                + "use --source stooq"
        case .alphaVantageRejected(let symbol, let url, let field, let message):
            return "\(symbol): \(url): Alpha Vantage answered '\(field)': '\(message)'; "
                + alphaVantageAdvice(field: field)
        case .malformedPayload(let symbol, let url, let source, let detail):
            return "\(symbol): \(url): the \(source.displayName) answer is not in the "
                + "expected format: \(detail); the vendor may have changed its format or "
                + "returned an error page"
        case .invalidData(let symbol, let url, let underlying):
            return "\(symbol): \(url): the fetched prices are unusable: \(underlying); "
                + "nothing was saved"
        case .cacheUnreadable(let symbol, let underlying):
            return "\(symbol): the cached prices are unusable: \(underlying); fix the file "
                + "or fetch again with --refresh to replace it"
        case .cacheWriteFailed(let symbol, let underlying):
            return "\(symbol): \(underlying)"
        case .lockTimeout(let symbol, let path, let waited):
            return "\(symbol): \(path) stayed locked by another fetch for \(waited) s; wait "
                + "for it to finish and fetch again"
        case .lockFailed(let symbol, let path, let reason):
            return "\(symbol): cannot lock \(path): \(reason); check that the data "
                + "directory is writable"
        }
    }

    /// The symbol text this error is about, when it concerns one symbol.
    public var symbolText: String? {
        switch self {
        case .invalidSymbol(let text): return text
        case .invalidBaseURL, .missingAPIKey: return nil
        case .transferFailed(let symbol, _, _, _, _), .timedOut(let symbol, _, _, _),
            .responseTooLarge(let symbol, _, _), .rateLimited(let symbol, _, _, _, _),
            .httpStatus(let symbol, _, _, _, _), .symbolNotFound(let symbol, _, _, _),
            .noDataInRange(let symbol, _, _, _), .stooqDailyLimit(let symbol, _),
            .stooqAPIKeyRequired(let symbol, _, _), .yahooUnauthorized(let symbol, _, _, _),
            .alphaVantageRejected(let symbol, _, _, _), .malformedPayload(let symbol, _, _, _),
            .invalidData(let symbol, _, _), .cacheUnreadable(let symbol, _),
            .cacheWriteFailed(let symbol, _), .lockTimeout(let symbol, _, _),
            .lockFailed(let symbol, _, _):
            return symbol
        }
    }

    private func missingKeyMessage(source: PriceSource, variable: String) -> String {
        "\(source.displayName) needs an API key: set \(variable) in the environment (for "
            + "example `export \(variable)=...`); a free key is issued at "
            + "https://www.alphavantage.co/support/#api-key; the key is never written to "
            + "any file or log"
    }

    private func alphaVantageAdvice(field: String) -> String {
        switch field {
        case "Error Message":
            return "the symbol is unknown to Alpha Vantage or the request is malformed"
        case "Note":
            return "the free tier allows a few calls per minute; wait a minute and fetch again"
        default:
            return "the key's quota is used up or the request needs a premium plan "
                + "(full history may be premium); wait, use a shorter --from, or another "
                + "--source"
        }
    }
}
