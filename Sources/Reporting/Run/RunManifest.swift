import Backtesting
import Forecasting
import Foundation
import MarketData

/// `run.json`: the strategy as run, the data fingerprints, seed, version and timings.
public enum RunManifest {
    /// Metrics repeated in run.json so that listing runs needs no CSV parsing.
    public static let keyMetrics = [
        "total_return", "cagr", "sharpe", "max_drawdown", "benchmark_total_return",
        "benchmark_sharpe", "rmse", "naive_rmse", "theil_u", "dm_pvalue", "trades",
    ]

    public static func render(_ report: RunReport) -> String {
        let strategy = report.strategy
        let leaks = strategy.forecast.deliberateLeaks.sorted().map {
            JSONWriter.Value.string($0.rawValue)
        }
        let value = JSONWriter.Value.object([
            ("id", .string(report.id.text)),
            ("version", .string(report.version)),
            ("createdAt", .string(iso8601(report.createdAt))),
            ("leaky", .bool(strategy.isLeaky)),
            ("deliberateLeaks", .array(leaks)),
            ("seed", .integer(Int(report.seed))),
            ("threads", .integer(report.threads)),
            ("strategy", strategyValue(report)),
            ("data", .array(report.dataFiles.map(dataValue))),
            ("folds", .integer(report.forecast.folds.count)),
            ("scalers", .array(report.forecast.folds.map(scalerValue))),
            ("predictions", .integer(report.forecast.predictions.count)),
            ("timings", .object(report.timings.map { ($0.name, .number($0.seconds)) })),
            ("metrics", .object(keyMetrics.map { ($0, .number(report.metric($0))) })),
            (
                "warnings",
                .array(
                    (strategy.warnings + report.dataWarnings.map(\.description)).map { .string($0) }
                )
            ),
        ])
        return JSONWriter.render(value)
    }

    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// Each fold's fitted scaler, so the run alone can reproduce the model inputs.
    private static func scalerValue(_ fold: FoldOutcome) -> JSONWriter.Value {
        .object([
            ("fold", .integer(fold.plan.index)), ("cutoff", .string(fold.cutoffDate.iso)),
            ("kind", .string(fold.scaler.kind.rawValue)),
            ("mean", .array(fold.scaler.offset.map { .number($0) })),
            ("std", .array(fold.scaler.scale.map { .number($0) })),
        ])
    }

    private static func dataValue(_ file: RunReport.DataFile) -> JSONWriter.Value {
        .object([
            ("symbol", .string(file.symbol.text)), ("file", .string(file.path)),
            ("sha256", .string(file.sha256)), ("rows", .integer(file.rowCount)),
            ("first", .string(file.firstDate.iso)), ("last", .string(file.lastDate.iso)),
        ])
    }

    private static func strategyValue(_ report: RunReport) -> JSONWriter.Value {
        let strategy = report.strategy
        let forecast = strategy.forecast
        let model = forecast.model
        let walk = forecast.walkForward
        let trading = strategy.trading
        return .object([
            ("file", .string(report.strategyPath)),
            ("sha256", .string(report.strategySHA256)),
            ("name", .string(strategy.name)),
            ("tickers", .array(strategy.tickers.map { .string($0.text) })),
            ("start", strategy.start.map { .string($0.iso) } ?? .null),
            ("end", strategy.end.map { .string($0.iso) } ?? .null),
            ("features", .array(forecast.features.map { .string($0.description) })),
            (
                "target",
                .object([
                    ("kind", .string(forecast.target.kind.rawValue)),
                    ("horizon", .integer(forecast.target.horizon)),
                    ("horizons", .array(forecast.target.horizons.map { .integer($0) })),
                ])
            ),
            ("window", .integer(forecast.windowLength)),
            ("stride", .integer(forecast.stride)),
            ("scaler", .string(forecast.scaler.rawValue)),
            (
                "model",
                .object([
                    ("cell", .string(model.kind.rawValue)), ("layers", .integer(model.layers)),
                    ("hidden", .integer(model.hiddenSize)), ("head", .string(model.head.rawValue)),
                    ("epochs", .integer(model.epochs)), ("batch", .integer(model.batchSize)),
                    ("learningRate", .number(model.learningRate)),
                    ("seed", .integer(Int(model.seed))),
                    ("dropout", .number(model.dropout)),
                    ("weightDecay", .number(model.weightDecay)),
                    ("clipNorm", model.clipNorm.map { .number($0) } ?? .null),
                    ("loss", .string(model.loss.rawValue)),
                    ("patience", model.patience.map { .integer($0) } ?? .null),
                    ("ridgeAlpha", .number(model.ridgeAlpha)),
                ])
            ),
            (
                "walkForward",
                .object([
                    ("scheme", .string(walk.scheme.rawValue)), ("train", .integer(walk.trainDays)),
                    ("test", .integer(walk.testDays)), ("step", .integer(walk.stepDays)),
                    ("purge", .integer(forecast.purgeDays)),
                    ("embargo", .integer(forecast.embargoDays)),
                    ("validation", .integer(walk.validationDays)),
                ])
            ),
            (
                "signal",
                .object([
                    ("rule", .string(trading.rule.rawValue)),
                    ("threshold", .number(trading.threshold)),
                ])
            ),
            (
                "costs",
                .object([
                    ("commissionBps", .number(trading.commissionBasisPoints)),
                    ("slippageBps", .number(trading.slippageBasisPoints)),
                    ("minimumCommission", .number(trading.minimumCommission)),
                ])
            ),
            ("execution", .string(trading.execution.rawValue)),
            ("benchmark", .string(trading.benchmark.rawValue)),
            ("capital", .number(trading.capital)),
            (
                "sizing",
                .object([
                    ("method", .string(trading.sizing.rawValue)),
                    ("fraction", .number(trading.fraction)),
                    ("targetVolatility", .number(trading.targetVolatility)),
                    ("lookback", .integer(trading.volatilityLookbackDays)),
                    ("maxWeight", .number(trading.maximumWeight)),
                ])
            ),
        ])
    }
}
