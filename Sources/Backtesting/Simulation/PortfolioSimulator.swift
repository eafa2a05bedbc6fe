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
                tradedNotional: 0)
        }
        var state = SimulationState(
            settings: settings, series: series, calendar: calendar, startDay: startDay)
        let symbolIndex = Dictionary(
            uniqueKeysWithValues: series.enumerated().map { ($1.symbol, $0) })
        // Predictions and calendar are both in date order, so one cursor walks them together.
        var cursor = 0
        var lastSymbol = -1
        var decisions: [(symbol: Int, expected: Double, direction: Int)] = []
        for day in startDay..<calendar.count {
            if day > startDay { state.advance(to: day) }
            state.record(day: day)
            decisions.removeAll(keepingCapacity: true)
            while cursor < predictions.count, predictions[cursor].date <= calendar[day] {
                let prediction = predictions[cursor]
                cursor += 1
                guard prediction.date == calendar[day],
                    let symbol = index(of: prediction.symbol, after: &lastSymbol, in: symbolIndex)
                else { continue }
                decisions.append((symbol, prediction.expectedLogReturn, direction(prediction)))
            }
            if !decisions.isEmpty { state.decide(decisions, on: day) }
        }
        return state.finish()
    }

    /// The series index of `symbol`. Predictions come sorted by date then symbol, so the
    /// next series is tried first and the hash lookup is the exception on the hot path.
    private func index(of symbol: Symbol, after last: inout Int, in table: [Symbol: Int]) -> Int? {
        let guess = last + 1 < series.count ? last + 1 : 0
        if series[guess].symbol == symbol {
            last = guess
            return guess
        }
        guard let found = table[symbol] else { return nil }
        last = found
        return found
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

    private func direction(_ prediction: Prediction) -> Int {
        let expected = prediction.expectedLogReturn
        switch settings.rule {
        case .longFlat: return expected > settings.threshold ? 1 : 0
        case .longShort:
            if expected > settings.threshold { return 1 }
            return expected < -settings.threshold ? -1 : 0
        }
    }
}
