import Backtesting
import Forecasting
import Foundation
import MarketData
import Reporting

/// Loads a strategy and its data, runs the walk-forward forecasts, simulates the portfolio,
/// computes the metrics and writes the report. Shared by `backtest` and the tests.
struct BacktestPipeline {
    /// The strategy path as the user gave it, for messages and the report.
    let strategyPath: String
    let dataDirectory: URL
    let reportsDirectory: URL
    let seed: UInt64?
    let threads: Int
    let runID: RunID?
    let log: @Sendable (String) -> Void

    var strategyURL: URL { URL(fileURLWithPath: strategyPath) }

    func run() throws -> (RunReport, URL) {
        let started = Date()
        let strategy = try StrategyLoader.load(strategyURL)
        for warning in strategy.warnings { log("warning: \(warning)") }
        if strategy.isLeaky {
            log("LEAKY: this run switches on deliberate leaks; its metrics are not honest")
        }

        let (series, dataFiles, warnings) = try StrategyData.load(
            strategy, from: dataDirectory, log: log)
        let loaded = Date()

        let runner = WalkForwardRunner(settings: strategy.forecast, seed: seed, threads: threads)
        let forecast = try runner.run(series, progress: progressLogger())
        let forecasted = Date()

        let simulation = PortfolioSimulator(
            settings: strategy.trading, series: series, calendar: forecast.calendar
        ).run(forecast.predictions)
        let metrics = runMetrics(strategy, series, forecast, simulation)
        let simulated = Date()

        let report = RunReport(
            id: runID
                ?? RunID.make(
                    strategyFileName: strategyURL.deletingPathExtension().lastPathComponent),
            strategy: strategy, strategyPath: strategyPath,
            strategySHA256: strategy.sourceSHA256 ?? "",
            dataFiles: dataFiles, dataWarnings: warnings, forecast: forecast,
            simulation: simulation, metrics: metrics, seed: runner.seed, threads: threads,
            version: Walkforward.version, createdAt: started,
            timings: [
                ("data", loaded.timeIntervalSince(started)),
                ("forecast", forecasted.timeIntervalSince(loaded)),
                ("simulation", simulated.timeIntervalSince(forecasted)),
            ])
        let folder = try RunWriter(reportsDirectory: reportsDirectory)
            .write(report, page: ReportPage.render(report))
        do {
            try RunIndexPage.update(in: reportsDirectory)
        } catch {
            log("warning: the run is saved, but Reports/index.html could not be updated: \(error)")
        }
        return (report, folder)
    }

    /// The rows of metrics.csv; the deflated Sharpe ratio counts the runs already in the
    /// reports folder as earlier trials.
    private func runMetrics(
        _ strategy: Strategy, _ series: [PriceSeries], _ forecast: WalkForwardResult,
        _ simulation: SimulationResult
    ) -> [(name: String, value: Double)] {
        let earlierSharpes = RunCatalog(directory: reportsDirectory).entries().map {
            $0.metric("sharpe")
        }
        let predictions = forecast.predictions
        return RunMetrics.compute(
            RunMetrics.Inputs(
                simulation: simulation, predictions: predictions,
                horizon: strategy.forecast.target.horizon,
                naiveScale: forecast.folds.first?.trainingNaiveMeanAbsoluteError ?? .nan,
                earlierTrialSharpeRatios: earlierSharpes,
                sharpeAtCommission: { basisPoints in
                    var trading = strategy.trading
                    trading.commissionBasisPoints = basisPoints
                    let rows = PortfolioSimulator(
                        settings: trading, series: series, calendar: forecast.calendar
                    ).run(predictions).rows
                    return ReturnMetrics.sharpeRatio(
                        returns: ReturnMetrics.dailyReturns(equity: rows.map(\.equity)))
                }, horizonForecasts: forecast.horizonForecasts))
    }

    private func progressLogger() -> @Sendable (ForecastProgress) -> Void {
        let log = self.log
        return { event in
            switch event {
            case .foldStarted(let fold, let count, let cutoff, let samples):
                log(
                    "fold \(fold) (\(fold + 1) of \(count), cutoff \(cutoff)): "
                        + "training on \(samples) windows")
            case .epoch(let fold, let epoch, let epochs, let loss, let validation):
                let validationText =
                    validation.map { String(format: ", validation %.6f", $0) } ?? ""
                log(
                    String(format: "fold %d epoch %d/%d: loss %.6f", fold, epoch, epochs, loss)
                        + validationText)
            case .foldFinished(let fold, let seconds):
                log(String(format: "fold %d done in %.2fs", fold, seconds))
            }
        }
    }
}
