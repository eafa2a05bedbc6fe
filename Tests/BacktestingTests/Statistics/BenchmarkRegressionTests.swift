import Testing

@testable import Backtesting

@Suite struct BenchmarkRegressionTests {
    @Test func anExactLinearRelationIsRecovered() {
        // strategy = 0.001 + 1.5 × benchmark exactly: β = 1.5, α = 0.001 × 252 = 0.252.
        // Active returns 0.001 + 0.5 b = 0.006, -0.009, 0.016, 0.001: mean 0.0035,
        // deviations ±0.0025, ±0.0125; squares 2 × 6.25e-6 + 2 × 1.5625e-4 = 3.25e-4, so the
        // sample variance is 3.25e-4 / 3.
        let benchmark = [0.01, -0.02, 0.03, 0.0]
        let strategy = [0.016, -0.029, 0.046, 0.001]
        let fit = BenchmarkRegression(strategyReturns: strategy, benchmarkReturns: benchmark)
        #expect(isClose(fit.beta, 1.5))
        #expect(isClose(fit.alpha, 0.252, rtol: 1e-10))
        let information = 0.0035 / (3.25e-4 / 3).squareRoot() * 252.0.squareRoot()
        #expect(isClose(fit.informationRatio, information))
    }

    // Expected values from scipy.stats.linregress in scripts/stats_reference.py.
    @Test func equityCurvesMatchTheScipyReference() {
        let fit = BenchmarkRegression(
            strategyEquity: ReferenceCurves.equity, benchmarkEquity: ReferenceCurves.benchmark)
        #expect(isClose(fit.alpha, -0.1256450585902818, rtol: 1e-11))
        #expect(isClose(fit.beta, -0.04958415676130083, rtol: 1e-11))
        #expect(isClose(fit.informationRatio, -2.4741739233587325))
    }

    @Test func aFlatBenchmarkLeavesAlphaAndBetaUndefined() {
        let fit = BenchmarkRegression(
            strategyReturns: [0.01, -0.02, 0.03], benchmarkReturns: [0, 0, 0])
        #expect(fit.beta.isNaN && fit.alpha.isNaN)
        #expect(fit.informationRatio.isFinite)
        let empty = BenchmarkRegression(strategyReturns: [], benchmarkReturns: [])
        #expect(empty.beta.isNaN && empty.alpha.isNaN && empty.informationRatio.isNaN)
    }
}
