import Forecasting
import Foundation
import MarketData

/// Turns forecasts into positions, fills and a daily equity curve.
///
/// Leakage rule 5 lives here, not in a convention: a forecast dated t only ever creates an
/// order for a symbol's next bar after t, filled at that bar's open (`next-open`) or close
/// (`next-close`). Orders are sized from the equity at the close of t, the last value known
/// when the decision is made. Positions change only when the target weight changes, so a
/// steady signal pays no costs for drift.
public struct PortfolioSimulator: Sendable {
    public let settings: TradingSettings
    public let series: [PriceSeries]
    public let calendar: [TradingDate]

    public init(settings: TradingSettings, series: [PriceSeries], calendar: [TradingDate]) {
        self.settings = settings
        self.series = series
        self.calendar = calendar
    }

    /// Simulates from the first forecast's decision day to the last day with data.
    ///
    /// - Precondition: `predictions` are sorted by date and name symbols of `series`.
    public func run(_ predictions: [Prediction]) -> SimulationResult {
        guard let firstDate = predictions.first?.date,
            let startDay = PortfolioSimulator.firstIndex(of: firstDate, in: calendar)
        else {
            return SimulationResult(
                rows: [], trades: [], fills: [], totalCommission: 0, totalSlippage: 0,
                tradedNotional: 0, benchmarkProfits: [])
        }
        return run(signals: signalGrid(predictions), startDay: startDay)
    }

    /// Simulates from calendar day `startDay` with `signals[symbol][day]`, the expected log
    /// return forecast on that day (NaN where there is no forecast).
    ///
    /// This dense form is the engine's core: one pass over days and symbols, no hashing.
    public func run(signals: [[Double]], startDay: Int) -> SimulationResult {
        precondition(signals.count == series.count, "one signal row per symbol")
        var state = SimulationState(
            settings: settings, series: series, calendar: calendar, startDay: startDay)
        for day in startDay..<calendar.count {
            if day > startDay { state.advance(to: day) }
            state.record(day: day)
            for symbol in series.indices {
                let expected = signals[symbol][day]
                guard !expected.isNaN else { continue }
                state.decide(symbol: symbol, direction: direction(expected), on: day)
            }
        }
        return state.finish()
    }

    /// The predictions laid out as `[symbol][calendar day]`.
    func signalGrid(_ predictions: [Prediction]) -> [[Double]] {
        let symbolIndex = Dictionary(
            uniqueKeysWithValues: series.enumerated().map { ($1.symbol, $0) })
        var grid = Array(
            repeating: [Double](repeating: .nan, count: calendar.count), count: series.count)
        // Predictions and calendar are both in date order, so one cursor walks them together.
        var day = 0
        for prediction in predictions {
            while day < calendar.count, calendar[day] < prediction.date { day += 1 }
            guard day < calendar.count, calendar[day] == prediction.date,
                let symbol = symbolIndex[prediction.symbol]
            else { continue }
            grid[symbol][day] = prediction.expectedLogReturn
        }
        return grid
    }

    /// The index of `date` in the ascending `calendar`, by binary search.
    static func firstIndex(of date: TradingDate, in calendar: [TradingDate]) -> Int? {
        var low = 0
        var high = calendar.count
        while low < high {
            let middle = (low + high) / 2
            if calendar[middle] < date { low = middle + 1 } else { high = middle }
        }
        return low < calendar.count && calendar[low] == date ? low : nil
    }

    private func direction(_ expected: Double) -> Int {
        switch settings.rule {
        case .longFlat: return expected > settings.threshold ? 1 : 0
        case .longShort:
            if expected > settings.threshold { return 1 }
            return expected < -settings.threshold ? -1 : 0
        }
    }
}
