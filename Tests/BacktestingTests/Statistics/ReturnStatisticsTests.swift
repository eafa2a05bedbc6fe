import Foundation
import Testing

@testable import Backtesting

@Suite struct ReturnStatisticsTests {
    // A five-day curve small enough to do by hand. The last date is 1461 days = 4 × 365.25
    // after the first, so the CAGR is a fourth root.
    //   equity  100, 110, 99, 99, 108.9
    //   r       0.1, -0.1, 0, 0.1          mean 0.025
    //   deviations 0.075, -0.125, -0.025, 0.075; squares sum 0.0275; sample variance 0.0275/3
    static let equity = [100.0, 110, 99, 99, 108.9]
    static let dayNumbers = [18_000, 18_001, 18_002, 18_005, 19_461]
    let statistics = ReturnStatistics(equity: equity, dayNumbers: dayNumbers)

    @Test func returnsAndGrowthMatchHandArithmetic() {
        #expect(isClose(statistics.dailyReturns, [0.1, -0.1, 0, 0.1]))
        #expect(isClose(statistics.totalReturn, 0.089))
        #expect(isClose(statistics.compoundAnnualGrowthRate, pow(1.089, 0.25) - 1))
        #expect(statistics.bestDay == statistics.dailyReturns[0])
        #expect(isClose(statistics.bestDay, 0.1))
        #expect(isClose(statistics.worstDay, -0.1))
    }

    @Test func riskAdjustedRatiosMatchHandArithmetic() {
        let annualisation = 252.0.squareRoot()
        let deviation = (0.0275 / 3).squareRoot()
        #expect(isClose(statistics.volatility, deviation * annualisation))
        #expect(isClose(statistics.sharpeRatio, 0.025 / deviation * annualisation))

        // Downside: mean(min(r, 0)²) = 0.01 / 4 = 0.0025, root 0.05; 0.025 / 0.05 = 0.5.
        #expect(isClose(statistics.sortinoRatio, 0.5 * annualisation))
    }

    @Test func drawdownsMatchHandArithmetic() throws {
        // Running max 100, 110, 110, 110, 110: worst 99 / 110 - 1 = -0.1. The 110 peak on
        // day 1 is never regained (108.9), so the drawdown runs to the end: 3 rows, and
        // 19461 - 18001 = 1460 calendar days.
        #expect(isClose(statistics.maxDrawdown, -0.1))
        #expect(isClose(statistics.calmarRatio, (pow(1.089, 0.25) - 1) / 0.1))
        let span = try #require(statistics.longestDrawdown)
        #expect(span.peakIndex == 1 && span.troughIndex == 2 && span.endIndex == 4)
        #expect(!span.isRecovered)
        #expect(span.tradingDayCount == 3)
        #expect(span.calendarDayCount == 1460)
    }

    @Test func tailRiskMatchesHandArithmetic() {
        // Sorted r: -0.1, 0, 0.1, 0.1. The 5% quantile sits at h = 3 × 0.05 = 0.15:
        // -0.1 + 0.15 × 0.1 = -0.085, so VaR is 0.085. Only -0.1 is at or below it: CVaR 0.1.
        #expect(isClose(statistics.valueAtRisk95, 0.085))
        #expect(isClose(statistics.conditionalValueAtRisk95, 0.1))
    }

    @Test func metricRowsUseTheContractNames() {
        let names = statistics.metricRows.map(\.name)
        for name in [
            "total_return", "cagr", "volatility", "sharpe", "sortino", "max_drawdown",
            "calmar",
        ] {
            #expect(names.contains(name))
        }
        let sharpe = statistics.metricRows.first { $0.name == "sharpe" }?.value
        #expect(sharpe == statistics.sharpeRatio)
    }

    // A 41-day fixed-seed curve; expected values from numpy/scipy in
    // scripts/stats_reference.py ("every return metric of a fixed-seed equity curve").
    @Test func everyMetricMatchesTheNumpyReference() {
        let statistics = ReturnStatistics(
            equity: ReferenceCurves.equity, dayNumbers: ReferenceCurves.dayNumbers)
        #expect(isClose(statistics.totalReturn, -0.025026799999999905))
        #expect(isClose(statistics.compoundAnnualGrowthRate, -0.11759097537935881))
        #expect(isClose(statistics.volatility, 0.16329267524799734))
        #expect(isClose(statistics.sharpeRatio, -0.8977622308407665))
        #expect(isClose(statistics.sortinoRatio, -1.201951725036792))
        #expect(isClose(statistics.maxDrawdown, -0.09498131225322792))
        #expect(isClose(statistics.calmarRatio, -1.2380432801965473))
        #expect(isClose(statistics.skewness, -0.2229548362359557))
        #expect(isClose(statistics.excessKurtosis, -0.3586130395150384))
        #expect(isClose(statistics.valueAtRisk95, 0.017972416324588073))
        #expect(isClose(statistics.conditionalValueAtRisk95, 0.022205967125434767))
    }

