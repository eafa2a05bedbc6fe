import Testing

@testable import Backtesting

@Suite struct DescriptiveStatisticsTests {
    @Test func meanAndVarianceMatchHandArithmetic() {
        // mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; variance 32 / 7.
        let values = [2.0, 4, 4, 4, 5, 5, 7, 9]
        #expect(DescriptiveStatistics.mean(values) == 5)
        #expect(isClose(DescriptiveStatistics.sampleVariance(values), 32.0 / 7))
        #expect(
            isClose(DescriptiveStatistics.sampleStandardDeviation(values), (32.0 / 7).squareRoot()))
    }

    @Test func compensatedSumKeepsTheDigitsANaiveSumDrops() {
        // 1e16 + 1 rounds back to 1e16 in Double; the compensation term keeps the 1.
        #expect(DescriptiveStatistics.sum([1e16, 1, -1e16]) == 1)
    }

    @Test func varianceIgnoresALargeCommonOffset() {
        // Deviations -1, 0, 1 from a mean of 1e9 + 2: variance (1 + 0 + 1) / 2 = 1.
        #expect(isClose(DescriptiveStatistics.sampleVariance([1e9 + 1, 1e9 + 2, 1e9 + 3]), 1))
    }

    @Test func aConstantSeriesHasExactlyZeroVariance() {
        #expect(DescriptiveStatistics.sampleVariance([0.1, 0.1, 0.1]) == 0)
        #expect(DescriptiveStatistics.skewness([0.1, 0.1, 0.1]).isNaN)
        #expect(DescriptiveStatistics.excessKurtosis([0.1, 0.1, 0.1, 0.1]).isNaN)
    }

    @Test func tooFewValuesGiveNaN() {
        #expect(DescriptiveStatistics.mean([]).isNaN)
        #expect(DescriptiveStatistics.sampleVariance([1]).isNaN)
        #expect(DescriptiveStatistics.skewness([1, 2]).isNaN)
        #expect(DescriptiveStatistics.excessKurtosis([1, 2, 4]).isNaN)
    }

    @Test func skewnessAndKurtosisMatchHandArithmetic() {
        // r = [0.1, -0.1, 0, 0.1], mean 0.025, deviations 0.075, -0.125, -0.025, 0.075.
        // m2 = 0.0275 / 4, m3 = (2·0.075³ - 0.125³ - 0.025³) / 4 = -0.001125 / 4,
        // m4 = (2·0.075⁴ + 0.125⁴ + 0.025⁴) / 4 = 3.078125e-4 / 4.
        // G1 = m3 / m2^1.5 · √(n(n-1)) / (n-2) = g1 · √12 / 2 ≈ -0.8546.
        // G2 = ((n+1)(m4/m2² - 3) + 6)(n-1) / ((n-2)(n-3)) = (5 g2 + 6) · 3 / 2 ≈ -1.2893.
        let returns = [0.1, -0.1, 0, 0.1]
        let m2 = 0.0275 / 4
        let m3 = -0.001125 / 4
        let m4 = 3.078125e-4 / 4
        let g1 = m3 / (m2 * m2 * m2).squareRoot()
        let g2 = m4 / (m2 * m2) - 3
        #expect(isClose(DescriptiveStatistics.skewness(returns), g1 * 12.0.squareRoot() / 2))
        #expect(isClose(DescriptiveStatistics.excessKurtosis(returns), (5 * g2 + 6) * 3 / 2))
    }

    @Test(arguments: [(0.0, 1.0), (0.05, 1.15), (0.5, 2.5), (0.9, 3.7), (1.0, 4.0)])
    func quantileInterpolatesLinearlyLikeNumpy(_ point: (p: Double, expected: Double)) {
        // Sorted 1, 2, 3, 4; position h = 3p; e.g. p = 0.05 gives h = 0.15, 1 + 0.15 · 1.
        let value = DescriptiveStatistics.quantile([3, 1, 4, 2], probability: point.p)
        #expect(isClose(value, point.expected))
    }

    @Test func quantileOfNothingOrOutOfRangeIsNaN() {
        #expect(DescriptiveStatistics.quantile([], probability: 0.5).isNaN)
        #expect(DescriptiveStatistics.quantile([1, 2], probability: 1.5).isNaN)
        #expect(DescriptiveStatistics.quantile([1, .nan], probability: 0.5).isNaN)
        #expect(DescriptiveStatistics.quantile([7], probability: 0.3) == 7)
    }
}
