import Testing

@testable import Backtesting

@Suite struct ForecastAccuracyTests {
    // Errors predicted - actual: 0.01, -0.03, 0, 0.04 → squares 1, 9, 0, 16 (×1e-4),
    // MSE 6.5e-4, MAE 0.08 / 4 = 0.02. The naive forecast is zero: errors -0.01, -0.02, 0,
    // 0.01 → MSE 1.5e-4. Signs: predicted +, -, 0, + against actual +, +, 0, -: rows 0 and
    // 2 agree, a directional accuracy of 1/2.
    static let predicted = [0.02, -0.01, 0.0, 0.03]
    static let actual = [0.01, 0.02, 0.0, -0.01]
    static let naive = [0.0, 0, 0, 0]

    @Test func accuracyMeasuresMatchHandArithmetic() {
        let accuracy = ForecastAccuracy(
            predicted: Self.predicted, actual: Self.actual, naive: Self.naive, scale: 2)
        #expect(accuracy.count == 4)
        #expect(isClose(accuracy.rootMeanSquaredError, 6.5e-4.squareRoot()))
        #expect(isClose(accuracy.meanAbsoluteError, 0.02))
        #expect(accuracy.directionalAccuracy == 0.5)
        #expect(isClose(accuracy.naiveRootMeanSquaredError, 1.5e-4.squareRoot()))
        #expect(isClose(accuracy.theilU, (6.5 / 1.5).squareRoot()))
        #expect(isClose(accuracy.meanAbsoluteScaledError, 0.01))
        let standalone = DieboldMarianoTest(
            predicted: Self.predicted, actual: Self.actual, naive: Self.naive, horizon: 1)
        #expect(accuracy.dieboldMariano.statistic == standalone.statistic)
    }

    @Test func aZeroForecastMatchesOnlyAZeroOutcome() {
        let directional = ForecastAccuracy.directionalAccuracy(
            predicted: [0, 0, 0, 1], actual: [0.01, -0.01, 0, 0])
        #expect(directional == 0.25)
    }

    @Test func maseIsUndefinedWithoutAPositiveScale() {
        let accuracy = ForecastAccuracy(
            predicted: Self.predicted, actual: Self.actual, naive: Self.naive)
        #expect(accuracy.meanAbsoluteScaledError.isNaN)
        let flat = ForecastAccuracy.meanAbsoluteScaledError(
            predicted: Self.predicted, actual: Self.actual, scale: 0)
        #expect(flat.isNaN)
    }

    @Test func aPerfectNaiveForecastLeavesTheilsUUndefined() {
        let accuracy = ForecastAccuracy(
            predicted: [0.01, 0.02], actual: [0.0, 0.0], naive: [0.0, 0.0])
        #expect(accuracy.naiveRootMeanSquaredError == 0)
        #expect(accuracy.theilU.isNaN)
    }

    @Test(arguments: [(1, 2.0), (2, 1.5)])
    func naiveScaleAveragesAbsoluteLagDifferences(_ lag: (m: Int, expected: Double)) {
        // Series 1, 3, 2, 5. Lag 1: |2|, |-1|, |3| → 2. Lag 2: |1|, |2| → 1.5.
        let scale = ForecastAccuracy.naiveScale(trainingActuals: [1, 3, 2, 5], seasonalLag: lag.m)
        #expect(isClose(scale, lag.expected))
    }

    @Test func naiveScaleNeedsMoreValuesThanTheLag() {
        #expect(ForecastAccuracy.naiveScale(trainingActuals: [1, 2], seasonalLag: 2).isNaN)
        #expect(ForecastAccuracy.naiveScale(trainingActuals: []).isNaN)
    }

    @Test func noRowsGiveNaN() {
        let accuracy = ForecastAccuracy(predicted: [], actual: [], naive: [])
        #expect(accuracy.rootMeanSquaredError.isNaN && accuracy.meanAbsoluteError.isNaN)
        #expect(accuracy.directionalAccuracy.isNaN && accuracy.theilU.isNaN)
        #expect(accuracy.dieboldMariano.pValue.isNaN)
    }
}
