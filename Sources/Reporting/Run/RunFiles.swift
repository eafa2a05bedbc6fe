import Backtesting
import Forecasting
import MarketData

/// The text of each CSV file of a run.
public enum RunFiles {
    public static func equity(_ rows: [EquityRow]) -> String {
        CSVFormat.table(
            header: ["date", "equity", "benchmark", "drawdown", "position", "cash"],
            rows: rows.map { row in
                [row.date.iso]
                    + [row.equity, row.benchmark, row.drawdown, row.position, row.cash].map(
                        CSVFormat.number)
            })
    }

    public static func predictions(_ predictions: [Prediction]) -> String {
        CSVFormat.table(
            header: ["date", "symbol", "fold", "predicted", "actual", "naive"],
            rows: predictions.map { prediction in
                [
                    prediction.date.iso, prediction.symbol.text, String(prediction.fold),
                    CSVFormat.number(prediction.predicted), CSVFormat.number(prediction.actual),
                    CSVFormat.number(prediction.naive),
                ]
            })
    }

    /// `predictions-horizons.csv`: one row per test decision day, symbol and horizon.
    public static func horizonPredictions(_ forecasts: [HorizonForecast]) -> String {
        CSVFormat.table(
            header: ["date", "symbol", "fold", "horizon", "predicted", "actual", "naive"],
            rows: forecasts.map { forecast in
                [
                    forecast.date.iso, forecast.symbol.text, String(forecast.fold),
                    String(forecast.horizon), CSVFormat.number(forecast.predicted),
                    CSVFormat.number(forecast.actual), CSVFormat.number(forecast.naive),
                ]
            })
    }

    public static func trades(_ trades: [Trade]) -> String {
        CSVFormat.table(
            header: [
                "symbol", "direction", "entry_date", "exit_date", "entry_price", "exit_price",
                "quantity", "profit", "return", "commission", "holding_days", "status",
            ],
            rows: trades.map { trade in
                [
                    trade.symbol.text, trade.direction > 0 ? "long" : "short", trade.entryDate.iso,
                    trade.exitDate.iso,
                ]
                    + [
                        trade.entryPrice, trade.exitPrice, trade.quantity, trade.profit,
                        trade.returnFraction, trade.commission,
                    ]
                    .map(CSVFormat.number)
                    + [String(trade.holdingDays), trade.isOpen ? "open" : "closed"]
            })
    }

    public static func folds(_ folds: [FoldOutcome]) -> String {
        CSVFormat.table(
            header: [
                "fold", "train_start", "train_end", "validation_start", "validation_end",
                "test_start", "test_end", "train_samples", "validation_samples", "test_samples",
                "seconds",
            ],
            rows: folds.map { fold in
                [
                    String(fold.plan.index), fold.trainingDates.lowerBound.iso,
                    fold.trainingDates.upperBound.iso,
                    fold.validationDates?.lowerBound.iso ?? "",
                    fold.validationDates?.upperBound.iso ?? "",
                    fold.testDates.lowerBound.iso, fold.testDates.upperBound.iso,
                    String(fold.trainingSampleCount), String(fold.validationSampleCount),
                    String(fold.testSampleCount), CSVFormat.number(fold.seconds),
                ]
            })
    }

    public static func metrics(_ metrics: [(name: String, value: Double)]) -> String {
        CSVFormat.table(
            header: ["metric", "value"],
            rows: metrics.map { [$0.name, CSVFormat.number($0.value)] })
    }
}
