import Foundation
import Testing

@Suite(.serialized) struct BacktestCommandTests {
    static let strategy = """
        {
          "name": "E2E <b>ridge</b> & co",
          "tickers": ["AAA", "BBB"],
          "features": ["log_return", "range", "gap"],
          "window": 10,
          "model": {"cell": "ridge"},
          "walkForward": {"train": 200, "test": 60, "step": 60, "embargo": 2},
          "costs": {"commissionBps": 5, "slippageBps": 2}
        }
        """

    func prepared() throws -> (Workspace, CommandRunner) {
        let workspace = try Workspace()
        try workspace.writePrices("AAA", days: 520, seed: 1)
        try workspace.writePrices("BBB", days: 520, seed: 2)
        try workspace.write(Self.strategy, to: "Strategies/e2e.json")
        return (workspace, CommandRunner(directory: workspace.root))
    }

    @Test func backtestWritesEveryReportFile() throws {
        let (workspace, cli) = try prepared()
        defer { workspace.remove() }
        let outcome = try cli.run(["backtest", "Strategies/e2e.json", "--run-id", "first"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("report: "))
        #expect(outcome.standardError.contains("fold 0 (1 of "))

        let run = "Reports/first/"
        for file in [
            "index.html", "run.json", "metrics.csv", "equity.csv", "trades.csv", "predictions.csv",
            "folds.csv",
        ] {
            #expect(
                FileManager.default.fileExists(
                    atPath: workspace.root.appendingPathComponent(run + file).path), "\(file)")
        }
        let metrics = try workspace.read(run + "metrics.csv")
        for name in [
            "total_return", "cagr", "volatility", "sharpe", "sortino", "max_drawdown", "calmar",
            "exposure",
            "trades", "win_rate", "benchmark_total_return", "benchmark_sharpe", "rmse", "mae",
            "directional_accuracy", "naive_rmse", "theil_u", "dm_pvalue",
        ] {
            #expect(metrics.contains("\n\(name),"), "\(name)")
        }
        // Buy-and-hold holds one position per ticker.
        #expect(metrics.contains("\nbenchmark_trades,2.0\n"))
        let equity = try workspace.read(run + "equity.csv").split(separator: "\n")
        #expect(equity[0] == "date,equity,benchmark,drawdown,position,cash")
        #expect(equity[1].hasSuffix(",100000.0,100000.0,0,0,100000.0"))
        let predictions = try workspace.read(run + "predictions.csv").split(separator: "\n")
            .dropFirst()
        let keys = predictions.map { $0.split(separator: ",").prefix(2).joined(separator: " ") }
        #expect(keys == keys.sorted())
        #expect(predictions.last?.split(separator: ",", omittingEmptySubsequences: false)[4] == "")

        let html = try workspace.read(run + "index.html")
        #expect(html.contains("E2E &lt;b&gt;ridge&lt;/b&gt; &amp; co"))
        #expect(!html.contains("<b>ridge"))
        #expect(!html.contains("<script"))
        let manifest = try workspace.read(run + "run.json")
        #expect(manifest.contains("\"sha256\""))
        #expect(manifest.contains("\"leaky\": false"))
        // Each fold's fitted scaler is kept with the run: three features, three means.
        let scalers = try #require(manifest.range(of: "\"scalers\": ["))
        #expect(manifest[scalers.upperBound...].contains("\"mean\": ["))
        // The verdict on forecasting skill names the bar it is judged against.
        #expect(html.contains("random walk"))
    }

