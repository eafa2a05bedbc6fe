/// The summary statistics of one equity curve, as a report shows them.
///
/// Each value is computed by the matching function of ``ReturnMetrics`` or
/// ``DescriptiveStatistics``; see those for formulas and for when a value is NaN.
public struct ReturnStatistics: Sendable {
    /// The daily returns r_t = E_t / E_(t-1) - 1 the statistics are computed from.
    public let dailyReturns: [Double]

    /// E_last / E_first - 1.
    public let totalReturn: Double

    /// (E_last / E_first)^(365.25 / calendar days) - 1.
    public let compoundAnnualGrowthRate: Double

    /// Sample standard deviation of daily returns × √252.
    public let volatility: Double

    /// Mean / sample standard deviation of daily returns × √252.
    public let sharpeRatio: Double

    /// Mean daily return / √(mean(min(r, 0)²)) × √252.
    public let sortinoRatio: Double

    /// The most negative E_t / running max - 1.
    public let maxDrawdown: Double

    /// The longest peak-to-recovery period in trading days; nil when there is no drawdown.
    public let longestDrawdown: DrawdownSpan?

    /// compoundAnnualGrowthRate / |maxDrawdown|.
    public let calmarRatio: Double

    /// The largest daily return.
    public let bestDay: Double

    /// The smallest daily return.
    public let worstDay: Double

    /// The adjusted Fisher–Pearson skewness G1 of daily returns (as pandas).
    public let skewness: Double

    /// The bias-adjusted excess kurtosis G2 of daily returns (as pandas).
    public let excessKurtosis: Double

    /// 95% historical value at risk of daily returns, as a positive loss fraction.
    public let valueAtRisk95: Double

    /// 95% historical expected shortfall of daily returns, as a positive loss fraction.
    public let conditionalValueAtRisk95: Double

    /// Computes every statistic of an equity curve.
    ///
    /// - Parameters:
    ///   - equity: The equity value of each day; the first is the starting capital.
    ///   - dayNumbers: The date of each value as days since 1970-01-01, strictly ascending
    ///     (`TradingDate.dayNumber`).
    public init(equity: [Double], dayNumbers: [Int]) {
        precondition(equity.count == dayNumbers.count, "one date per equity value")
        precondition(
            zip(dayNumbers, dayNumbers.dropFirst()).allSatisfy { $0 < $1 },
            "dates strictly ascending")

        let returns = ReturnMetrics.dailyReturns(equity: equity)
        dailyReturns = returns
        totalReturn = ReturnMetrics.totalReturn(equity: equity)
        compoundAnnualGrowthRate = ReturnMetrics.compoundAnnualGrowthRate(
            equity: equity, dayNumbers: dayNumbers)
        volatility = ReturnMetrics.volatility(returns: returns)
        sharpeRatio = ReturnMetrics.sharpeRatio(returns: returns)
        sortinoRatio = ReturnMetrics.sortinoRatio(returns: returns)
        maxDrawdown = ReturnMetrics.maxDrawdown(equity: equity)
        longestDrawdown = DrawdownSpan.longest(equity: equity, dayNumbers: dayNumbers)
        calmarRatio = ReturnMetrics.calmarRatio(
            compoundAnnualGrowthRate: compoundAnnualGrowthRate, maxDrawdown: maxDrawdown)
        bestDay = returns.max() ?? .nan
        worstDay = returns.min() ?? .nan
        skewness = DescriptiveStatistics.skewness(returns)
        excessKurtosis = DescriptiveStatistics.excessKurtosis(returns)
        valueAtRisk95 = ReturnMetrics.valueAtRisk(returns: returns)
        conditionalValueAtRisk95 = ReturnMetrics.conditionalValueAtRisk(returns: returns)
    }

    /// The statistics as `metrics.csv` rows, named as in "Metric names" of the architecture.
    ///
    /// Drawdown lengths are 0 when there is no drawdown. Prefix the names (`benchmark_`) for
    /// a benchmark curve.
    public var metricRows: [(name: String, value: Double)] {
        [
            ("total_return", totalReturn),
            ("cagr", compoundAnnualGrowthRate),
            ("volatility", volatility),
            ("sharpe", sharpeRatio),
            ("sortino", sortinoRatio),
            ("max_drawdown", maxDrawdown),
            ("longest_drawdown_days", Double(longestDrawdown?.tradingDayCount ?? 0)),
            ("longest_drawdown_calendar_days", Double(longestDrawdown?.calendarDayCount ?? 0)),
            ("calmar", calmarRatio),
            ("best_day", bestDay),
            ("worst_day", worstDay),
            ("skew", skewness),
            ("excess_kurtosis", excessKurtosis),
            ("var_95", valueAtRisk95),
            ("cvar_95", conditionalValueAtRisk95),
        ]
    }
}
