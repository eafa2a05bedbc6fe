import Forecasting
import Foundation
import MarketData

/// The mutable books of one simulation run: cash, shares, pending orders, benchmark.
struct SimulationState {
    struct Order {
        let weight: Double
        let sizingEquity: Double
    }

    let settings: TradingSettings
    let series: [PriceSeries]
    let calendar: [TradingDate]
    let startDay: Int
    /// `barIndex[symbol][day]`, -1 where the symbol has no bar that day; nil for a symbol
    /// that trades on every calendar day, whose bar index is the day itself.
    private let barIndex: [[Int]?]
    private let annualisedVolatility: [[Double]]

    private var cash: Double
    private var shares: [Double]
    /// The last close seen of each symbol; 0 before its first bar, when it holds nothing.
    private var lastClose: [Double]
    private var heldWeight: [Double]
    private var pending: [Order?]
    private var benchmarkCash: [Double]
    private var benchmarkShares: [Double]
    private var benchmarkBought: [Bool]
    private var peakEquity: Double
    /// The equity of the last recorded day: what orders are sized from.
    private var lastEquity: Double
    private var book: TradeBook
    private(set) var rows: [EquityRow] = []
    private var fills: [Fill] = []
    private var totalCommission = 0.0
    private var totalSlippage = 0.0
    private var tradedNotional = 0.0

    init(settings: TradingSettings, series: [PriceSeries], calendar: [TradingDate], startDay: Int) {
        self.settings = settings
        self.series = series
        self.calendar = calendar
        self.startDay = startDay
        // Both the bars and the calendar ascend, so a merge walk maps one onto the other.
        barIndex = series.map { symbol in
            guard symbol.bars.count != calendar.count else { return nil }
            var row = [Int](repeating: -1, count: calendar.count)
            var day = 0
            for (index, bar) in symbol.bars.enumerated() {
                while day < calendar.count, calendar[day] < bar.date { day += 1 }
                if day < calendar.count, calendar[day] == bar.date { row[day] = index }
            }
            return row
        }
        // Only volatility-target sizing reads the trailing volatility.
        annualisedVolatility =
            settings.sizing == .volatilityTarget
            ? series.map {
                SimulationState.trailingVolatility(
                    $0.bars, lookback: settings.volatilityLookbackDays)
            } : []
        let count = series.count
        cash = settings.capital
        shares = Array(repeating: 0, count: count)
        heldWeight = Array(repeating: 0, count: count)
        pending = Array(repeating: nil, count: count)
        benchmarkCash = Array(repeating: settings.capital / Double(max(count, 1)), count: count)
        benchmarkShares = Array(repeating: 0, count: count)
        benchmarkBought = Array(repeating: false, count: count)
        peakEquity = settings.capital
        lastEquity = settings.capital
        book = TradeBook(symbols: series.map(\.symbol))
        // Holdings are valued at the last close on or before the first decision day.
        lastClose = Array(repeating: 0, count: count)
        rows.reserveCapacity(calendar.count - startDay)
        for symbol in series.indices {
            if let day = (0...startDay).reversed().first(where: { bar(symbol, on: $0) >= 0 }) {
                lastClose[symbol] = series[symbol].bars[bar(symbol, on: day)].close
            }
        }
    }

    /// The index of `symbol`'s bar on calendar `day`, -1 when it has none that day.
    @inline(__always)
    private func bar(_ symbol: Int, on day: Int) -> Int {
        guard let row = barIndex[symbol] else { return day }
        return row[day]
    }

    /// Fills pending orders at the day's prices and marks holdings to the close.
    mutating func advance(to day: Int) {
        for symbol in series.indices {
            let index = bar(symbol, on: day)
            guard index >= 0 else { continue }
            let bar = series[symbol].bars[index]
            let fillPrice = settings.execution == .nextOpen ? bar.open : bar.close
            if let order = pending[symbol] {
                execute(order, symbol: symbol, price: fillPrice, day: day)
                pending[symbol] = nil
            }
            if !benchmarkBought[symbol] {
                benchmarkShares[symbol] = benchmarkCash[symbol] / fillPrice
                benchmarkCash[symbol] = 0
                benchmarkBought[symbol] = true
            }
            lastClose[symbol] = bar.close
        }
    }

