/// A corporate action a vendor reported alongside the prices, recorded in provenance.
public struct PriceEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case split
        case dividend
    }

    public var kind: Kind
    /// The exchange-local date the event took effect, `YYYY-MM-DD`.
    public var date: String
    /// For a split, new shares per old share (4 for a 4:1 split); for a dividend, the cash
    /// amount per share in the quote currency.
    public var value: Double
    /// The vendor's own wording, such as `4:1`; empty when it gave none.
    public var detail: String

    public init(kind: Kind, date: TradingDate, value: Double, detail: String = "") {
        self.kind = kind
        self.date = date.iso
        self.value = value
        self.detail = detail
    }
}
