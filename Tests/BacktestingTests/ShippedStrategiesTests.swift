import Forecasting
import Foundation
import MarketData
import Testing

@testable import Backtesting

/// Every strategy in Strategies/ loads, and the leakage audit passes it (or, for a
/// deliberately leaky one, catches it). To stay fast the models are shrunk and the folds
/// shortened; features, targets, purge and leaks stay as shipped.
@Suite struct ShippedStrategiesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static var strategyFiles: [String] {
        let folder = root.appendingPathComponent("Strategies").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    @Test func everyShippedStrategyLoads() throws {
        #expect(Self.strategyFiles.count >= 6)
        for file in Self.strategyFiles {
            _ = try StrategyLoader.load(Self.root.appendingPathComponent("Strategies/\(file)"))
        }
    }

    @Test(arguments: strategyFiles)
    func auditPassesHonestStrategiesAndCatchesLeakyOnes(_ file: String) throws {
        var strategy = try StrategyLoader.load(
            Self.root.appendingPathComponent("Strategies/\(file)"))
        strategy.forecast.model.epochs = 2
        strategy.forecast.model.layers = 1
        strategy.forecast.model.hiddenSize = min(strategy.forecast.model.hiddenSize, 6)
        strategy.forecast.model.patience = nil
        strategy.forecast.walkForward.trainDays = 250
        strategy.forecast.walkForward.testDays = 100
        strategy.forecast.walkForward.stepDays = 100
        strategy.forecast.walkForward.validationDays = min(
            strategy.forecast.walkForward.validationDays, 40)
        let store = DataStore(directory: Self.root.appendingPathComponent("Data"))
        let series = try strategy.tickers.map { symbol in
            let bars = try store.load(symbol).series.bars.suffix(620)
            return PriceSeries(symbol: symbol, bars: Array(bars))
        }
        let audit = LeakageAudit(runner: WalkForwardRunner(settings: strategy.forecast, threads: 1))
        let verdicts = try audit.run(series)
        #expect(verdicts.count >= 2)
        if strategy.isLeaky {
            #expect(!audit.staticFindings().isEmpty)
            #expect(verdicts.contains { !$0.isClean }, "\(file): the audit missed the leak")
        } else {
            #expect(audit.staticFindings().isEmpty)
            #expect(verdicts.allSatisfy { $0.isClean }, "\(file): \(verdicts.map(\.description))")
        }
    }
}
