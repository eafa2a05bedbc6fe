import Foundation
import MarketData

/// Runs a walk-forward experiment: prepare causal features, split by time, and for each fold
/// fit a scaler and a forecaster on the past and forecast the fold's test days.
public struct WalkForwardRunner: Sendable {
    public let settings: ForecastSettings
    public let seed: UInt64
    public let threads: Int
    public let makeForecaster: @Sendable (ModelSettings) -> any Forecaster

    public init(
        settings: ForecastSettings, seed: UInt64? = nil, threads: Int = 2,
        makeForecaster: @escaping @Sendable (ModelSettings) -> any Forecaster =
            ForecasterFactory.make
    ) {
        self.settings = settings
        self.seed = seed ?? settings.model.seed
        self.threads = threads
        self.makeForecaster = makeForecaster
    }

    /// The union of the series' trading days, ascending.
    public static func unionCalendar(of series: [PriceSeries]) -> [TradingDate] {
        Array(Set(series.flatMap { $0.bars.map(\.date) })).sorted()
    }

    /// Features and labels of every series on their shared calendar.
    public func prepare(_ series: [PriceSeries]) -> (calendar: [TradingDate], [PreparedSymbol]) {
        let calendar = WalkForwardRunner.unionCalendar(of: series)
        return (
            calendar,
            series.map { PreparedSymbol(series: $0, settings: settings, calendar: calendar) }
        )
    }

    /// The fold schedule for prepared data.
    public func plan(_ prepared: [PreparedSymbol], calendar: [TradingDate]) throws -> [FoldPlan] {
        try checkStaticRules()
        var firstDecisionDay = Int.max
        for symbol in prepared {
            guard symbol.firstDecisionBar < symbol.bars.count else {
                throw ForecastingError.notEnoughData(
                    symbol: symbol.symbol.text, bars: symbol.bars.count,
                    needed: symbol.firstDecisionBar + 1, reason: "feature warm-up plus one window")
            }
            firstDecisionDay = min(firstDecisionDay, symbol.calendarIndex[symbol.firstDecisionBar])
        }
        let splitter = WalkForwardSplitter(
            settings: settings.walkForward, purgeDays: settings.purgeDays,
            embargoDays: settings.embargoDays)
        return try splitter.folds(firstDecisionDay: firstDecisionDay, dayCount: calendar.count)
    }

    /// Runs every fold.
    public func run(
        _ series: [PriceSeries], progress: @escaping @Sendable (ForecastProgress) -> Void = { _ in }
    ) throws -> WalkForwardResult {
        let (calendar, prepared) = prepare(series)
        let plans = try plan(prepared, calendar: calendar)
        var outcomes: [FoldOutcome] = []
        for plan in plans {
            outcomes.append(
                try runFold(
                    plan, of: plans.count, prepared: prepared, calendar: calendar,
                    progress: progress))
        }
        let predictions = outcomes.flatMap(\.predictions).sorted {
            ($0.date, $0.symbol) < ($1.date, $1.symbol)
        }
        let horizonForecasts = outcomes.flatMap(\.horizonForecasts).sorted {
            ($0.date, $0.symbol, $0.horizon) < ($1.date, $1.symbol, $1.horizon)
        }
        return WalkForwardResult(
            calendar: calendar, folds: outcomes, predictions: predictions,
            horizonForecasts: horizonForecasts, horizons: settings.target.horizons)
    }

    /// Leakage rule 4: back-adjusted levels embed the future and are refused as inputs.
    func checkStaticRules() throws {
        let levels = settings.features.filter(\.isBackAdjustedLevel)
        if !levels.isEmpty, !settings.deliberateLeaks.contains(.adjustedLevels) {
            throw ForecastingError.leakRefused(
                "feature \(levels[0]) is a back-adjusted price level, which encodes later "
                    + "splits and dividends; use adjusted_log_return, or add "
                    + "\"adjusted-levels\" to deliberateLeaks to study the leak")
        }
    }
}