    @Test func sameSeedGivesByteIdenticalPredictions() throws {
        let (workspace, cli) = try prepared()
        defer { workspace.remove() }
        #expect(
            try cli.run(["backtest", "Strategies/e2e.json", "--run-id", "a", "--seed", "3"]).status
                == 0)
        #expect(
            try cli.run(["backtest", "Strategies/e2e.json", "--run-id", "b", "--seed", "3"]).status
                == 0)
        #expect(
            try workspace.read("Reports/a/predictions.csv")
                == workspace.read("Reports/b/predictions.csv"))
    }

    @Test func reportsListAndShowPastRuns() throws {
        let (workspace, cli) = try prepared()
        defer { workspace.remove() }
        #expect(try cli.run(["backtest", "Strategies/e2e.json", "--run-id", "one"]).status == 0)
        let listing = try cli.run(["reports"])
        #expect(listing.status == 0)
        #expect(listing.standardOutput.contains("one"))
        let shown = try cli.run(["report", "show", "one"])
        #expect(shown.status == 0)
        #expect(shown.standardOutput.contains("sharpe"))
        let sparkline = shown.standardOutput.split(separator: "\n").first {
            $0.hasPrefix("equity  ")
        }
        #expect(sparkline?.contains { "▁▂▃▄▅▆▇█".contains($0) } == true)
        #expect(
            try cli.run(["backtest", "Strategies/e2e.json", "--run-id", "two", "--seed", "9"])
                .status == 0)
        let compared = try cli.run(["report", "compare", "one", "two"])
        #expect(compared.status == 0)
        #expect(compared.standardOutput.hasPrefix("metric"))
        #expect(compared.standardOutput.contains("sharpe"))
        #expect(try cli.run(["report", "compare", "one"]).status == 64)
        #expect(try cli.run(["report", "show", "missing"]).status == 1)
        #expect(try cli.run(["report", "show", "../etc"]).status == 1)
    }

    @Test func badStrategyExitsOneNamingTheKey() throws {
        let (workspace, cli) = try prepared()
        defer { workspace.remove() }
        try workspace.write("{\"tickers\": [\"AAA\"], \"windw\": 3}", to: "Strategies/typo.json")
        let outcome = try cli.run(["backtest", "Strategies/typo.json"])
        #expect(outcome.status == 1)
        #expect(
            outcome.standardError.contains(
                "Strategies/typo.json:1: key \"windw\" is not a known key "
                    + "(did you mean \"window\"?)"
            ))
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func modelTooLargeForMemoryExitsOneNamingTheKeysBeforeWritingAnything() throws {
        let (workspace, cli) = try prepared()
        defer { workspace.remove() }
        // Each key within its range; together, about a terabyte of training buffers.
        try workspace.writePrices("LONG", days: 6000, seed: 3)
        try workspace.write(
            """
            {"tickers": ["LONG"], "window": 2000,
             "model": {"cell": "lstm", "layers": 8, "hidden": 1024, "batch": 65536},
             "walkForward": {"train": 1500, "test": 20}}
            """, to: "Strategies/huge.json")
        let outcome = try cli.run(["backtest", "Strategies/huge.json", "--run-id", "huge"])
        #expect(outcome.status == 1)
        // Prediction buffers are checked before training starts; either may be the one.
        #expect(outcome.standardError.contains("fold 0: "))
        #expect(outcome.standardError.contains(" buffers for "))
        #expect(outcome.standardError.contains("more than this machine's"))
        #expect(
            outcome.standardError.contains(
                "lower model.batch, model.hidden, model.layers or window"))
        let report = workspace.root.appendingPathComponent("Reports/huge")
        #expect(!FileManager.default.fileExists(atPath: report.path))
    }

    @Test func missingDataSaysHowToAddIt() throws {
        let (workspace, cli) = try prepared()
        defer { workspace.remove() }
        try workspace.write("{\"tickers\": [\"ZZZ\"]}", to: "Strategies/missing.json")
        let outcome = try cli.run(["backtest", "Strategies/missing.json"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("walkforward fetch ZZZ"))
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let cli = CommandRunner(directory: FileManager.default.temporaryDirectory)
        #expect(try cli.run(["backtest"]).status == 64)
        #expect(try cli.run(["backtest", "x.json", "--sed", "3"]).status == 64)
        #expect(try cli.run(["frobnicate"]).status == 64)
        #expect(try cli.run([]).status == 64)
        #expect(try cli.run(["backtest", "x.json", "--run-id", "../evil"]).status == 1)
    }

    @Test(arguments: ["backtest", "audit", "reports", "report", "fetch", "model", "bench"])
    func everyCommandHasHelp(_ command: String) throws {
        let outcome = try CommandRunner(directory: FileManager.default.temporaryDirectory).run([
            command, "--help",
        ])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("Usage: walkforward \(command)"))
    }

    @Test func auditPassesHonestAndFailsLeakyStrategies() throws {
        let (workspace, cli) = try prepared()
        defer { workspace.remove() }
        let honest = try cli.run(["audit", "Strategies/e2e.json"])
        #expect(honest.status == 0, "\(honest.standardError)")
        #expect(honest.standardOutput.contains("audit passed"))
        try workspace.write(
            "{\"tickers\": [\"AAA\"], \"window\": 10, "
                + "\"deliberateLeaks\": [\"fit-scaler-on-all-data\"], "
                + "\"walkForward\": {\"train\": 200, \"test\": 60}}", to: "Strategies/leaky.json")
        let leaky = try cli.run(["audit", "Strategies/leaky.json"])
        #expect(leaky.status == 1)
        #expect(leaky.standardError.contains("): fitted scaler differs"))
        #expect(leaky.standardError.contains("fold 0 (cutoff "))
    }
}

