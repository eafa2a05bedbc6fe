import Forecasting
import Foundation
import MarketData

/// The rows of `metrics.csv`: portfolio, benchmark and forecast metrics of one run.
///
/// Names and formulas follow the architecture page ("Metric names"); every value is a
/// fraction, not a percent, and NaN where undefined.
public enum RunMetrics {
    /// What the metrics are computed from.
    public struct Inputs: Sendable {
        public let simulation: SimulationResult
        public let predictions: [Prediction]
        public let horizon: Int
        /// Forecasts at every horizon of a multi-horizon target, by date, symbol, then
        /// horizon; those at horizons other than `horizon` get their own `_h<k>` rows.
        public let horizonForecasts: [HorizonForecast]
        /// Mean |label - naive| over the first fold's training samples: the MASE scale.
        public let naiveScale: Double
        /// Annualised Sharpe ratios of the earlier runs, the trials the deflated Sharpe
        /// ratio corrects for.
        public let earlierTrialSharpeRatios: [Double]
        /// The strategy's annualised Sharpe ratio at a commission in basis points.
        public let sharpeAtCommission: @Sendable (Double) -> Double

        public init(
            simulation: SimulationResult, predictions: [Prediction], horizon: Int,
            naiveScale: Double, earlierTrialSharpeRatios: [Double],
            sharpeAtCommission: @escaping @Sendable (Double) -> Double,
            horizonForecasts: [HorizonForecast] = []
        ) {
            self.simulation = simulation
            self.predictions = predictions
            self.horizon = horizon
            self.horizonForecasts = horizonForecasts
            self.naiveScale = naiveScale
            self.earlierTrialSharpeRatios = earlierTrialSharpeRatios
            self.sharpeAtCommission = sharpeAtCommission
        }
    }

    public static func compute(_ inputs: Inputs) -> [(name: String, value: Double)] {
        let rows = inputs.simulation.rows
        let days = rows.map(\.date.dayNumber)
        let equity = rows.map(\.equity)
        let benchmark = rows.map(\.benchmark)
        var metrics = portfolio(
            equity: equity, days: days, positions: rows.map(\.position),
            tradeProfits: inputs.simulation.trades.map(\.profit), prefix: "")
        let strategyReturns = ReturnMetrics.dailyReturns(equity: equity)
        metrics += [
            ("turnover", turnover(inputs.simulation, rows: rows)),
            ("total_commission", inputs.simulation.totalCommission),
            ("total_slippage", inputs.simulation.totalSlippage),
        ]
        metrics += trialAdjusted(strategyReturns, inputs: inputs)
        metrics.append(
            ("break_even_commission_bps", breakEvenCommission(inputs.sharpeAtCommission)))
        if benchmark.allSatisfy(\.isFinite), benchmark.count > 1 {
            let invested = [0] + Array(repeating: 1.0, count: benchmark.count - 1)
            metrics += portfolio(
                equity: benchmark, days: days, positions: invested,
                tradeProfits: inputs.simulation.benchmarkProfits, prefix: "benchmark_")
            let regression = BenchmarkRegression(strategyEquity: equity, benchmarkEquity: benchmark)
            metrics += [
                ("alpha", regression.alpha), ("beta", regression.beta),
                ("information_ratio", regression.informationRatio),
            ]
        }
        metrics += forecast(inputs)
        metrics += otherHorizons(inputs)
        return metrics
    }

    private static func portfolio(
        equity: [Double], days: [Int], positions: [Double], tradeProfits: [Double], prefix: String
    ) -> [(name: String, value: Double)] {
        let statistics = ReturnStatistics(equity: equity, dayNumbers: days)
        let trades = TradeStatistics(profits: tradeProfits)
        let exposed = positions.filter { $0 != 0 }.count
        let rows: [(String, Double)] = [
            ("total_return", statistics.totalReturn),
            ("cagr", statistics.compoundAnnualGrowthRate),
            ("volatility", statistics.volatility),
            ("sharpe", statistics.sharpeRatio),
            ("sortino", statistics.sortinoRatio),
            ("max_drawdown", statistics.maxDrawdown),
            ("calmar", statistics.calmarRatio),
            ("exposure", positions.isEmpty ? .nan : Double(exposed) / Double(positions.count)),
            ("trades", Double(trades.tradeCount)),
            ("win_rate", trades.winRate),
            ("profit_factor", trades.profitFactor),
            ("average_win", trades.averageWin),
            ("average_loss", trades.averageLoss),
            ("best_day", statistics.bestDay),
            ("worst_day", statistics.worstDay),
            ("longest_drawdown_days", Double(statistics.longestDrawdown?.tradingDayCount ?? 0)),
            ("skew", statistics.skewness),
            ("kurtosis", statistics.excessKurtosis),
            ("var_95", statistics.valueAtRisk95),
            ("cvar_95", statistics.conditionalValueAtRisk95),
        ]
        return rows.map { (prefix + $0.0, $0.1) }
    }

