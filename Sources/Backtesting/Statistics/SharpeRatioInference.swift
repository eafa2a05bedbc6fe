import Foundation

/// How much a measured Sharpe ratio can be trusted: the probabilistic and deflated Sharpe
/// ratios of Bailey & López de Prado.
///
/// All Sharpe ratios here are per period (daily for daily returns), not annualised: the
/// standard error below is in the units of the observations. Kurtosis is the plain
/// (non-excess) kurtosis, 3 for a normal distribution.
public enum SharpeRatioInference {
    /// The Euler–Mascheroni constant γ.
    static let eulerGamma = 0.577_215_664_901_532_860_6

    /// The probabilistic Sharpe ratio PSR(SR*): the probability that the true Sharpe ratio
    /// exceeds a benchmark, given the estimate's non-normal sampling error.
    ///
    /// From Bailey & López de Prado (2012), "The Sharpe ratio efficient frontier", J. Risk 15:
    /// PSR = Φ((SR - SR*) √(n - 1) / √(1 - γ3 SR + (γ4 - 1)/4 SR²)). Negative skew and fat
    /// tails widen the estimate's error and so lower the probability.
    ///
    /// - Parameters:
    ///   - sharpeRatio: The estimated per-period Sharpe ratio SR.
    ///   - benchmarkSharpeRatio: SR*, per period.
    ///   - observationCount: The number of returns n behind the estimate.
    ///   - skewness: γ3 of the returns.
    ///   - kurtosis: γ4 of the returns, non-excess (3 for normal returns).
    /// - Returns: A probability, or NaN when n < 2 or the variance term is not positive.
    public static func probabilisticSharpeRatio(
        sharpeRatio: Double, benchmarkSharpeRatio: Double = 0, observationCount: Int,
        skewness: Double, kurtosis: Double
    ) -> Double {
        let varianceTerm =
            1 - skewness * sharpeRatio + (kurtosis - 1) / 4 * sharpeRatio * sharpeRatio
        guard observationCount >= 2, varianceTerm > 0 else { return .nan }
        let z =
            (sharpeRatio - benchmarkSharpeRatio) * Double(observationCount - 1).squareRoot()
            / varianceTerm.squareRoot()
        return SpecialFunctions.normalCDF(z)
    }

    /// The probabilistic Sharpe ratio of a series of returns.
    ///
    /// SR = mean / sample standard deviation (divisor n - 1), the per-period form of the
    /// `sharpe` metric. γ3 and γ4 are the plain moment ratios m3 / m2^(3/2) and m4 / m2² with
    /// divisor n, the sample moments of the paper, as `scipy.stats.skew` and
    /// `scipy.stats.kurtosis(fisher=False)` compute them with their default `bias=True`.
    /// They are deliberately not the pandas-adjusted G1 and G2 of ``ReturnStatistics``.
    public static func probabilisticSharpeRatio(
        returns: [Double], benchmarkSharpeRatio: Double = 0
    ) -> Double {
        guard let estimate = SharpeEstimate(returns: returns) else { return .nan }
        return probabilisticSharpeRatio(
            sharpeRatio: estimate.sharpeRatio, benchmarkSharpeRatio: benchmarkSharpeRatio,
            observationCount: returns.count, skewness: estimate.skewness,
            kurtosis: estimate.kurtosis)
    }

    /// The expected maximum Sharpe ratio among N independent trials whose true Sharpe ratio
    /// is zero: the benchmark SR* the deflated Sharpe ratio must beat.
    ///
    /// From Bailey & López de Prado (2014), "The deflated Sharpe ratio", J. Portfolio Mgmt 40:
    /// SR* = √V ((1 - γ) Φ⁻¹(1 - 1/N) + γ Φ⁻¹(1 - 1/(N e))), an approximation of the
    /// expected maximum of N normal draws (from extreme value theory) with γ Euler's constant.
    /// For N = 1 the maximum of one draw is the draw itself, whose mean is 0; the formula's
    /// Φ⁻¹(0) = -∞ would say otherwise, so one trial returns 0.
    ///
    /// - Parameters:
    ///   - trialCount: N ≥ 1, the number of independent strategies tried.
    ///   - sharpeRatioVariance: V, the variance of the trials' per-period Sharpe ratios.
    public static func expectedMaximumSharpeRatio(
        trialCount: Int, sharpeRatioVariance: Double
    ) -> Double {
        precondition(trialCount >= 1, "at least one trial")
        guard trialCount > 1 else { return 0 }
        let n = Double(trialCount)
        let quantiles =
            (1 - eulerGamma) * SpecialFunctions.normalQuantile(1 - 1 / n)
            + eulerGamma * SpecialFunctions.normalQuantile(1 - 1 / (n * M_E))
        return sharpeRatioVariance.squareRoot() * quantiles
    }

    /// The deflated Sharpe ratio: PSR against the Sharpe ratio that the best of N trials
    /// would show by luck alone (Bailey & López de Prado 2014).
    ///
    /// - Parameters:
    ///   - sharpeRatio: The selected strategy's per-period Sharpe ratio.
    ///   - observationCount: Its number of returns n.
    ///   - skewness: γ3 of its returns.
    ///   - kurtosis: γ4 of its returns, non-excess.
    ///   - trialCount: N, the number of independent trials the strategy was selected from.
    ///   - trialSharpeRatioVariance: The variance of the trials' per-period Sharpe ratios.
    /// - Returns: A probability; with one trial, PSR(0).
    public static func deflatedSharpeRatio(
        sharpeRatio: Double, observationCount: Int, skewness: Double, kurtosis: Double,
        trialCount: Int, trialSharpeRatioVariance: Double
    ) -> Double {
        let benchmark = expectedMaximumSharpeRatio(
            trialCount: trialCount, sharpeRatioVariance: trialSharpeRatioVariance)
        return probabilisticSharpeRatio(
            sharpeRatio: sharpeRatio, benchmarkSharpeRatio: benchmark,
            observationCount: observationCount, skewness: skewness, kurtosis: kurtosis)
    }

    /// The deflated Sharpe ratio of a series of returns, with moments estimated as in
    /// ``probabilisticSharpeRatio(returns:benchmarkSharpeRatio:)``.
    public static func deflatedSharpeRatio(
        returns: [Double], trialCount: Int, trialSharpeRatioVariance: Double
    ) -> Double {
        let benchmark = expectedMaximumSharpeRatio(
            trialCount: trialCount, sharpeRatioVariance: trialSharpeRatioVariance)
        return probabilisticSharpeRatio(returns: returns, benchmarkSharpeRatio: benchmark)
    }
}

/// The per-period Sharpe ratio and plain moment ratios of one return series.
private struct SharpeEstimate {
    let sharpeRatio: Double
    let skewness: Double
    let kurtosis: Double

    init?(returns: [Double]) {
        guard let moments = DescriptiveStatistics.centralMoments(returns) else { return nil }
        sharpeRatio =
            DescriptiveStatistics.mean(returns)
            / DescriptiveStatistics.sampleStandardDeviation(returns)
        skewness = moments.third / pow(moments.second, 1.5)
        kurtosis = moments.fourth / (moments.second * moments.second)
    }
}
