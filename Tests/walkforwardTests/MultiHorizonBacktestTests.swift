import Foundation
import Testing

/// Backtests of strategies that forecast several horizons, and the proof that strategies
/// forecasting one horizon write what they always wrote.
@Suite struct MultiHorizonBacktestTests {
    static let strategy = """
        {"tickers": ["AAA", "BBB"], "features": ["log_return", "range"], "window": 8,
         "target": {"kind": "log_return", "horizon": 5, "horizons": [1, 5, 20]},
         "model": {"cell": "lstm", "layers": 1, "hidden": 4, "epochs": 2, "batch": 32},
         "walkForward": {"train": 200, "test": 60, "step": 60, "validation": 30}}
        """

    func prepared() throws -> (Workspace, CommandRunner) {
        let workspace = try Workspace()
        try workspace.writePrices("AAA", days: 400, seed: 31)
        try workspace.writePrices("BBB", days: 400, seed: 32)
        try workspace.write(Self.strategy, to: "Strategies/multi.json")
        return (workspace, CommandRunner(directory: workspace.root))
    }

    func rows(_ text: String) -> [[Substring]] {
        text.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
    }

    @Test func lstmRunWritesEveryHorizonsForecastsMetricsAndModel() throws {
        let (workspace, cli) = try prepared()
        defer { workspace.remove() }
        let outcome = try cli.run(["backtest", "Strategies/multi.json", "--run-id", "multi"])
        #expect(outcome.status == 0, "\(outcome.standardError)")

        // predictions.csv keeps its format: the traded horizon only.
        let predictionsText = try workspace.read("Reports/multi/predictions.csv")
        #expect(predictionsText.hasPrefix("date,symbol,fold,predicted,actual,naive\n"))
        let predictions = rows(predictionsText)
        let horizonsText = try workspace.read("Reports/multi/predictions-horizons.csv")
        #expect(horizonsText.hasPrefix("date,symbol,fold,horizon,predicted,actual,naive\n"))
        let forecasts = rows(horizonsText)

        // One row per decision day, symbol and horizon, sorted by all three.
        #expect(forecasts.count == 3 * predictions.count)
        #expect(forecasts.map { $0[3] } == predictions.flatMap { _ in ["1", "5", "20"] })
        let keys = forecasts.map { "\($0[0]) \($0[1]) \(Int($0[3])! + 100)" }
        #expect(keys == keys.sorted())
        // The traded horizon's rows are predictions.csv's rows.
        let traded = forecasts.filter { $0[3] == "5" }.map { row in
            (row[0...2] + row[4...6]).joined(separator: ",")
        }
        #expect(traded == predictions.map { $0.joined(separator: ",") })
        // A k-day label is realised k bars later: the last 20 days per symbol lack it.
        #expect(forecasts.filter { $0[3] == "20" && $0[5].isEmpty }.count == 2 * 20)
        #expect(forecasts.filter { $0[3] == "1" && $0[5].isEmpty }.count == 2)

        let metrics = try workspace.read("Reports/multi/metrics.csv")
        for horizon in [1, 20] {
            for measure in [
                "rmse", "mae", "directional_accuracy", "naive_rmse", "theil_u", "dm_pvalue",
            ] {
                #expect(metrics.contains("\n\(measure)_h\(horizon),"), "\(measure)_h\(horizon)")
            }
        }
        #expect(!metrics.contains("_h5,"))
        #expect(metrics.contains("\ntheil_u,"))

        let metadata = try modelMetadata(workspace, "Reports/multi/model-fold-0.safetensors")
        #expect(metadata["output_size"] == "3")
        #expect(metadata["horizons"] == "[1,5,20]")
        #expect(metadata["horizon"] == "5")
        #expect(metadata["target_mean"]?.hasPrefix("[") == true)

        // `model run` prints one value per horizon.
        try workspace.write("0.1,0.2\n0.0,0.1\n0.3,0.2\n", to: "window.csv")
        let run = try cli.run([
            "model", "run", "Reports/multi/model-fold-0.safetensors", "window.csv",
        ])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.split(separator: ",").count == 3)

