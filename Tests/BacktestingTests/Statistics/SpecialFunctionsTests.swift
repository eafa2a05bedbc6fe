import Foundation
import Testing

@testable import Backtesting

// Reference values are from scipy.special / scipy.stats via scripts/stats_reference.py.
@Suite struct SpecialFunctionsTests {
    @Test(arguments: [
        (-10.0, 7.61985302416047e-24),
        (-3.0, 0.0013498980316300933),
        (-1.96, 0.024997895148220435),
        (-0.5, 0.3085375387259869),
        (0.0, 0.5),
        (0.5, 0.6914624612740131),
        (1.0, 0.8413447460685429),
        (1.96, 0.9750021048517795),
        (3.0, 0.9986501019683699),
        (8.0, 0.9999999999999993),
    ])
    func normalCDFMatchesScipy(_ point: (x: Double, expected: Double)) {
        #expect(isClose(SpecialFunctions.normalCDF(point.x), point.expected, rtol: 1e-14))
    }

    @Test(arguments: [
        (1e-300, -37.0470962993612),
        (1e-20, -9.262340089798409),
        (1e-10, -6.361340902404056),
        (0.001, -3.090232306167813),
        (0.02, -2.053748910631823),
        (0.02425, -1.972961051311885),
        (0.1, -1.2815515655446004),
        (0.3, -0.5244005127080409),
        (0.7, 0.5244005127080407),
        (0.975, 1.959963984540054),
        (0.999, 3.090232306167813),
        (0.9999999999, 6.361340889697422),
    ])
    func normalQuantileMatchesScipy(_ point: (p: Double, expected: Double)) {
        #expect(isClose(SpecialFunctions.normalQuantile(point.p), point.expected, rtol: 1e-14))
    }

    @Test func normalQuantileIsExactAtTheCentreAndInfiniteAtTheEnds() {
        #expect(SpecialFunctions.normalQuantile(0.5) == 0)
        #expect(SpecialFunctions.normalQuantile(0) == -.infinity)
        #expect(SpecialFunctions.normalQuantile(1) == .infinity)
        #expect(SpecialFunctions.normalQuantile(-0.1).isNaN)
        #expect(SpecialFunctions.normalQuantile(1.1).isNaN)
        #expect(SpecialFunctions.normalQuantile(.nan).isNaN)
    }

    @Test(arguments: Array(stride(from: -8.0, through: 8.0, by: 0.25)))
    func normalQuantileInvertsTheCDF(x: Double) {
        let p = SpecialFunctions.normalCDF(x)

        // Below the median p carries full relative precision, so the round trip must be
        // tight. Above it, p sits near 1 with spacing ulp(p), and every x within about
        // ulp(p) / φ(x) maps to the same p: that is the most the round trip can promise.
        let density = exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
        let tolerance = x <= 0 ? 1e-13 * abs(x) : 2 * p.ulp / density
        #expect(abs(SpecialFunctions.normalQuantile(p) - x) <= tolerance + 1e-15)
    }

    // Acklam states a relative error below 1.15e-9 for his raw approximation; checking that
    // bound against the refined quantile guards against a mistyped coefficient.
    @Test(arguments: [1e-12, 1e-6, 0.001, 0.01, 0.02, 0.0243, 0.05, 0.2, 0.35, 0.49])
    func acklamApproximationMeetsItsPublishedErrorBound(p: Double) {
        let refined = SpecialFunctions.normalQuantile(p)
        let raw = SpecialFunctions.acklamApproximation(p)
        #expect(abs(raw - refined) <= 1.15e-9 * abs(refined))
    }

    @Test(arguments: [
        (0.3, 2.0, 3.0, 0.34829999999999994),
        (0.9, 0.5, 0.5, 0.7951672353008665),
        (0.01, 10.0, 0.5, 1.770034965528571e-21),
        (0.5, 1.0, 1.0, 0.5),
        (0.999, 50.0, 2.5, 0.9998314459482234),
        (0.2, 100.0, 100.0, 1.931772380682542e-21),
        (0.7, 1249.5, 0.5, 8.204452734993863e-196),
        (1e-05, 0.1, 3.0, 0.36524240567287847),
    ])
    func incompleteBetaMatchesScipy(_ point: (x: Double, a: Double, b: Double, expected: Double)) {
        let value = SpecialFunctions.regularizedIncompleteBeta(point.x, a: point.a, b: point.b)
        // The prefactor exp(... - ln B(a, b)) inherits the absolute rounding error of
        // ln B(a, b) = lnΓ(a) + lnΓ(b) - lnΓ(a + b), which grows with lnΓ(a + b); the
        // tolerance scales with it rather than pretending large shapes keep every digit.
        let logScale = max(1, abs(SpecialFunctions.logGamma(point.a + point.b)))
        #expect(isClose(value, point.expected, rtol: 1e-13 * logScale))
    }

