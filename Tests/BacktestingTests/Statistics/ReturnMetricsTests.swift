import Testing

@testable import Backtesting

@Suite struct ReturnMetricsTests {
    @Test func dailyReturnsAndDrawdownsFollowTheirDefinitions() {
        // r = 110/100 - 1, 99/110 - 1, 121/99 - 1; running max 100, 110, 110, 121.
        let equity = [100.0, 110, 99, 121]
        #expect(isClose(ReturnMetrics.dailyReturns(equity: equity), [0.1, -0.1, 22.0 / 99]))
        #expect(isClose(ReturnMetrics.drawdowns(equity: equity), [0, 0, -0.1, 0], atol: 1e-15))
        #expect(ReturnMetrics.dailyReturns(equity: [100]).isEmpty)
    }

    @Test func turnoverCountsBothSidesAndAnnualises() {
        // Σ|notional| = 100 + 50 + 50 = 200 over a mean equity of 100: 2 in 4 return days,
        // so 2 × 252 / 4 = 126 a year.
        let turnover = ReturnMetrics.annualizedTurnover(
            tradedNotional: [100, -50, 50], equity: [100, 100, 100, 100, 100])
        #expect(isClose(turnover, 126))
        #expect(ReturnMetrics.annualizedTurnover(tradedNotional: [1], equity: [100]).isNaN)
        #expect(ReturnMetrics.annualizedTurnover(tradedNotional: [], equity: [100, 100]) == 0)
    }

    @Test func rollingSharpeIsNaNUntilTheWindowFills() {
        // The first full window is 0.01, 0.02, -0.01: in units of 0.01 the mean is 2/3,
        // deviations 1/3, 4/3, -5/3, squares sum 42/9, variance 7/3. The Sharpe ratio is
        // (2/3) / √(7/3) × √252 = (2/3) √108 = 4√3.
        let returns = [0.01, 0.02, -0.01, 0.03, 0.0]
        let rolling = ReturnMetrics.rollingSharpeRatio(returns: returns, windowLength: 3)
        #expect(rolling.count == returns.count)
        #expect(rolling[0].isNaN && rolling[1].isNaN)
        #expect(isClose(rolling[2], 4 * 3.0.squareRoot()))
        #expect(rolling[3] == ReturnMetrics.sharpeRatio(returns: [0.02, -0.01, 0.03]))
        #expect(rolling[4] == ReturnMetrics.sharpeRatio(returns: [-0.01, 0.03, 0.0]))
    }

    @Test func rollingSharpeIsNaNForFlatWindowsAndShortSeries() {
        let flat = ReturnMetrics.rollingSharpeRatio(returns: [0.01, 0.01, 0.01], windowLength: 2)
        #expect(flat.allSatisfy { $0.isNaN })
        let short = ReturnMetrics.rollingSharpeRatio(returns: [0.01, 0.02], windowLength: 5)
        #expect(short.count == 2 && short.allSatisfy { $0.isNaN })
    }

    @Test func valueAtRiskTakesAConfidenceLevel() {
        // Sorted 1..100 % losses: the 10% quantile of -0.01 … -1.00 at h = 99 × 0.1 = 9.9
        // lies between the 10th and 11th smallest, -0.91 and -0.90: -0.901.
        let returns = (1...100).map { -Double($0) / 100 }
        let valueAtRisk = ReturnMetrics.valueAtRisk(returns: returns, confidence: 0.9)
        #expect(isClose(valueAtRisk, 0.901))
    }
}
