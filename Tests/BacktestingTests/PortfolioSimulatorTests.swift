import Forecasting
import Foundation
import MarketData
import Testing

@testable import Backtesting

@Suite struct PortfolioSimulatorTests {
    let symbol = Symbol(validated: "AAA")

    func bars(_ rows: [(Double, Double)]) -> PriceSeries {
        let start = TradingDate(iso: "2021-01-04")!
        return PriceSeries(
            symbol: symbol,
            bars: rows.enumerated().map { index, row in
                Bar(
                    date: start + index, open: row.0, high: max(row.0, row.1) + 1,
                    low: min(row.0, row.1) - 1, close: row.1, volume: 100)
            })
    }

    func predictions(_ series: PriceSeries, _ signs: [Double]) -> [Prediction] {
        zip(series.bars, signs).map { bar, sign in
            Prediction(
                date: bar.date, symbol: series.symbol, fold: 0, predicted: sign, actual: nil,
                naive: 0, expectedLogReturn: sign)
        }
    }

    func simulate(
        _ series: PriceSeries, _ signs: [Double],
        _ configure: (inout TradingSettings) -> Void = { _ in }
    ) -> SimulationResult {
        var settings = TradingSettings()
        configure(&settings)
        let calendar = series.bars.map(\.date)
        return PortfolioSimulator(settings: settings, series: [series], calendar: calendar).run(
            predictions(series, signs))
    }

    @Test func aForecastFillsAtTheNextOpenNeverTheSameClose() {
        // Day 0's forecast is long: the fill is day 1's open (10), not day 0's close (20).
        let series = bars([(10, 20), (10, 12), (12, 15)])
        let result = simulate(series, [1, 1, 1])
        #expect(result.fills.count == 1)
        #expect(result.fills[0].date == series.bars[1].date)
        #expect(result.fills[0].price == 10)
        #expect(result.rows.map(\.equity) == [100_000, 120_000, 150_000])
        #expect(result.rows[0].position == 0)
        #expect(result.rows[1].position == 1)
        #expect(result.rows[0].benchmark == 100_000)
        #expect(result.rows[2].benchmark == 150_000)
    }

    @Test func nextCloseFillsAtTheFollowingClose() {
        let series = bars([(10, 20), (10, 12), (12, 15)])
        let result = simulate(series, [1, 1, 1]) { $0.execution = .nextClose }
        #expect(result.fills[0].price == 12)
        #expect(
            zip(result.rows.map(\.equity), [100_000, 100_000, 125_000]).allSatisfy {
                abs($0 - $1) < 1e-6
            })
    }

    @Test func costsAreChargedOnEveryFill() {
        // Long on day 0, flat on day 1: buy at day 1's open, sell at day 2's open.
        let series = bars([(10, 10), (10, 10), (10, 10), (10, 10)])
        let result = simulate(series, [1, -1, -1, -1]) {
            $0.commissionBasisPoints = 10
            $0.slippageBasisPoints = 5
        }
        #expect(result.fills.count == 2)
        #expect(result.fills[0].price == 10 * 1.0005)
        #expect(result.fills[1].price == 10 * 0.9995)
        let shares = 100_000 / 10.0
        let expectedCash = 100_000 - shares * 10.005 * 1.001 + shares * 9.995 * 0.999
        #expect(abs(result.rows.last!.equity - expectedCash) < 1e-6)
        #expect(result.trades.count == 1)
        #expect(abs(result.trades[0].profit - (expectedCash - 100_000)) < 1e-6)
        #expect(result.trades[0].holdingDays == 1)
    }

    @Test func minimumCommissionApplies() {
        let series = bars([(10, 10), (10, 10), (10, 10)])
        let result = simulate(series, [1, 1, 1]) {
            $0.capital = 1000
            $0.commissionBasisPoints = 1
            $0.minimumCommission = 2
        }
        #expect(result.fills[0].commission == 2)
    }

    @Test func longShortFlipsCloseOneTradeAndOpenAnother() {
        let series = bars([(10, 10), (10, 11), (11, 12), (12, 11), (11, 10)])
        let result = simulate(series, [1, -1, -1, 1, 1]) { $0.rule = .longShort }
        #expect(result.trades.map(\.direction) == [1, -1, 1])
        #expect(result.trades.last?.isOpen == true)
    }

    @Test(arguments: UInt64(1)...8)
    func tradeProfitsAddUpToTheEquityChange(seed: UInt64) {
        // Accounting invariant: with every trade (open ones valued at the last close), the
        // profits sum to the final equity minus the capital, costs included; and each day
        // cash plus holdings equals equity.
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var close = 50.0
        let rows = (0..<300).map { _ -> (Double, Double) in
            let open = close * (1 + (next() - 0.5) * 0.02)
            close = open * (1 + (next() - 0.5) * 0.04)
            return (open, close)
        }
        let series = bars(rows)
        let signs = (0..<300).map { _ in next() - 0.45 }
        for rule in [TradingSettings.Rule.longFlat, .longShort] {
            let result = simulate(series, signs) {
                $0.rule = rule
                $0.commissionBasisPoints = 3
                $0.slippageBasisPoints = 1
                $0.minimumCommission = 1
            }
            let profit = result.trades.reduce(0) { $0 + $1.profit }
            #expect(abs(profit - (result.rows.last!.equity - 100_000)) < 1e-6)
            let benchmarkGain = result.rows.last!.benchmark - result.rows[0].benchmark
            #expect(abs(result.benchmarkProfits.reduce(0, +) - benchmarkGain) < 1e-6)
            let lastClose = series.bars.last!.close
            let shares = result.fills.reduce(0) { $0 + $1.shares }
            #expect(
                abs(result.rows.last!.cash + shares * lastClose - result.rows.last!.equity) < 1e-6)
        }
    }

    @Test func volatilityTargetScalesDownVolatileSymbols() {
        var close = 100.0
        let rows = (0..<60).map { index -> (Double, Double) in
            close *= index % 2 == 0 ? 1.05 : 1 / 1.05
            return (close, close)
        }
        let series = bars(rows)
        let result = simulate(series, Array(repeating: 1, count: 60)) {
            $0.sizing = .volatilityTarget
            $0.targetVolatility = 0.1
        }
        let exposure = result.rows.last!.position
        #expect(exposure > 0 && exposure < 0.2)
    }

    @Test func breakEvenCommissionBisectsToTheZeroCrossing() {
        let value = RunMetrics.breakEvenCommission { 1 - $0 / 12.5 }
        #expect(abs(value - 12.5) < 0.02)
        #expect(RunMetrics.breakEvenCommission { _ in -1 } == 0)
    }
}
