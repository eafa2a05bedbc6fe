import Foundation
import MarketData
import Testing

@testable import Forecasting

@Suite struct FeatureTests {
    static let all: [Feature] = [
        .logReturn, .range, .gap, .volumeChange, .volatility(days: 20),
        .movingAverageDistance(days: 10),
        .adjustedLogReturn, .adjustedCloseLevel,
    ]

    @Test(arguments: all)
    func featureOnAPrefixEqualsTheFullSeriesCutToThatPrefix(_ feature: Feature) {
        for seed in UInt64(1)...5 {
            let bars = SyntheticSeries.randomWalk("X", count: 300, seed: seed).bars
            let full = feature.values(for: bars)
            for cut in [1, 2, 25, 117, 299] {
                let prefix = feature.values(for: Array(bars.prefix(cut)))
                #expect(prefix.elementsEqual(full.prefix(cut)) { $0.bitPattern == $1.bitPattern })
            }
        }
    }

    @Test(arguments: all)
    func featureIsDefinedFromItsWarmUp(_ feature: Feature) {
        let values = feature.values(for: SyntheticSeries.randomWalk("X", count: 80, seed: 3).bars)
        #expect(values.prefix(feature.warmUpBars).allSatisfy { $0.isNaN })
        #expect(values.dropFirst(feature.warmUpBars).allSatisfy { $0.isFinite })
    }

    @Test func namesRoundTrip() {
        for feature in Self.all { #expect(Feature(name: feature.description) == feature) }
        #expect(Feature(name: "volatility") == .volatility(days: 20))
        #expect(Feature(name: "log_returns") == nil)
        #expect(Feature(name: "volatility_1") == nil)
    }

    @Test func logReturnMatchesHandComputation() {
        let bars = SyntheticSeries.randomWalk("X", count: 3, seed: 9).bars
        #expect(Feature.logReturn.values(for: bars)[2] == log(bars[2].close / bars[1].close))
        #expect(
            Target(kind: .logReturn, horizon: 2).label(at: 0, bars: bars)
                == log(bars[2].close / bars[0].close))
        #expect(Target(kind: .logReturn, horizon: 2).label(at: 1, bars: bars) == nil)
    }
}
