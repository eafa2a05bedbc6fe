import Foundation

/// How a symbol's cached file was brought up to date.
public enum FetchMode: String, Sendable, Codable {
    /// No file existed; the requested range was fetched.
    case new
    /// Only the days after the last cached one (plus an overlap) were fetched and appended.
    case incremental
    /// `refresh` was asked for: everything fetched again and the file replaced.
    case refresh
    /// The cache could not be extended safely (history revised, another source); everything
    /// was fetched again and the file replaced.
    case fullRefetch = "full-refetch"
    /// The cache already covered the requested range; nothing was fetched.
    case upToDate = "up-to-date"
}

/// What happened to one symbol that was saved.
public struct SymbolFetchSummary: Sendable {
    public let symbol: Symbol
    public let source: PriceSource
    public let mode: FetchMode
    /// Why the whole history was fetched again, for `.fullRefetch`.
    public let fullRefetchReason: String?
    /// Bars whose date was not in the file before.
    public let rowsAdded: Int
    /// Bars in the vendor's answer (within the requested range).
    public let rowsReceived: Int
    /// Bars in the file now.
    public let rowCount: Int
    public let firstDate: TradingDate
    public let lastDate: TradingDate
    /// Suspicious but kept rows of the fetched data.
    public let warnings: [DataWarning]
    /// Notes from the parse, such as skipped null rows.
    public let notes: [String]
    /// Splits and dividends in the fetched range.
    public let events: [PriceEvent]
    public let priceFile: URL

    /// True when the whole history was fetched again (`refresh` or a revised history).
    public var isFullRefetch: Bool { mode == .fullRefetch || mode == .refresh }
}

/// The result for one requested symbol, in the order of the request.
public struct SymbolFetchOutcome: Sendable, CustomStringConvertible {
    /// The symbol as requested (possibly invalid).
    public let symbolText: String
    public let result: Result<SymbolFetchSummary, FetchError>

    public init(symbolText: String, result: Result<SymbolFetchSummary, FetchError>) {
        self.symbolText = symbolText
        self.result = result
    }

    public var succeeded: Bool {
        if case .success = result { return true }
        return false
    }

    public var summary: SymbolFetchSummary? { try? result.get() }

    public var error: FetchError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    public var description: String {
        switch result {
        case .success(let summary):
            var line =
                "\(symbolText): \(summary.mode.rawValue), +\(summary.rowsAdded) rows, "
                + "\(summary.rowCount) total, \(summary.firstDate)..\(summary.lastDate)"
            if !summary.warnings.isEmpty { line += ", \(summary.warnings.count) warning(s)" }
            return line
        case .failure(let error):
            return "\(symbolText): failed: \(error)"
        }
    }
}