    @Test func anEmptyCurveHasOnlyUndefinedStatistics() {
        let statistics = ReturnStatistics(equity: [], dayNumbers: [])
        #expect(statistics.dailyReturns.isEmpty)
        #expect(statistics.longestDrawdown == nil)
        #expect(statistics.metricRows.allSatisfy { $0.value.isNaN || $0.value == 0 })
        #expect(statistics.totalReturn.isNaN && statistics.sharpeRatio.isNaN)
        #expect(statistics.maxDrawdown.isNaN && statistics.bestDay.isNaN)
        #expect(statistics.valueAtRisk95.isNaN && statistics.conditionalValueAtRisk95.isNaN)
    }

    @Test func aSingleDayHasNoReturnsAndNoTimeSpan() {
        let statistics = ReturnStatistics(equity: [100], dayNumbers: [19_000])
        #expect(statistics.totalReturn == 0)
        #expect(statistics.compoundAnnualGrowthRate.isNaN)
        #expect(statistics.volatility.isNaN && statistics.sharpeRatio.isNaN)
        #expect(statistics.maxDrawdown == 0)
    }

    @Test func constantEquityHasNoSharpeRatio() {
        let statistics = ReturnStatistics(
            equity: [100, 100, 100, 100], dayNumbers: [19_000, 19_001, 19_002, 19_005])
        #expect(statistics.volatility == 0)
        #expect(statistics.sharpeRatio.isNaN)
        #expect(statistics.sortinoRatio.isNaN)
        #expect(statistics.compoundAnnualGrowthRate == 0)
        #expect(statistics.maxDrawdown == 0)
        #expect(statistics.calmarRatio.isNaN)
        #expect(statistics.longestDrawdown == nil)
        #expect(statistics.skewness.isNaN && statistics.excessKurtosis.isNaN)
    }

    @Test func noLosingDayLeavesTheSortinoRatioUndefined() {
        // mean(min(r, 0)²) = 0: the contract's ratio divides by zero, so it is NaN, not +∞.
        let statistics = ReturnStatistics(
            equity: [100, 101, 103, 104], dayNumbers: [19_000, 19_001, 19_002, 19_003])
        #expect(statistics.sortinoRatio.isNaN)
        #expect(statistics.sharpeRatio.isFinite)
        #expect(statistics.calmarRatio.isNaN)
    }
}

/// The fixed-seed curves printed by scripts/stats_reference.py.
enum ReferenceCurves {
    static let equity = [
        100000.0, 100081.03, 101754.08, 103290.23, 102699.03, 102372.89, 101765.96, 102502.42,
        102474.46, 103433.89, 101182.35, 103124.91, 103046.82, 103929.37, 103800.62, 103369.94,
        103985.74, 105056.19, 104842.89, 104692.6, 105595.93, 104535.32, 102677.45, 103205.19,
        102416.0, 100096.89, 99159.11, 98642.38, 97269.43, 95566.29, 95646.53, 96714.61,
        96482.73, 95660.39, 96140.6, 97006.52, 96696.09, 97366.78, 98624.22, 98418.74, 97497.32,
    ]

    static let dayNumbers = [
        19001, 19002, 19003, 19004, 19006, 19008, 19011, 19013, 19015, 19018, 19020, 19023,
        19026, 19028, 19031, 19032, 19033, 19034, 19035, 19038, 19039, 19041, 19044, 19047,
        19050, 19051, 19053, 19054, 19055, 19058, 19059, 19061, 19062, 19063, 19066, 19067,
        19068, 19069, 19072, 19073, 19075,
    ]

    static let benchmark = [
        100000.0, 100811.52, 100399.14, 100410.95, 100785.33, 99932.42, 100560.59, 100485.21,
        101010.23, 100513.42, 101635.36, 102280.95, 102129.54, 102805.6, 104131.54, 106027.96,
        104391.33, 105344.56, 105866.09, 105798.49, 104765.19, 106113.71, 104806.67, 105432.31,
        106836.53, 105159.55, 104872.97, 103531.42, 103815.15, 105418.44, 107583.27, 105702.59,
        105126.57, 105897.72, 107602.01, 108087.52, 107313.45, 107664.5, 107678.91, 107491.83,
        106734.58,
    ]
}
