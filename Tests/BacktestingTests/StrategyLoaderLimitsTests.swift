import Forecasting
import Testing

@testable import Backtesting

/// Values that each pass their own range but would make a run trap or allocate absurdly.
@Suite struct StrategyLoaderLimitsTests {
    func message(_ text: String) -> String {
        do {
            _ = try StrategyLoader.parse(text, path: "Strategies/x.json")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: ["volatility_9223372036854775807", "ma_distance_1001"])
    func featureLookbacksBeyondAThousandDaysAreRefused(name: String) {
        // volatility_<Int.max> once passed and then overflowed the warm-up arithmetic.
        let text = "{\"tickers\": [\"SPY\"],\n\"features\": [\"log_return\",\n\"\(name)\"]}"
        #expect(
            message(text).hasPrefix(
                "Strategies/x.json:3: key \"features\" holds \"\(name)\", expected one of"))
        #expect(message(text).contains("N from 2 to 1000"))
        #expect(Feature(name: "volatility_1000") == .volatility(days: 1000))
    }

    @Test func aFeatureListedTwiceIsRefused() {
        let text = "{\"tickers\": [\"SPY\"], \"features\": [\"log_return\",\n\"log_return\"]}"
        #expect(
            message(text)
                == "Strategies/x.json:2: key \"features\" lists \"log_return\" twice, expected "
                + "distinct features")
    }

    @Test func aRidgeWindowTooWideToFactorIsRefused() {
        // 8000 inputs make a 512 MB Gram matrix and a solve of 10^11 steps; a list of distinct
        // volatility_N features could make it terabytes.
        let text = """
            {"tickers": ["SPY"], "features": ["log_return", "range", "gap", "volume_change"],
             "window": 2000, "model": {"cell": "ridge"}}
            """
        #expect(
            message(text)
                == "Strategies/x.json:2: key \"window\" is 2000 days of 4 features, 8000 "
                + "inputs; expected at most 4096 for model.cell \"ridge\"; shorten the window or "
                + "list fewer features")
        #expect(message(text.replacingOccurrences(of: "2000", with: "1024")) == "no error")
    }

    @Test func networksAreLeftToTheMemoryCheckAtTrainingTime() {
        // Each bound alone is sane and together they ask for terabytes, but only training
        // knows the threads and the windows that cap the batch: `Trainer.fit` refuses it.
        let recurrent = """
            {"tickers": ["SPY"], "window": 2000,
             "model": {"cell": "lstm", "layers": 8, "hidden": 1024, "batch": 65536}}
            """
        #expect(message(recurrent) == "no error")
        let mlp = """
            {"tickers": ["SPY"], "window": 2000, "features": ["log_return", "range"],
             "model": {"cell": "mlp", "hidden": 1024}}
            """
        #expect(message(mlp) == "no error")
    }

    @Test func aLongTickerListIsCheckedForRepeatsInLinearTime() {
        let tickers = (0..<50_000).map { "\"T\($0)\"" }.joined(separator: ",\n")
        let text = "{\"tickers\": [\(tickers),\n\"T7\"]}"
        let start = ContinuousClock.now
        #expect(message(text) == "Strategies/x.json:50001: key \"tickers\" lists \"T7\" twice")
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}
