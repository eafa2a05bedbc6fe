/// One trading day of one instrument.
///
/// `close` is the traded close as the vendor reports it (split-adjusted by some vendors);
/// `adjustedClose` is additionally back-adjusted for later dividends and splits, so its level
/// depends on the future and must never be a model input (see the leakage rules).
public struct Bar: Hashable, Sendable {
    public var date: TradingDate
    public var open: Double
    public var high: Double
    public var low: Double
    public var close: Double
    public var adjustedClose: Double
    public var volume: Double

    public init(
        date: TradingDate, open: Double, high: Double, low: Double, close: Double,
        adjustedClose: Double? = nil, volume: Double
    ) {
        self.date = date
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.adjustedClose = adjustedClose ?? close
        self.volume = volume
    }

    /// True when high and low bracket the open and the close.
    public var isOHLCConsistent: Bool {
        low <= high && low <= open && low <= close && high >= open && high >= close
    }
}
