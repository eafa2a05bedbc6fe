import MarketData

/// One row of `equity.csv`: the portfolio after the close of `date`.
public struct EquityRow: Sendable, Equatable {
    public let date: TradingDate
    public let equity: Double
    public let benchmark: Double
    /// The highest equity up to and including this day.
    public let peakEquity: Double
    /// The absolute value of all holdings at the close.
    public let grossHoldings: Double
    public let cash: Double

    /// equity / running peak - 1; derived on reading, which keeps the day loop free of
    /// divisions.
    public var drawdown: Double { equity / peakEquity - 1 }

    /// Gross exposure: the absolute value of all holdings as a fraction of equity.
    public var position: Double { equity > 0 ? grossHoldings / equity : 0 }
}

/// One round trip of one symbol: from a flat (or opposite) position back to flat.
public struct Trade: Sendable, Equatable {
    public let symbol: Symbol
    /// +1 long, -1 short.
    public let direction: Int
    public let entryDate: TradingDate
    public let exitDate: TradingDate
    /// Average fill price of the fills that built the position, slippage included.
    public let entryPrice: Double
    /// Average fill price of the fills that reduced it; the last close for an open trade.
    public let exitPrice: Double
    /// The largest absolute number of shares held during the trade.
    public let quantity: Double
    /// Profit after commission and slippage.
    public let profit: Double
    public let commission: Double
    /// Trading days from the entry fill to the exit fill.
    public let holdingDays: Int
    /// True when the position was still open at the end and is valued at the last close.
    public let isOpen: Bool

    /// Profit as a fraction of the entry notional.
    public var returnFraction: Double { profit / (entryPrice * quantity) }
}

/// One executed order.
public struct Fill: Sendable, Equatable {
    public let date: TradingDate
    public let symbol: Symbol
    /// Positive when buying.
    public let shares: Double
    public let price: Double
    public let commission: Double
}

/// The outcome of a simulation.
public struct SimulationResult: Sendable {
    public let rows: [EquityRow]
    public let trades: [Trade]
    public let fills: [Fill]
    public let totalCommission: Double
    /// The cost of slippage against the unslipped prices.
    public let totalSlippage: Double
    /// The summed absolute notional of every fill.
    public let tradedNotional: Double
    /// Each symbol's buy-and-hold profit: one position per ticker, held to the end.
    public let benchmarkProfits: [Double]
}
