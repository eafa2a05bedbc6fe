import Backtesting
import Forecasting
import Foundation
import MarketData
import Reporting

/// `walkforward backtest STRATEGY.json`: the whole pipeline, from Data/ to Reports/<run>/.
enum BacktestCommand {
    static let help = """
        Usage: walkforward backtest STRATEGY.json [--data-dir DIR] [--reports-dir DIR]
                                    [--seed N] [--threads N] [--run-id ID]

        Runs the strategy's walk-forward experiment on the cached prices and writes a report
        folder (index.html, run.json, metrics.csv, equity.csv, trades.csv, predictions.csv,
        folds.csv, model files). Prints the folder and the key figures on stdout; progress
        goes to stderr.

        Options:
          --data-dir DIR      price files, one <SYMBOL>.csv each (default: Data)
          --reports-dir DIR   where run folders go (default: Reports)
          --seed N            overrides model.seed
          --threads N         worker threads for training (default: 2)
          --run-id ID         folder name (default: a UTC timestamp and the file name)
        """

    static func run(_ words: [String]) throws {
        try HelpRequested.check(words, help)
        let arguments = try Arguments(
            words, command: "backtest",
            valueOptions: ["data-dir", "reports-dir", "seed", "threads", "run-id"])
        let strategyPath = try arguments.requirePositional(["strategy"])[0]
        let seed = try arguments.value("seed").map { _ in
            UInt64(try arguments.integer("seed", default: 0, range: 0...Int(Int32.max)))
        }
        let threads = try arguments.integer("threads", default: 2, range: 1...256)
        let runID = try arguments.value("run-id").map { try RunID($0) }
        let pipeline = BacktestPipeline(
            strategyPath: strategyPath,
            dataDirectory: URL(fileURLWithPath: arguments.value("data-dir") ?? "Data"),
            reportsDirectory: URL(fileURLWithPath: arguments.value("reports-dir") ?? "Reports"),
            seed: seed, threads: threads, runID: runID, log: Terminal.err)
        let (report, folder) = try pipeline.run()
        printSummary(report, folder: folder)
    }

    private static func printSummary(_ report: RunReport, folder: URL) {
        if report.strategy.isLeaky {
            let leaks = report.strategy.forecast.deliberateLeaks.sorted().map(\.rawValue)
            Terminal.out(
                "LEAKY RUN: deliberate leaks \(leaks.joined(separator: ", ")); "
                    + "its figures overstate what the model can do")
        }
        let rows: [[String]] = [
            ["", "strategy", "benchmark"],
            [
                "total return", Terminal.percent(report.metric("total_return")),
                Terminal.percent(report.metric("benchmark_total_return")),
            ],
            [
                "CAGR", Terminal.percent(report.metric("cagr")),
                Terminal.percent(report.metric("benchmark_cagr")),
            ],
            [
                "Sharpe", Terminal.decimal(report.metric("sharpe")),
                Terminal.decimal(report.metric("benchmark_sharpe")),
            ],
            [
                "max drawdown", Terminal.percent(report.metric("max_drawdown")),
                Terminal.percent(report.metric("benchmark_max_drawdown")),
            ],
        ]
        Terminal.out(Terminal.table(rows))
        Terminal.out(
            "forecast: rmse \(Terminal.decimal(report.metric("rmse"), 6)) vs naive "
                + "\(Terminal.decimal(report.metric("naive_rmse"), 6)) (Theil U "
                + "\(Terminal.decimal(report.metric("theil_u"), 3)), Diebold-Mariano p "
                + "\(Terminal.decimal(report.metric("dm_pvalue"), 3)))")
        Terminal.out("report: \(folder.appendingPathComponent("index.html").path)")
    }
}
