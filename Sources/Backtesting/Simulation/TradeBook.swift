import MarketData

/// Groups fills into round trips per symbol.
///
/// A trade opens when a position leaves zero and closes when it returns to zero; a fill
/// that flips a long into a short closes one trade and opens the next, its shares and
/// commission split between the two in proportion.
struct TradeBook {
    private struct OpenTrade {
        let direction: Int
        let entryDay: Int
        let entryDate: TradingDate
        var boughtShares = 0.0
        var boughtNotional = 0.0
        var soldShares = 0.0
        var soldNotional = 0.0
        var largestPosition = 0.0
        var commission = 0.0
        var lastFillDay: Int
    }

    let symbols: [Symbol]
    private var open: [OpenTrade?]
    private(set) var closed: [Trade] = []

    init(symbols: [Symbol]) {
        self.symbols = symbols
        self.open = Array(repeating: nil, count: symbols.count)
    }

    mutating func record(
        _ symbol: Int, from before: Double, to after: Double, price: Double,
        commission: Double, day: Int, date: TradingDate
    ) {
        let flips = before != 0 && after != 0 && (before > 0) != (after > 0)
        if flips {
            let closingShare = abs(before) / (abs(before) + abs(after))
            add(
                symbol, shares: -before, price: price, commission: commission * closingShare,
                day: day, date: date, positionAfter: 0)
            add(
                symbol, shares: after, price: price, commission: commission * (1 - closingShare),
                day: day, date: date, positionAfter: after)
        } else {
            add(
                symbol, shares: after - before, price: price, commission: commission, day: day,
                date: date, positionAfter: after)
        }
    }

    private mutating func add(
        _ symbol: Int, shares: Double, price: Double, commission: Double, day: Int,
        date: TradingDate, positionAfter: Double
    ) {
        var trade =
            open[symbol]
            ?? OpenTrade(
                direction: shares > 0 ? 1 : -1, entryDay: day, entryDate: date, lastFillDay: day)
        if shares > 0 {
            trade.boughtShares += shares
            trade.boughtNotional += shares * price
        } else {
            trade.soldShares -= shares
            trade.soldNotional -= shares * price
        }
        trade.commission += commission
        trade.largestPosition = max(trade.largestPosition, abs(positionAfter))
        trade.lastFillDay = day
        if abs(positionAfter) < 1e-12 {
            closed.append(
                finished(
                    trade, symbol: symbol, exitDate: date, markShares: 0, markPrice: 0,
                    isOpen: false))
            open[symbol] = nil
        } else {
            open[symbol] = trade
        }
    }

    /// The still-open trade of `symbol`, valued as if sold at `close`.
    func openTrade(_ symbol: Int, shares: Double, close: Double, on date: TradingDate, day: Int)
        -> Trade?
    {
        guard var trade = open[symbol] else { return nil }
        trade.lastFillDay = day
        return finished(
            trade, symbol: symbol, exitDate: date, markShares: shares, markPrice: close,
            isOpen: true)
    }

    private func finished(
        _ trade: OpenTrade, symbol: Int, exitDate: TradingDate, markShares: Double,
        markPrice: Double, isOpen: Bool
    ) -> Trade {
        let long = trade.direction > 0
        let entryShares = long ? trade.boughtShares : trade.soldShares
        let entryNotional = long ? trade.boughtNotional : trade.soldNotional
        var exitShares = long ? trade.soldShares : trade.boughtShares
        var exitNotional = long ? trade.soldNotional : trade.boughtNotional
        exitShares += abs(markShares)
        exitNotional += abs(markShares) * markPrice
        // Cash received minus cash paid, with the open remainder valued at the mark.
        let proceeds = trade.soldNotional - trade.boughtNotional + markShares * markPrice
        return Trade(
            symbol: symbols[symbol], direction: trade.direction, entryDate: trade.entryDate,
            exitDate: exitDate, entryPrice: entryNotional / max(entryShares, 1e-300),
            exitPrice: exitShares > 0 ? exitNotional / exitShares : markPrice,
            quantity: trade.largestPosition, profit: proceeds - trade.commission,
            commission: trade.commission,
            holdingDays: trade.lastFillDay - trade.entryDay, isOpen: isOpen)
    }
}