@Suite struct RunIndexTests {
    @Test func reportsIndexListsEveryRunWithALink() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.writePrices("AAA", days: 420, seed: 3)
        try workspace.write(
            "{\"name\": \"<i>x</i>\", \"tickers\": [\"AAA\"], \"window\": 5, "
                + "\"walkForward\": {\"train\": 200, \"test\": 100}}", to: "Strategies/s.json")
        let cli = CommandRunner(directory: workspace.root)
        #expect(try cli.run(["backtest", "Strategies/s.json", "--run-id", "r1"]).status == 0)
        #expect(try cli.run(["backtest", "Strategies/s.json", "--run-id", "r2"]).status == 0)
        let index = try workspace.read("Reports/index.html")
        #expect(index.contains("href=\"r1/index.html\""))
        #expect(index.contains("href=\"r2/index.html\""))
        #expect(index.contains("&lt;i&gt;x&lt;/i&gt;"))
        let again = try cli.run(["backtest", "Strategies/s.json", "--run-id", "r1"])
        #expect(again.status == 1)
        #expect(again.standardError.contains("already exists"))
    }
}

@Suite struct NeuralBacktestTests {
    @Test func lstmRunSavesOneModelPerFoldThatModelRunCanLoad() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.writePrices("AAA", days: 420, seed: 9)
        try workspace.write(
            """
            {"tickers": ["AAA"], "features": ["log_return", "range"], "window": 8,
             "model": {"cell": "lstm", "layers": 1, "hidden": 4, "epochs": 2, "batch": 32},
             "walkForward": {"train": 200, "test": 100, "validation": 30}}
            """, to: "Strategies/lstm.json")
        let cli = CommandRunner(directory: workspace.root)
        let outcome = try cli.run(["backtest", "Strategies/lstm.json", "--run-id", "nn"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.contains("epoch 2/2"))
        let page = try workspace.read("Reports/nn/index.html")
        #expect(page.contains("Parameters: lstm "))
        #expect(page.contains("a sliding-window MLP with the same hidden size: "))
        let folds = try workspace.read("Reports/nn/folds.csv").split(separator: "\n").count - 1
        #expect(folds >= 2)
        for fold in 0..<folds {
            let model = "Reports/nn/model-fold-\(fold).safetensors"
            #expect(
                FileManager.default.fileExists(
                    atPath: workspace.root.appendingPathComponent(model).path))
        }
        let again = try cli.run(["backtest", "Strategies/lstm.json", "--run-id", "nn2"])
        #expect(again.status == 0)
        #expect(
            try workspace.read("Reports/nn/predictions.csv")
                == workspace.read("Reports/nn2/predictions.csv"))
        try workspace.write("0.1,0.2\n0.0,0.1\n0.3,0.2\n", to: "window.csv")
        let prediction = try cli.run([
            "model", "run", "Reports/nn/model-fold-0.safetensors", "window.csv",
        ])
        #expect(prediction.status == 0, "\(prediction.standardError)")
        #expect(
            Double(prediction.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) != nil
        )
    }
}

@Suite struct LeakageEndToEndTests {
    @Test func editingPricesAfterADateLeavesEarlierPredictionsUnchanged() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.writePrices("AAA", days: 480, seed: 21)
        try workspace.write(
            "{\"tickers\": [\"AAA\"], \"features\": [\"log_return\", \"range\", \"ma_distance\"], "
                + "\"window\": 10, \"model\": {\"cell\": \"ridge\"}, "
                + "\"walkForward\": {\"train\": 200, \"test\": 50}}", to: "Strategies/s.json")
        let cli = CommandRunner(directory: workspace.root)
        #expect(try cli.run(["backtest", "Strategies/s.json", "--run-id", "before"]).status == 0)

        // Rewrite every close after the pivot date; earlier rows stay byte-identical.
        let pivot = "2011-06-01"
        let lines = try workspace.read("Data/AAA.csv").split(separator: "\n").map(String.init)
        let edited = lines.map { line -> String in
            guard line.prefix(10) > pivot, !line.hasPrefix("Date") else { return line }
            var cells = line.split(separator: ",").map(String.init)
            let close = Double(cells[4])! * 1.3
            cells[2] = "\(max(Double(cells[2])!, close))"
            cells[4] = "\(close)"
            cells[5] = "\(close)"
            return cells.joined(separator: ",")
        }
        try workspace.write(edited.joined(separator: "\n") + "\n", to: "Data/AAA.csv")
        #expect(try cli.run(["backtest", "Strategies/s.json", "--run-id", "after"]).status == 0)

