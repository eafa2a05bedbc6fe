/// A strategy's daily returns measured against a benchmark's: alpha, beta, information ratio.
///
/// Alpha and beta come from the ordinary least-squares fit r_strategy = α + β r_benchmark + ε
/// on daily returns; the risk-free rate is zero, as everywhere in the metrics.
public struct BenchmarkRegression: Sendable {
    /// The slope β = cov(strategy, benchmark) / var(benchmark).
    public let beta: Double

    /// The annualised intercept α_daily × 252, where
    /// α_daily = mean(strategy) - β mean(benchmark).
    public let alpha: Double

    /// mean(active) / sample std(active) × √252, with active = strategy - benchmark returns.
    public let informationRatio: Double

    /// Fits the regression on aligned daily returns.
    ///
    /// - Parameters:
    ///   - strategyReturns: The strategy's daily returns.
    ///   - benchmarkReturns: The benchmark's daily returns for the same days.
    /// - Note: alpha and beta are NaN for fewer than two days or a benchmark with no variance;
    ///   the information ratio is NaN when the active returns have no variance.
    public init(strategyReturns: [Double], benchmarkReturns: [Double]) {
        precondition(strategyReturns.count == benchmarkReturns.count, "returns for the same days")
        let strategyMean = DescriptiveStatistics.mean(strategyReturns)
        let benchmarkMean = DescriptiveStatistics.mean(benchmarkReturns)

        // Both sums in deviations from the means: the one-pass Σxy - n x̄ ȳ form cancels
        // catastrophically whenever the means are large against the spread.
        let crossDeviations = DescriptiveStatistics.sum(
            zip(strategyReturns, benchmarkReturns).lazy.map {
                ($0 - strategyMean) * ($1 - benchmarkMean)
            })
        let benchmarkDeviations = DescriptiveStatistics.sum(
            benchmarkReturns.lazy.map { ($0 - benchmarkMean) * ($0 - benchmarkMean) })
        let slope =
            strategyReturns.count >= 2 && benchmarkDeviations > 0
            ? crossDeviations / benchmarkDeviations : .nan
        beta = slope
        alpha = (strategyMean - slope * benchmarkMean) * ReturnMetrics.tradingDaysPerYear

        let active = zip(strategyReturns, benchmarkReturns).map { $0 - $1 }
        informationRatio = ReturnMetrics.sharpeRatio(returns: active)
    }

    /// Fits the regression on the daily returns of two equity curves over the same days.
    public init(strategyEquity: [Double], benchmarkEquity: [Double]) {
        self.init(
            strategyReturns: ReturnMetrics.dailyReturns(equity: strategyEquity),
            benchmarkReturns: ReturnMetrics.dailyReturns(equity: benchmarkEquity))
    }
}
