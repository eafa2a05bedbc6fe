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
            let startDay = calendar.firstIndex(of: firstDate)
        else {
            return SimulationResult(
                rows: [], trades: [], fills: [], totalCommission: 0, totalSlippage: 0,
                tradedNotional: 0)
        }
        var state = SimulationState(
            settings: settings, series: series, calendar: calendar, startDay: startDay)
        let signals = signalsByDay(predictions)
        for day in startDay..<calendar.count {
            if day > startDay { state.advance(to: day) }
            state.record(day: day)
            if let decisions = signals[day] { state.decide(decisions, on: day) }
        }
        return state.finish()
    }

    /// Each day's target direction per symbol index.
    private func signalsByDay(_ predictions: [Prediction]) -> [Int: [(Int, Double, Int)]] {
        let symbolIndex = Dictionary(
            uniqueKeysWithValues: series.enumerated().map { ($1.symbol, $0) })
        let dayIndex = Dictionary(uniqueKeysWithValues: calendar.enumerated().map { ($1, $0) })
        var byDay: [Int: [(Int, Double, Int)]] = [:]
        for prediction in predictions {
            guard let symbol = symbolIndex[prediction.symbol], let day = dayIndex[prediction.date]
            else { continue }
            byDay[day, default: []].append(
                (symbol, prediction.expectedLogReturn, direction(prediction)))
        }
        return byDay
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
