import Forecasting
import Foundation
import MarketData
import Testing

@testable import Backtesting

@Suite struct StrategyLoaderTests {
    func load(_ text: String) throws -> Strategy {
        try StrategyLoader.parse(text, path: "Strategies/x.json")
    }

    func message(_ text: String) -> String {
        do {
            _ = try load(text)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func theArchitectureExampleLoadsWithEveryKey() throws {
        let strategy = try load(
            """
            {
              "name": "LSTM on SPY, next-day return",
              "tickers": ["SPY"],
              "start": "2005-01-03", "end": null,
              "features": ["log_return", "range", "volume_change"],
              "target": {"kind": "log_return", "horizon": 1},
              "window": 60, "stride": 1,
              "model": {"cell": "lstm", "layers": 2, "hidden": 64, "head": "last", "epochs": 30,
                        "batch": 64, "learningRate": 0.001, "seed": 7},
              "walkForward": {"scheme": "expanding", "train": 1000, "test": 250, "step": 250,
                              "purge": "auto", "embargo": 5},
              "signal": {"rule": "long-flat", "threshold": 0.0},
              "costs": {"commissionBps": 5, "slippageBps": 2},
              "execution": "next-open",
              "benchmark": "buy-and-hold",
              "deliberateLeaks": []
            }
            """)
        #expect(strategy.tickers.map(\.text) == ["SPY"])
        #expect(strategy.start == TradingDate(iso: "2005-01-03"))
        #expect(strategy.forecast.features == [.logReturn, .range, .volumeChange])
        #expect(strategy.forecast.model.kind == .lstm)
        #expect(strategy.forecast.model.hiddenSize == 64)
        #expect(strategy.forecast.purgeDays == 60)
        #expect(strategy.forecast.embargoDays == 5)
        #expect(strategy.trading.commissionBasisPoints == 5)
        #expect(strategy.trading.capital == 100_000)
        #expect(!strategy.isLeaky)
    }

    @Test func everyKeyButTickersHasADefault() throws {
        let strategy = try StrategyLoader.parse(
            "{\"tickers\": [\"MSFT\"]}", path: "Strategies/minimal.json", fallbackName: "minimal")
        #expect(strategy.name == "minimal")
        #expect(strategy.forecast.windowLength == 60)
        #expect(strategy.forecast.target == Target(kind: .logReturn, horizon: 1))
        #expect(strategy.trading.execution == .nextOpen)
    }

    @Test func unknownKeyIsNamedWithLineAndSuggestion() {
        let text =
            "{\n  \"tickers\": [\"SPY\"],\n"
            + "  \"model\": {\"cell\": \"lstm\", \"learningrate\": 0.1}\n}"
        #expect(
            message(text).hasPrefix(
                "Strategies/x.json:3: key \"model.learningrate\" is not a known key "
                    + "(did you mean \"learningRate\"?)"
            ))
    }

    @Test func wrongTypeAndRangeSayWhatIsAllowed() {
        #expect(
            message("{\"tickers\": [\"SPY\"], \"window\": true}")
                == "Strategies/x.json:1: key \"window\" is true, "
                + "expected a whole number from 1 to 2000"
        )
        #expect(
            message("{\"tickers\": [\"SPY\"], \"window\": 0}")
                == "Strategies/x.json:1: key \"window\" is 0, "
                + "expected a whole number from 1 to 2000"
        )
        #expect(
            message("{\"tickers\": [\"SPY\"], \"model\": {\"cell\": \"lstn\"}}").contains(
                "key \"model.cell\" is \"lstn\", expected one of \"naive\", \"drift\", "
                    + "\"ridge\", \"rnn\", \"lstm\", \"gru\", \"mlp\""
            ))
        #expect(
            message("{\"tickers\": [\"SPY\"], \"features\": [\"log_returns\"]}").contains(
                "expected one of log_return"))
    }

    @Test func hostileTickerIsRefused() {
        #expect(
            message("{\"tickers\": [\"../x\"]}").contains(
                "key \"tickers\" holds \"../x\": invalid symbol"))
        #expect(message("{\"tickers\": []}").contains("is missing or empty"))
    }

    @Test func shuffledSplitsAndSameCloseFillsAreRefusedWithTheReason() {
        #expect(
            message("{\"tickers\": [\"SPY\"], \"walkForward\": {\"scheme\": \"random\"}}").contains(
                "trains on days after the test days"))
        #expect(
            message("{\"tickers\": [\"SPY\"], \"walkForward\": {\"shuffle\": true}}").contains(
                "shuffling samples across time"))
        #expect(
            message("{\"tickers\": [\"SPY\"], \"execution\": \"same-close\"}").contains(
                "cannot be filled at that same close"))
    }

    @Test func adjustedLevelsNeedTheDeliberateLeak() throws {
        #expect(
            message("{\"tickers\": [\"SPY\"], \"features\": [\"adjusted_close\"]}").contains(
                "deliberateLeaks"))
        let leaky = try load(
            "{\"tickers\": [\"SPY\"], \"features\": [\"adjusted_close\"], "
                + "\"deliberateLeaks\": [\"adjusted-levels\"]}"
        )
        #expect(leaky.isLeaky)
        #expect(
            message("{\"tickers\": [\"SPY\"], \"deliberateLeaks\": [\"peek\"]}").contains(
                "expected any of"))
    }

    @Test func purgeAcceptsAutoOrDays() throws {
        #expect(
            try load("{\"tickers\": [\"SPY\"], \"window\": 10, \"walkForward\": {\"purge\": 3}}")
                .forecast.purgeDays == 3)
        #expect(
            try load(
                "{\"tickers\": [\"SPY\"], \"window\": 10, \"walkForward\": {\"purge\": \"auto\"}}"
            ).forecast.purgeDays == 10)
        #expect(
            try load(
                "{\"tickers\": [\"SPY\"], \"window\": 10, \"deliberateLeaks\": [\"no-purge\"]}"
            ).forecast.purgeDays == 0)
        #expect(
            message("{\"tickers\": [\"SPY\"], \"walkForward\": {\"purge\": \"some\"}}").contains(
                "expected \"auto\" or a whole number"))
    }

    @Test func loadingFingerprintsTheBytesItParsed() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("strategy-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = Data("{\"tickers\": [\"SPY\"]}\n".utf8)
        try bytes.write(to: url)
        #expect(try StrategyLoader.load(url).sourceSHA256 == SHA256.hex(bytes))
        try Data([0x7B, 0xFF, 0x7D]).write(to: url)
        #expect(throws: StrategyError.self) { try StrategyLoader.load(url) }
    }

    @Test func malformedJSONNamesTheLine() {
        #expect(
            message("{\n\"tickers\": [\"SPY\"]\n\"window\": 3}").hasPrefix(
                "Strategies/x.json:3: not valid JSON"))
    }
}

@Suite struct EditDistanceTests {
    @Test(arguments: [
        ("", "", 0), ("", "abc", 3), ("window", "windw", 1), ("learningRate", "learningrate", 0),
        ("kitten", "sitting", 3),
    ])
    func countsInsertionsDeletionsAndSubstitutions(_ a: String, _ b: String, _ expected: Int) {
        #expect(editDistance(a, b) == expected)
        #expect(editDistance(b, a) == expected)
    }
}