    private static func turnover(_ simulation: SimulationResult, rows: [EquityRow]) -> Double {
        guard rows.count > 1 else { return .nan }
        let meanEquity = rows.reduce(0) { $0 + $1.equity } / Double(rows.count)
        let years = Double(rows.count - 1) / 252
        return simulation.tradedNotional / meanEquity / years
    }

    /// The probabilistic Sharpe ratio against zero and the deflated Sharpe ratio against the
    /// best of the recorded trials (Bailey and López de Prado, 2012 and 2014).
    private static func trialAdjusted(_ returns: [Double], inputs: Inputs) -> [(
        name: String, value: Double
    )] {
        let perPeriod =
            (inputs.earlierTrialSharpeRatios + [ReturnMetrics.sharpeRatio(returns: returns)])
            .filter(\.isFinite).map { $0 / Double(252).squareRoot() }
        let trialCount = max(1, perPeriod.count)
        let variance = perPeriod.count > 1 ? DescriptiveStatistics.sampleVariance(perPeriod) : 0
        return [
            ("psr", SharpeRatioInference.probabilisticSharpeRatio(returns: returns)),
            (
                "dsr",
                SharpeRatioInference.deflatedSharpeRatio(
                    returns: returns, trialCount: trialCount, trialSharpeRatioVariance: variance)
            ),
            ("trials", Double(trialCount)),
        ]
    }

    /// The commission in basis points at which the Sharpe ratio falls to zero, by bisection;
    /// zero when it is not positive even without commission.
    static func breakEvenCommission(_ sharpeAt: (Double) -> Double) -> Double {
        guard sharpeAt(0) > 0 else { return 0 }
        var low = 0.0
        var high = 1000.0
        guard sharpeAt(high) <= 0 else { return .infinity }
        for _ in 0..<30 where high - low > 0.01 {
            let middle = (low + high) / 2
            if sharpeAt(middle) > 0 { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    private static func forecast(_ inputs: Inputs) -> [(name: String, value: Double)] {
        let realised = inputs.predictions.filter { $0.actual?.isFinite == true }
        let accuracy = ForecastAccuracy(
            predicted: realised.map(\.predicted), actual: realised.map { $0.actual ?? .nan },
            naive: realised.map(\.naive), horizon: inputs.horizon, scale: inputs.naiveScale)
        return [
            ("rmse", accuracy.rootMeanSquaredError),
            ("mae", accuracy.meanAbsoluteError),
            ("directional_accuracy", accuracy.directionalAccuracy),
            ("naive_rmse", accuracy.naiveRootMeanSquaredError),
            ("theil_u", accuracy.theilU),
            ("mase", accuracy.meanAbsoluteScaledError),
            ("dm_statistic", accuracy.dieboldMariano.statistic),
            ("dm_pvalue", accuracy.dieboldMariano.pValue),
            ("forecasts", Double(accuracy.count)),
        ]
    }

    /// The forecast-accuracy measures reported for each horizon, in `metrics.csv` order.
    public static let horizonMeasureNames = [
        "rmse", "mae", "directional_accuracy", "naive_rmse", "theil_u", "dm_pvalue",
    ]

    /// The `metrics.csv` row of a forecast-accuracy measure at a horizon: the plain name
    /// (`rmse`) for the traded horizon, `rmse_h<k>` for any other horizon k.
    public static func metricName(_ measure: String, horizon: Int, tradingHorizon: Int) -> String {
        horizon == tradingHorizon ? measure : "\(measure)_h\(horizon)"
    }

    /// `rmse_h<k>`, `mae_h<k>`, `directional_accuracy_h<k>`, `naive_rmse_h<k>`,
    /// `theil_u_h<k>` and `dm_pvalue_h<k>` for each forecast horizon k that is not traded.
    ///
    /// The Diebold–Mariano variance takes k - 1 lags: k-day forecasts made on consecutive
    /// days share k - 1 days of their outcomes, so their errors are serially correlated.
    private static func otherHorizons(_ inputs: Inputs) -> [(name: String, value: Double)] {
        let horizons = Set(inputs.horizonForecasts.map(\.horizon)).subtracting([inputs.horizon])
        return horizons.sorted().flatMap { horizon -> [(name: String, value: Double)] in
            let realised = inputs.horizonForecasts.filter {
                $0.horizon == horizon && $0.actual?.isFinite == true
            }
            let accuracy = ForecastAccuracy(
                predicted: realised.map(\.predicted), actual: realised.map { $0.actual ?? .nan },
                naive: realised.map(\.naive), horizon: horizon)
            let values = [
                accuracy.rootMeanSquaredError, accuracy.meanAbsoluteError,
                accuracy.directionalAccuracy, accuracy.naiveRootMeanSquaredError,
                accuracy.theilU, accuracy.dieboldMariano.pValue,
            ]
            return zip(horizonMeasureNames, values).map { measure, value in
                let name = metricName(measure, horizon: horizon, tradingHorizon: inputs.horizon)
                return (name, value)
            }
        }
    }
}
