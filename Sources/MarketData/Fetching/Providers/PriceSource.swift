/// The vendors prices can be fetched from.
public enum PriceSource: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case stooq
    case yahoo
    case alphavantage

    /// The scheme, host and port of the vendor's real endpoint; `--base-url` replaces it.
    public var defaultBaseURL: String {
        switch self {
        case .stooq: return "https://stooq.com"
        case .yahoo: return "https://query1.finance.yahoo.com"
        case .alphavantage: return "https://www.alphavantage.co"
        }
    }

    /// The vendor's name as people write it.
    public var displayName: String {
        switch self {
        case .stooq: return "Stooq"
        case .yahoo: return "Yahoo Finance"
        case .alphavantage: return "Alpha Vantage"
        }
    }

    public var description: String { rawValue }
}