        func rows(_ run: String, _ keep: (Substring) -> Bool) throws -> [Substring] {
            try workspace.read("Reports/\(run)/predictions.csv").split(separator: "\n").dropFirst()
                .filter(keep)
        }
        let onOrBefore: (Substring) -> Bool = { $0.prefix(10) <= pivot }
        let earlier = try rows("before", onOrBefore)
        #expect(earlier.count > 50)
        // `actual` looks forward, so compare date, symbol, fold and forecast only.
        let forecast: (Substring) -> String = {
            $0.split(separator: ",").prefix(4).joined(separator: ",")
        }
        #expect(earlier.map(forecast) == (try rows("after", onOrBefore)).map(forecast))
        #expect(try rows("before", { !onOrBefore($0) }) != (try rows("after", { !onOrBefore($0) })))
    }

    @Test func hostileTextFromFilesIsEscapedInTheReport() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let hostile = "Data<script>alert(1)</script>"
        try FileManager.default.createDirectory(
            at: workspace.root.appendingPathComponent(hostile), withIntermediateDirectories: true)
        try workspace.writePrices("AAA", days: 420, seed: 2)
        try FileManager.default.moveItem(
            at: workspace.root.appendingPathComponent("Data/AAA.csv"),
            to: workspace.root.appendingPathComponent("\(hostile)/AAA.csv"))
        try workspace.write(
            "{\"name\": \"<img src=x onerror=alert(1)>\", \"tickers\": [\"AAA\"], \"window\": 5, "
                + "\"walkForward\": {\"train\": 200, \"test\": 100}}", to: "Strategies/s.json")
        let cli = CommandRunner(directory: workspace.root)
        let outcome = try cli.run([
            "backtest", "Strategies/s.json", "--data-dir", hostile, "--run-id", "x",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let html = try workspace.read("Reports/x/index.html")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x"))
        #expect(html.contains("Data&lt;script&gt;alert(1)&lt;/script&gt;/AAA.csv"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        let index = try workspace.read("Reports/index.html")
        #expect(!index.contains("<img src=x"))
        let symbol = try cli.run(["backtest", "Strategies/bad.json"])
        #expect(symbol.status == 1)
        try workspace.write("{\"tickers\": [\"<b>X</b>\"]}", to: "Strategies/bad.json")
        let refused = try cli.run(["backtest", "Strategies/bad.json"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("invalid symbol '<b>X</b>'"))
    }
}

@Suite struct LeakyRunTests {
    @Test func leakyRunsAreStampedEverywhere() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.writePrices("AAA", days: 420, seed: 4)
        try workspace.write(
            "{\"tickers\": [\"AAA\"], \"window\": 5, \"deliberateLeaks\": [\"no-purge\"], "
                + "\"walkForward\": {\"train\": 200, \"test\": 100}}", to: "Strategies/leaky.json")
        let cli = CommandRunner(directory: workspace.root)
        let outcome = try cli.run(["backtest", "Strategies/leaky.json", "--run-id", "leak"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("LEAKY RUN: deliberate leaks no-purge"))
        #expect(try workspace.read("Reports/leak/run.json").contains("\"leaky\": true"))
        #expect(try workspace.read("Reports/leak/index.html").contains("class=\"leaky\""))
        #expect(try workspace.read("Reports/index.html").contains("class=\"leaky\""))
        #expect(try cli.run(["reports"]).standardOutput.contains("LEAKY"))
        #expect(try cli.run(["report", "show", "leak"]).standardOutput.contains("LEAKY"))
    }
}

@Suite struct ManyFoldsTests {
    @Test func manyFoldBoundariesAreThinnedAndSaidSo() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.writePrices("AAA", days: 520, seed: 5)
        try workspace.write(
            "{\"tickers\": [\"AAA\"], \"window\": 5, \"model\": {\"cell\": \"drift\"}, "
                + "\"walkForward\": {\"train\": 200, \"test\": 10, \"step\": 10}}",
            to: "Strategies/s.json")
        let cli = CommandRunner(directory: workspace.root)
        #expect(try cli.run(["backtest", "Strategies/s.json", "--run-id", "many"]).status == 0)
        let folds = try workspace.read("Reports/many/folds.csv").split(separator: "\n").count - 1
        #expect(folds > 24)
        let html = try workspace.read("Reports/many/index.html")
        #expect(html.contains("(one in 2 of \(folds) drawn)"))
    }
}