    @Test func incompleteBetaHasClosedFormsForSmallIntegerShapes() {
        // I_x(1, 1) = x;  I_x(2, 1) = x²;  I_x(1, 3) = 1 - (1 - x)³.
        let x = 0.37
        #expect(isClose(SpecialFunctions.regularizedIncompleteBeta(x, a: 1, b: 1), x))
        #expect(isClose(SpecialFunctions.regularizedIncompleteBeta(x, a: 2, b: 1), x * x))
        #expect(
            isClose(
                SpecialFunctions.regularizedIncompleteBeta(x, a: 1, b: 3),
                1 - (1 - x) * (1 - x) * (1 - x)))
    }

    @Test func incompleteBetaIsZeroOneOrNaNAtTheEdgesOfItsDomain() {
        #expect(SpecialFunctions.regularizedIncompleteBeta(0, a: 2, b: 3) == 0)
        #expect(SpecialFunctions.regularizedIncompleteBeta(1, a: 2, b: 3) == 1)
        #expect(SpecialFunctions.regularizedIncompleteBeta(-0.1, a: 2, b: 3).isNaN)
        #expect(SpecialFunctions.regularizedIncompleteBeta(1.1, a: 2, b: 3).isNaN)
        #expect(SpecialFunctions.regularizedIncompleteBeta(0.5, a: 0, b: 3).isNaN)
        #expect(SpecialFunctions.regularizedIncompleteBeta(0.5, a: 2, b: -1).isNaN)
    }

    @Test(arguments: [
        (2.0, 5.0, 0.9490302605850709),
        (-2.0, 5.0, 0.050969739414929174),
        (0.0, 3.0, 0.5),
        (1.0, 1.0, 0.75),
        (-4.5, 2.5, 0.014947029504366997),
        (0.3, 30.0, 0.6168769473578236),
        (2.5, 1000.0, 0.9937107160994546),
        (-12.0, 9.0, 3.8499431114928265e-07),
    ])
    func studentTCDFMatchesScipy(_ point: (t: Double, nu: Double, expected: Double)) {
        let value = SpecialFunctions.studentTCDF(point.t, degreesOfFreedom: point.nu)
        #expect(isClose(value, point.expected, rtol: 1e-13))
    }

    @Test(arguments: [-30.0, -3.0, -0.4, 0.0, 0.8, 7.0])
    func studentTWithOneDegreeOfFreedomIsCauchy(t: Double) {
        // The Cauchy distribution function is 1/2 + atan(t)/π.
        let cauchy = 0.5 + atan(t) / Double.pi
        #expect(isClose(SpecialFunctions.studentTCDF(t, degreesOfFreedom: 1), cauchy, rtol: 1e-13))
    }

    @Test func studentTCDFHandlesInfinitiesAndBadDegreesOfFreedom() {
        #expect(SpecialFunctions.studentTCDF(.infinity, degreesOfFreedom: 4) == 1)
        #expect(SpecialFunctions.studentTCDF(-.infinity, degreesOfFreedom: 4) == 0)
        #expect(SpecialFunctions.studentTCDF(1, degreesOfFreedom: 0).isNaN)
        #expect(SpecialFunctions.studentTCDF(.nan, degreesOfFreedom: 4).isNaN)
    }

    @Test(arguments: [
        (0.5, 0.5723649429247),
        (1.0, 0.0),
        (3.5, 1.2009736023470743),
        (10.0, 12.801827480081469),
        (171.5, 709.1431630309283),
        (100000.0, 1051287.7089736569),
    ])
    func logGammaMatchesScipy(_ point: (x: Double, expected: Double)) {
        #expect(isClose(SpecialFunctions.logGamma(point.x), point.expected, rtol: 1e-14))
    }
}
