/// The daily bars of one symbol, dates strictly ascending.
public struct PriceSeries: Sendable, Equatable {
    public let symbol: Symbol
    public private(set) var bars: [Bar]

    /// - Precondition: dates strictly ascending; the CSV reader and the providers check this
    ///   on input and report it as a data error, so a violation here is a programming mistake.
    public init(symbol: Symbol, bars: [Bar]) {
        precondition(
            zip(bars, bars.dropFirst()).allSatisfy { $0.date < $1.date },
            "PriceSeries bars must be strictly ascending by date")
        self.symbol = symbol
        self.bars = bars
    }

    public var isEmpty: Bool { bars.isEmpty }
    public var count: Int { bars.count }
    public var firstDate: TradingDate? { bars.first?.date }
    public var lastDate: TradingDate? { bars.last?.date }

    /// Bars dated within `range`, inclusive on both ends.
    public func bars(from start: TradingDate?, through end: TradingDate?) -> [Bar] {
        bars.filter { bar in
            (start.map { bar.date >= $0 } ?? true) && (end.map { bar.date <= $0 } ?? true)
        }
    }

    /// The same symbol restricted to `start...end`.
    public func clipped(from start: TradingDate?, through end: TradingDate?) -> PriceSeries {
        PriceSeries(symbol: symbol, bars: bars(from: start, through: end))
    }
}
