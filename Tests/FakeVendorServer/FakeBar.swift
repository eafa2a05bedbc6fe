/// One daily bar as the fake serves it, in the vendors' shared vocabulary.
public struct FakeBar: Sendable, Equatable {
    /// `YYYY-MM-DD`, exchange-local.
    public var date: String
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var adjustedClose: Double
    public var volume: Double
    /// A row Yahoo sends with nulls (a halted day); Stooq and Alpha Vantage leave it out.
    public var isNull: Bool

    public init(
        date: String, open: Double, high: Double, low: Double, close: Double,
        adjustedClose: Double? = nil, volume: Double, isNull: Bool = false
    ) {
        self.date = date
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.adjustedClose = adjustedClose ?? close
        self.volume = volume
        self.isNull = isNull
    }
}
