import Forecasting
import Foundation
import MarketData
import Testing

@testable import Backtesting

/// The `_h<k>` rows of metrics.csv for the horizons that are forecast but not traded.
@Suite struct RunMetricsHorizonTests {
    let symbol = Symbol(validated: "AAA")
    let start = TradingDate(iso: "2021-01-04")!

    /// Forecasts at horizons 1, 5 and 20 for 120 days, each with its own seeded errors.
    func horizonForecasts() -> [HorizonForecast] {
        var state: UInt64 = 9
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53) - 0.5
        }
        return (0..<120).flatMap { day in
            [1, 5, 20].map { horizon in
                let actual = uniform() * Double(horizon).squareRoot() * 0.02
                return HorizonForecast(
                    date: start + day, symbol: symbol, fold: 0, horizon: horizon,
                    predicted: actual * 0.5 + uniform() * 0.01,
                    actual: day + horizon < 120 ? actual : nil, naive: 0)
            }
        }
    }

    func metrics(
        tradingHorizon: Int, _ forecasts: [HorizonForecast], reportingHorizons: Bool = true
    ) -> [String: Double] {
        let traded = forecasts.filter { $0.horizon == tradingHorizon }.map {
            Prediction(
                date: $0.date, symbol: $0.symbol, fold: 0, predicted: $0.predicted,
                actual: $0.actual, naive: $0.naive, expectedLogReturn: $0.predicted)
        }
        let series = PriceSeries(
            symbol: symbol,
            bars: (0..<120).map {
                Bar(date: start + $0, open: 10, high: 11, low: 9, close: 10, volume: 100)
            })
        let simulation = PortfolioSimulator(
            settings: TradingSettings(), series: [series], calendar: series.bars.map(\.date)
        ).run(traded)
        let rows = RunMetrics.compute(
            RunMetrics.Inputs(
                simulation: simulation, predictions: traded, horizon: tradingHorizon,
                naiveScale: .nan, earlierTrialSharpeRatios: [], sharpeAtCommission: { _ in 0 },
                horizonForecasts: reportingHorizons ? forecasts : []))
        return Dictionary(rows.map { ($0.name, $0.value) }) { $1 }
    }

    @Test func everyUntradedHorizonGetsItsOwnAccuracyRows() throws {
        let forecasts = horizonForecasts()
        let values = metrics(tradingHorizon: 5, forecasts)
        #expect(values["rmse_h5"] == nil)
        #expect(values["dm_pvalue_h1"]?.isFinite == true)
        for horizon in [1, 20] {
            let realised = forecasts.filter { $0.horizon == horizon && $0.actual != nil }
            let accuracy = ForecastAccuracy(
                predicted: realised.map(\.predicted), actual: realised.compactMap(\.actual),
                naive: realised.map(\.naive), horizon: horizon)
            #expect(values["rmse_h\(horizon)"] == accuracy.rootMeanSquaredError)
            #expect(values["mae_h\(horizon)"] == accuracy.meanAbsoluteError)
            #expect(values["directional_accuracy_h\(horizon)"] == accuracy.directionalAccuracy)
            #expect(values["naive_rmse_h\(horizon)"] == accuracy.naiveRootMeanSquaredError)
            #expect(values["theil_u_h\(horizon)"] == accuracy.theilU)
            // NaN when the long-run variance estimate is not positive; compare bits.
            #expect(
                values["dm_pvalue_h\(horizon)"]?.bitPattern
                    == accuracy.dieboldMariano.pValue.bitPattern)
            #expect(accuracy.dieboldMariano.horizon == horizon)
        }
        // The traded horizon keeps the contract's plain names.
        let traded = forecasts.filter { $0.horizon == 5 && $0.actual != nil }
        #expect(
            values["rmse"]
                == ForecastAccuracy.rootMeanSquaredError(
                    predicted: traded.map(\.predicted), actual: traded.compactMap(\.actual)))
    }

    @Test func aSingleHorizonAddsNoRows() {
        let single = horizonForecasts().filter { $0.horizon == 5 }
        let withForecasts = metrics(tradingHorizon: 5, single)
        let without = metrics(tradingHorizon: 5, single, reportingHorizons: false)
        #expect(withForecasts.keys.sorted() == without.keys.sorted())
        #expect(!withForecasts.keys.contains { $0.contains("_h") })
        #expect(withForecasts.allSatisfy { $0.value.bitPattern == without[$0.key]?.bitPattern })
    }

    @Test func metricNamesFollowTheTradedHorizon() {
        #expect(RunMetrics.metricName("theil_u", horizon: 5, tradingHorizon: 5) == "theil_u")
        #expect(RunMetrics.metricName("theil_u", horizon: 20, tradingHorizon: 5) == "theil_u_h20")
    }
}
