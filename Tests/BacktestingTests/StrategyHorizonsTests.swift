import Forecasting
import Testing

@testable import Backtesting

/// `target.horizons`: several forecast horizons, one of them traded.
@Suite struct StrategyHorizonsTests {
    func load(_ target: String) throws -> Strategy {
        try StrategyLoader.parse(
            "{\"tickers\": [\"SPY\"], \"window\": 10,\n \"target\": \(target)}",
            path: "Strategies/x.json")
    }

    func message(_ target: String) -> String {
        do {
            _ = try load(target)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func horizonsDefaultToTheTradedHorizonAlone() throws {
        let target = try load("{\"horizon\": 5}").forecast.target
        #expect(target.horizons == [5])
        #expect(target == Target(kind: .logReturn, horizon: 5))
        #expect(try load("{\"horizon\": 5, \"horizons\": null}").forecast.target == target)
        #expect(try load("{\"kind\": \"direction\"}").forecast.target.horizons == [1])
    }

    @Test func horizonsAreReadAndTheLongestSetsThePurge() throws {
        let forecast = try load("{\"horizon\": 5, \"horizons\": [1, 5, 20]}").forecast
        #expect(forecast.target.horizon == 5)
        #expect(forecast.target.horizons == [1, 5, 20])
        #expect(forecast.target.tradingHorizonIndex == 1)
        #expect(forecast.purgeDays == 10 + 20 - 1)
    }

    @Test(arguments: [
        (
            "{\"horizon\": 5, \"horizons\": [1, 20]}",
            "is [1, 20], expected it to contain "
                + "target.horizon (5)"
        ),
        ("{\"horizons\": [5, 20]}", "is [5, 20], expected it to contain target.horizon (1)"),
        ("{\"horizons\": [1, 5, 5]}", "lists 5 twice, expected distinct horizons"),
        ("{\"horizons\": [1, 20, 5]}", "is [1, 20, 5], expected horizons in ascending order"),
        ("{\"horizons\": [1, 300]}", "holds 300, expected an array of whole numbers from 1 to 250"),
        ("{\"horizons\": [0, 1]}", "holds 0, expected an array of whole numbers from 1 to 250"),
        ("{\"horizons\": [1, 2.5]}", "holds 2.5, expected an array of whole numbers from 1 to 250"),
        ("{\"horizons\": [1, \"5\"]}", "holds \"5\", expected an array of whole numbers"),
        ("{\"horizons\": 5}", "is 5, expected an array of whole numbers from 1 to 250"),
        ("{\"horizons\": []}", "is empty, expected ascending horizons such as [1, 5, 20]"),
    ])
    func badHorizonsNameTheKeyTheFileAndWhatIsExpected(_ target: String, _ expected: String) {
        let text = message(target)
        #expect(text.hasPrefix("Strategies/x.json:2: key \"target.horizons\" "), "\(text)")
        #expect(text.contains(expected), "\(text)")
    }
}
