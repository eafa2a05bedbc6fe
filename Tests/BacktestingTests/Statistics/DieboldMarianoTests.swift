import Foundation
import Testing

@testable import Backtesting

@Suite struct DieboldMarianoTests {
    /// The two-sided p-value of Student's t with 3 degrees of freedom, in closed form:
    /// F(t) = 1/2 + (1/π)(u / (1 + u²) + atan u) with u = t / √3.
    static func twoSidedPValueWithThreeDegreesOfFreedom(_ t: Double) -> Double {
        let u = abs(t) / 3.0.squareRoot()
        return 1 - 2 / Double.pi * (u / (1 + u * u) + atan(u))
    }

    @Test func oneStepStatisticMatchesHandArithmetic() {
        // d = 1, 3, 2, 6: mean 3, deviations -2, 0, -1, 3, γ0 = (4 + 0 + 1 + 9) / 4 = 3.5.
        // DM = 3 / √(3.5 / 4); the HLN factor is √((4 + 1 - 2 + 0) / 4) = √0.75, so the
        // statistic is 3 √(0.75 / 0.875) = 3 √(6/7), referred to t with 3 degrees of freedom.
        let test = DieboldMarianoTest(lossDifferentials: [1, 3, 2, 6], horizon: 1)
        let expected = 3 * (6.0 / 7).squareRoot()
        #expect(isClose(test.statistic, expected))
        #expect(isClose(test.pValue, Self.twoSidedPValueWithThreeDegreesOfFreedom(expected)))
        #expect(test.meanLossDifferential == 3)
        #expect(test.observationCount == 4 && test.horizon == 1)
    }

    @Test func twoStepStatisticAddsOneAutocovarianceLag() {
        // Same d. γ1 = (0·(-2) + (-1)·0 + 3·(-1)) / 4 = -0.75, so V = 3.5 - 1.5 = 2 and
        // DM = 3 / √(2 / 4) = 3√2. HLN: √((4 + 1 - 4 + 2/4) / 4) = √0.375; the statistic
        // is 3√2 · √0.375 = 3√0.75.
        let test = DieboldMarianoTest(lossDifferentials: [1, 3, 2, 6], horizon: 2)
        let expected = 3 * 0.75.squareRoot()
        #expect(isClose(test.statistic, expected))
        #expect(isClose(test.pValue, Self.twoSidedPValueWithThreeDegreesOfFreedom(expected)))
    }

    // The hand-written rows of scripts/stats_reference.py: return forecasts against the
    // zero forecast.
    static let actualReturns = [
        0.012, -0.004, 0.021, -0.017, 0.003, 0.009, -0.011, 0.015, -0.002, 0.007, -0.019, 0.004,
        0.013, -0.008, 0.001, 0.016, -0.006, 0.01, -0.013, 0.005,
    ]
    static let predictedReturns = [
        0.004, -0.001, 0.006, -0.009, 0.002, -0.003, -0.004, 0.005, 0.001, 0.002, -0.006, 0.003,
        0.002, -0.005, 0.004, 0.007, -0.002, 0.001, -0.004, -0.001,
    ]

    @Test func oneStepReturnForecastsMatchTheScipyReference() {
        let test = DieboldMarianoTest(
            predicted: Self.predictedReturns, actual: Self.actualReturns,
            naive: Array(repeating: 0, count: 20), horizon: 1)
        #expect(isClose(test.statistic, -3.4826536063928226, rtol: 1e-11))
        #expect(isClose(test.pValue, 0.0024914935254358177, rtol: 1e-10))
    }

    @Test func aNegativeLongRunVarianceLeavesTheTestUndefined() {
        // With h = 3 these rows' autocovariances outweigh γ0 (the reference script agrees).
        let test = DieboldMarianoTest(
            predicted: Self.predictedReturns, actual: Self.actualReturns,
            naive: Array(repeating: 0, count: 20), horizon: 3)
        #expect(test.statistic.isNaN && test.pValue.isNaN)
    }

    // Fixed-seed level forecasts whose 3-step errors overlap (an MA(2)), from the script.
    static let actualLevels = [
        99.903, 99.336, 98.883, 98.667, 96.647, 96.415, 95.55, 98.873, 99.099, 98.746, 98.465,
        97.797, 96.742, 96.351, 96.833, 96.594, 97.552, 97.352, 97.377, 98.923, 99.468, 98.962,
        98.78, 99.32, 101.255, 100.986, 100.742, 101.744, 100.858, 100.566, 101.449, 102.029,
        102.121, 102.791, 99.962, 100.984, 100.024, 98.355, 98.632, 99.332,
    ]
    static let predictedLevels = [
        100.692, 100.611, 99.587, 99.492, 98.699, 98.241, 97.317, 97.03, 96.972, 97.636, 98.954,
        98.775, 98.28, 97.791, 97.251, 96.694, 96.865, 97.018, 97.218, 97.849, 98.009, 98.455,
        99.172, 99.321, 99.491, 99.692, 100.457, 101.325, 101.043, 101.137, 101.408, 101.146,
        101.377, 102.057, 101.805, 102.035, 101.288, 100.072, 100.096, 99.34,
    ]
    static let naiveLevels = [
        100.0, 102.041, 99.485, 99.903, 99.335, 98.883, 98.667, 96.647, 96.415, 95.55, 98.873,
        99.099, 98.746, 98.465, 97.797, 96.741, 96.351, 96.833, 96.595, 97.553, 97.353, 97.376,
        98.923, 99.468, 98.962, 98.78, 99.32, 101.255, 100.986, 100.742, 101.745, 100.858,
        100.567, 101.449, 102.029, 102.121, 102.791, 99.962, 100.984, 100.024,
    ]

    @Test(arguments: [
        (1, -4.897682776183892, 1.7288069855014796e-05),
        (3, -4.755385490168064, 2.7014978472381125e-05),
    ])
    func levelForecastsMatchTheScipyReference(
        _ reference: (horizon: Int, statistic: Double, pValue: Double)
    ) {
        let test = DieboldMarianoTest(
            predicted: Self.predictedLevels, actual: Self.actualLevels, naive: Self.naiveLevels,
            horizon: reference.horizon)
        #expect(isClose(test.statistic, reference.statistic, rtol: 1e-10))
        #expect(isClose(test.pValue, reference.pValue, rtol: 1e-9))
    }

    @Test func tooFewRowsOrNoVarianceGiveNaN() {
        let empty = DieboldMarianoTest(lossDifferentials: [], horizon: 1)
        #expect(empty.statistic.isNaN && empty.pValue.isNaN)
        let single = DieboldMarianoTest(lossDifferentials: [1], horizon: 1)
        #expect(single.statistic.isNaN)
        let asManyAsTheHorizon = DieboldMarianoTest(lossDifferentials: [1, 2, 4], horizon: 3)
        #expect(asManyAsTheHorizon.statistic.isNaN)
        let identical = DieboldMarianoTest(
            predicted: [1, 2, 3], actual: [1.5, 2.5, 2], naive: [1, 2, 3], horizon: 1)
        #expect(identical.statistic.isNaN && identical.pValue.isNaN)
        let constant = DieboldMarianoTest(lossDifferentials: [0.1, 0.1, 0.1, 0.1], horizon: 1)
        #expect(constant.statistic.isNaN)
    }
}
