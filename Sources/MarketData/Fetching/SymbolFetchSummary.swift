import Foundation

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
