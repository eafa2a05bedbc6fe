/// The Diebold–Mariano test of equal forecast accuracy, with the small-sample correction of
/// Harvey, Leybourne & Newbold.
///
/// Diebold & Mariano (1995, "Comparing predictive accuracy", JBES 13) test whether the mean
/// loss differential d_t = L(e1_t) - L(e2_t) is zero. Here the loss is squared error, model
/// 1 is the forecast under test and model 2 the benchmark (the naive forecast):
///
/// - DM = mean(d) / √(V / n), with the long-run variance V = γ0 + 2 Σ_{k=1}^{h-1} γk, the
///   rectangular window of the original paper, where γk = (1/n) Σ_t (d_t - d̄)(d_(t-k) - d̄).
///   An h-step forecast's errors overlap, so they are serially correlated up to lag h - 1.
/// - Harvey, Leybourne & Newbold (1997, "Testing the equality of prediction mean squared
///   errors", IJF 13) multiply by √((n + 1 - 2h + h(h - 1)/n) / n) and refer the result to
///   Student's t with n - 1 degrees of freedom; the p-value here is two-sided.
///
/// A negative statistic means the forecast under test had the smaller loss.
public struct DieboldMarianoTest: Sendable {
    /// The corrected statistic; NaN when the variance is not positive or n is too small.
    public let statistic: Double

    /// The two-sided p-value from Student's t with n - 1 degrees of freedom.
    public let pValue: Double

    /// The mean loss differential d̄ (negative when the forecast under test is better).
    public let meanLossDifferential: Double

    /// The forecast horizon h.
    public let horizon: Int

    /// The number of loss differentials n.
    public let observationCount: Int

    /// Runs the test on loss differentials d_t in time order.
    ///
    /// - Parameters:
    ///   - lossDifferentials: L(e1_t) - L(e2_t) for each row.
    ///   - horizon: h ≥ 1; h - 1 autocovariance lags enter the variance.
    public init(lossDifferentials d: [Double], horizon: Int) {
        precondition(horizon >= 1, "the forecast horizon is at least one step")
        self.horizon = horizon
        observationCount = d.count
        let n = Double(d.count)
        let h = Double(horizon)
        let center = DescriptiveStatistics.mean(d)
        meanLossDifferential = center

        // Lags up to h - 1 need at least h observations; the correction's radicand is zero
        // at n = h and only positive beyond it.
        let correction = (n + 1 - 2 * h + h * (h - 1) / n) / n
        guard d.count > horizon, d.count >= 2, correction > 0 else {
            (statistic, pValue) = (.nan, .nan)
            return
        }

        // Equal differentials have no variance, but their floating-point mean can miss them by
        // an ulp and leave a ~1e-34 variance that would make the statistic astronomically large.
        guard d.contains(where: { $0 != d[0] }) else {
            (statistic, pValue) = (.nan, .nan)
            return
        }

        let deviations = d.map { $0 - center }
        func autocovariance(_ lag: Int) -> Double {
            DescriptiveStatistics.sum(
                (lag..<d.count).lazy.map { deviations[$0] * deviations[$0 - lag] })
                / n
        }
        let longRunVariance = (1..<horizon).reduce(autocovariance(0)) {
            $0 + 2 * autocovariance($1)
        }

        // With a rectangular window the estimate can be negative; the test is then undefined.
        guard longRunVariance > 0 else {
            (statistic, pValue) = (.nan, .nan)
            return
        }
        let corrected = center / (longRunVariance / n).squareRoot() * correction.squareRoot()
        statistic = corrected
        pValue = SpecialFunctions.studentTTwoSidedTail(corrected, degreesOfFreedom: n - 1)
    }

    /// Runs the test with squared-error loss on two sets of forecast errors.
    ///
    /// - Parameters:
    ///   - errors: The errors of the forecast under test, e1_t.
    ///   - benchmarkErrors: The errors of the benchmark forecast, e2_t.
    ///   - horizon: The forecast horizon h ≥ 1.
    public init(errors: [Double], benchmarkErrors: [Double], horizon: Int) {
        precondition(errors.count == benchmarkErrors.count, "errors for the same rows")
        self.init(
            lossDifferentials: zip(errors, benchmarkErrors).map { $0 * $0 - $1 * $1 },
            horizon: horizon)
    }

    /// Runs the test with squared-error loss of forecasts against the naive forecast.
    public init(predicted: [Double], actual: [Double], naive: [Double], horizon: Int) {
        precondition(
            predicted.count == actual.count && naive.count == actual.count, "aligned rows")
        self.init(
            errors: zip(predicted, actual).map { $0 - $1 },
            benchmarkErrors: zip(naive, actual).map { $0 - $1 }, horizon: horizon)
    }
}
