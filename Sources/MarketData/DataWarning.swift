/// A suspicious but usable row, reported and kept.
public struct DataWarning: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        case inconsistentOHLC = "ohlc-inconsistent"
        case gap = "gap"
        case largeMove = "large-move"
    }

    public let kind: Kind
    public let path: String
    public let line: Int
    public let date: TradingDate
    public let detail: String

    public init(kind: Kind, path: String, line: Int, date: TradingDate, detail: String) {
        self.kind = kind
        self.path = path
        self.line = line
        self.date = date
        self.detail = detail
    }

    public var description: String { "\(path):\(line): \(date): \(detail)" }
}