        let manifest = try workspace.read("Reports/multi/run.json")
        #expect(manifest.contains("\"horizons\": [\n        1,\n        5,\n        20\n      ]"))
        let page = try workspace.read("Reports/multi/index.html")
        #expect(page.contains("<h2>Forecast accuracy by horizon</h2>"))
        #expect(page.contains("<td>5 (traded)</td>"))
        let shown = try cli.run(["report", "show", "multi"])
        #expect(shown.standardOutput.contains("forecast accuracy by horizon"))
        #expect(shown.standardOutput.contains("5 (traded)"))
    }

    @Test func auditPassesAMultiHorizonStrategy() throws {
        let (workspace, cli) = try prepared()
        defer { workspace.remove() }
        let audit = try cli.run(["audit", "Strategies/multi.json"])
        #expect(audit.status == 0, "\(audit.standardError)")
        #expect(audit.standardOutput.contains("audit passed"))
    }

    /// The safetensors header's `__metadata__`: 8 bytes of length, then JSON.
    func modelMetadata(_ workspace: Workspace, _ path: String) throws -> [String: String] {
        let bytes = try Data(contentsOf: workspace.root.appendingPathComponent(path))
        let length = bytes.prefix(8).enumerated().reduce(0) { $0 | Int($1.1) << (8 * $1.0) }
        let header = try JSONSerialization.jsonObject(with: bytes.dropFirst(8).prefix(length))
        return try #require((header as? [String: Any])?["__metadata__"] as? [String: String])
    }
}

/// A strategy that forecasts one horizon writes byte for byte what it wrote before
/// `target.horizons` existed.
@Suite struct SingleHorizonOutputTests {
    static let strategy = """
        {"tickers": ["AAA", "BBB"], "features": ["log_return", "range", "gap"],
         "target": {"horizon": 3}, "window": 10, "model": {"cell": "ridge"},
         "walkForward": {"train": 200, "test": 60, "step": 60, "embargo": 2},
         "costs": {"commissionBps": 5, "slippageBps": 2}}
        """

    /// 64-bit FNV-1a: a small fingerprint for recorded outputs.
    func fingerprint(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }

    @Test func filesMatchThoseRecordedBeforeMultiHorizonForecasts() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.writePrices("AAA", days: 520, seed: 1)
        try workspace.writePrices("BBB", days: 520, seed: 2)
        try workspace.write(Self.strategy, to: "Strategies/one.json")
        let explicit = Self.strategy.replacingOccurrences(
            of: "\"horizon\": 3", with: "\"horizon\": 3, \"horizons\": [3]")
        try workspace.write(explicit, to: "Strategies/explicit.json")
        let cli = CommandRunner(directory: workspace.root)
        for (strategy, run) in [("one", "one"), ("explicit", "explicit")] {
            let outcome = try cli.run([
                "backtest", "Strategies/\(strategy).json", "--run-id", run,
                "--reports-dir", "Reports/\(run)",
            ])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }

        // Recorded with the build before `target.horizons` (commit 60eed18). A deliberate
        // change to forecasts, the simulator or the metrics must update these.
        let recorded: [(String, UInt64)] = [
            ("predictions.csv", 0x17bf_2da4_3c77_a4aa), ("equity.csv", 0x5c5c_a605_54be_93c6),
            ("trades.csv", 0x5405_9d84_e861_5146), ("metrics.csv", 0xb65a_1d53_dab1_4b82),
        ]
        for (file, expected) in recorded {
            let text = try workspace.read("Reports/one/one/\(file)")
            #expect(fingerprint(text) == expected, "\(file)")
            #expect(try workspace.read("Reports/explicit/explicit/\(file)") == text, "\(file)")
        }
        let folder = workspace.root.appendingPathComponent("Reports/one/one")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!files.contains("predictions-horizons.csv"))
        #expect(!(try workspace.read("Reports/one/one/index.html")).contains("by horizon"))
    }
}