    /// Appends the equity row of `day`.
    mutating func record(day: Int) {
        var holdings = 0.0
        var gross = 0.0
        var benchmark = 0.0
        for symbol in series.indices {
            let close = lastClose[symbol]
            holdings += shares[symbol] * close
            gross += abs(shares[symbol] * close)
            benchmark += benchmarkCash[symbol] + benchmarkShares[symbol] * close
        }
        let equity = cash + holdings
        peakEquity = max(peakEquity, equity)
        lastEquity = equity
        rows.append(
            EquityRow(
                date: calendar[day], equity: equity,
                benchmark: settings.benchmark == .none ? .nan : benchmark,
                peakEquity: peakEquity, grossHoldings: gross, cash: cash))
    }

    /// Turns one forecast into an order for the symbol's next bar, when its weight changes.
    mutating func decide(symbol: Int, direction: Int, on day: Int) {
        let equity = lastEquity
        let weight = targetWeight(symbol, direction: direction, day: day)
        let change = abs(weight - heldWeight[symbol])
        let crossesZero = (weight == 0) != (heldWeight[symbol] == 0)
        guard change > 0, crossesZero || change > settings.rebalanceTolerance else { return }
        heldWeight[symbol] = weight
        pending[symbol] = Order(weight: weight, sizingEquity: equity)
    }

    /// The books at the end, with any open trade valued at the last close.
    func finish() -> SimulationResult {
        let lastDate = calendar[calendar.count - 1]
        let openTrades = series.indices.compactMap { symbol in
            book.openTrade(
                symbol, shares: shares[symbol], close: lastClose[symbol], on: lastDate,
                day: calendar.count - 1)
        }
        return SimulationResult(
            rows: rows,
            trades: (book.closed + openTrades).sorted {
                ($0.entryDate, $0.symbol) < ($1.entryDate, $1.symbol)
            },
            fills: fills, totalCommission: totalCommission, totalSlippage: totalSlippage,
            tradedNotional: tradedNotional,
            benchmarkProfits: series.indices.map { symbol in
                benchmarkCash[symbol] + benchmarkShares[symbol] * lastClose[symbol]
                    - settings.capital / Double(series.count)
            })
    }

    private func targetWeight(_ symbol: Int, direction: Int, day: Int) -> Double {
        guard direction != 0 else { return 0 }
        let perSymbol = 1.0 / Double(series.count)
        switch settings.sizing {
        case .fixedFraction:
            return Double(direction) * settings.fraction * perSymbol
        case .volatilityTarget:
            guard
                let bar = (0...day).reversed().lazy.map({ self.bar(symbol, on: $0) }).first(
                    where: { $0 >= 0 })
            else {
                return 0
            }
            let volatility = annualisedVolatility[symbol][bar]
            guard volatility.isFinite, volatility > 0 else { return 0 }
            let weight = min(settings.maximumWeight, settings.targetVolatility / volatility)
            return Double(direction) * weight * perSymbol
        }
    }

    private mutating func execute(_ order: Order, symbol: Int, price: Double, day: Int) {
        let targetShares = order.weight * order.sizingEquity / price
        let delta = targetShares - shares[symbol]
        guard abs(delta) * price > 1e-9 else { return }
        let slip = settings.slippageBasisPoints / 10_000
        let fillPrice = price * (delta > 0 ? 1 + slip : 1 - slip)
        let notional = abs(delta) * fillPrice
        let commission = max(
            settings.minimumCommission, notional * settings.commissionBasisPoints / 10_000)
        cash -= delta * fillPrice + commission
        let before = shares[symbol]
        shares[symbol] = targetShares
        totalCommission += commission
        totalSlippage += abs(delta) * price * slip
        tradedNotional += notional
        let date = calendar[day]
        fills.append(
            Fill(
                date: date, symbol: series[symbol].symbol, shares: delta, price: fillPrice,
                commission: commission))
        book.record(
            symbol, from: before, to: targetShares, price: fillPrice, commission: commission,
            day: day, date: date)
    }

    /// Annualised sample volatility of the `lookback` log returns ending at each bar: the
    /// causal `volatility` feature scaled by the square root of 252.
    static func trailingVolatility(_ bars: [Bar], lookback: Int) -> [Double] {
        Feature.volatility(days: lookback).values(for: bars).map { $0 * Double(252).squareRoot() }
    }
}
