import Foundation

/// The return and risk metrics of an equity curve, one pure function each.
///
/// Formulas follow "Metric names" in docs/ARCHITECTURE.md exactly: daily returns
/// r_t = E_t / E_(t-1) - 1, 252 trading days a year, a risk-free rate of zero, and NaN for
/// any value that is undefined (a ratio whose denominator is zero, a statistic of too few
/// returns). Equity values are expected to be positive; the functions do not check.
public enum ReturnMetrics {
    /// Trading days per year, used to annualise daily means and deviations.
    public static let tradingDaysPerYear = 252.0

    /// Calendar days per year, used for the compound annual growth rate.
    public static let calendarDaysPerYear = 365.25

    /// The simple daily returns r_t = E_t / E_(t-1) - 1; one fewer than the equity values.
    public static func dailyReturns(equity: [Double]) -> [Double] {
        guard equity.count >= 2 else { return [] }
        return (1..<equity.count).map { equity[$0] / equity[$0 - 1] - 1 }
    }

    /// E_last / E_first - 1; NaN for an empty curve.
    public static func totalReturn(equity: [Double]) -> Double {
        guard let first = equity.first, let last = equity.last else { return .nan }
        return last / first - 1
    }

    /// The compound annual growth rate (E_last / E_first)^(365.25 / D) - 1.
    ///
    /// - Parameters:
    ///   - equity: The equity curve.
    ///   - dayNumbers: The date of each equity value as days since 1970-01-01, ascending;
    ///     D is the number of calendar days between the first and the last.
    /// - Returns: The rate, or NaN when the curve spans no calendar time.
    public static func compoundAnnualGrowthRate(equity: [Double], dayNumbers: [Int]) -> Double {
        precondition(equity.count == dayNumbers.count, "one date per equity value")
        guard let firstDay = dayNumbers.first, let lastDay = dayNumbers.last,
            lastDay > firstDay
        else { return .nan }
        let years = Double(lastDay - firstDay) / calendarDaysPerYear
        return pow(equity[equity.count - 1] / equity[0], 1 / years) - 1
    }

    /// The annualised volatility: sample standard deviation of returns times √252.
    public static func volatility(returns: [Double]) -> Double {
        DescriptiveStatistics.sampleStandardDeviation(returns) * tradingDaysPerYear.squareRoot()
    }

    /// The annualised Sharpe ratio with a zero risk-free rate: mean r / sample std r × √252.
    ///
    /// - Returns: The ratio, or NaN for fewer than two returns or zero variance.
    public static func sharpeRatio(returns: [Double]) -> Double {
        sharpeRatio(of: returns[...])
    }

    static func sharpeRatio(of returns: ArraySlice<Double>) -> Double {
        let deviation = DescriptiveStatistics.sampleStandardDeviation(returns)
        guard deviation > 0 else { return .nan }
        return DescriptiveStatistics.mean(returns) / deviation * tradingDaysPerYear.squareRoot()
    }

    /// The annualised Sortino ratio: mean r / √(mean(min(r, 0)²)) × √252.
    ///
    /// The downside deviation averages over all returns, not only the losing ones, and uses a
    /// zero target, as the contract states.
    ///
    /// - Returns: The ratio, or NaN when there are no returns or no losing day (the downside
    ///   deviation is zero, so the ratio is undefined rather than infinite).
    public static func sortinoRatio(returns: [Double]) -> Double {
        guard !returns.isEmpty else { return .nan }
        let downsideSquares = returns.map { min($0, 0) * min($0, 0) }
        let downsideDeviation = DescriptiveStatistics.mean(downsideSquares).squareRoot()
        guard downsideDeviation > 0 else { return .nan }
        return DescriptiveStatistics.mean(returns) / downsideDeviation
            * tradingDaysPerYear.squareRoot()
    }

    /// The drawdown series E_t / max(E_0 … E_t) - 1: zero at each new high, negative below.
    public static func drawdowns(equity: [Double]) -> [Double] {
        var peak = -Double.infinity
        return equity.map { value in
            peak = max(peak, value)
            return value / peak - 1
        }
    }

    /// The maximum drawdown: the most negative E_t / running max - 1, as a negative fraction.
    ///
    /// - Returns: A value in [-1, 0]; 0 for a curve that never falls; NaN when empty.
    public static func maxDrawdown(equity: [Double]) -> Double {
        drawdowns(equity: equity).min() ?? .nan
    }

    /// The Calmar ratio: compound annual growth rate / |maximum drawdown|.
    ///
    /// - Returns: The ratio, or NaN when the maximum drawdown is zero or undefined.
    public static func calmarRatio(compoundAnnualGrowthRate: Double, maxDrawdown: Double) -> Double
    {
        guard maxDrawdown != 0 else { return .nan }
        return compoundAnnualGrowthRate / abs(maxDrawdown)
    }

    /// Historical value at risk as a positive loss fraction: -quantile(r, 1 - confidence).
    ///
    /// The quantile interpolates linearly between order statistics, like numpy's default, so
    /// 95% VaR of 0.02 reads "on the worst 5% of days the loss was at least 2%". It comes out
    /// negative if even the low quantile is a gain.
    ///
    /// - Returns: The loss fraction, or NaN for no returns.
    public static func valueAtRisk(returns: [Double], confidence: Double = 0.95) -> Double {
        -DescriptiveStatistics.quantile(returns, probability: 1 - confidence)
    }

    /// Historical conditional value at risk (expected shortfall) as a positive loss fraction.
    ///
    /// The negated mean of the returns at or below the (1 - confidence) quantile. "At or
    /// below" rather than "below" keeps the tail non-empty: the smallest return never exceeds
    /// an interpolated quantile.
    ///
    /// - Returns: The loss fraction, or NaN for no returns.
    public static func conditionalValueAtRisk(
        returns: [Double], confidence: Double = 0.95
    ) -> Double {
        let threshold = DescriptiveStatistics.quantile(returns, probability: 1 - confidence)
        guard !threshold.isNaN else { return .nan }
        return -DescriptiveStatistics.mean(returns.filter { $0 <= threshold })
    }

    /// Annualised two-sided turnover: Σ|traded notional| / mean equity × 252 / days.
    ///
    /// Buys and sells both count, so selling everything and buying it back is a turnover of
    /// 2. The elapsed trading days are the number of daily returns, equity.count - 1, as for
    /// every other annualised metric here.
    ///
    /// - Parameters:
    ///   - tradedNotional: The notional value of every fill (any sign, any number of fills).
    ///   - equity: The daily equity curve over the same period.
    /// - Returns: Turnover per year, or NaN for fewer than two equity values or zero mean
    ///   equity.
    public static func annualizedTurnover(tradedNotional: [Double], equity: [Double]) -> Double {
        guard equity.count >= 2 else { return .nan }
        let meanEquity = DescriptiveStatistics.mean(equity)
        guard meanEquity != 0 else { return .nan }
        let traded = DescriptiveStatistics.sum(tradedNotional.lazy.map(abs))
        return traded / meanEquity * tradingDaysPerYear / Double(equity.count - 1)
    }

    /// The annualised Sharpe ratio over a trailing window, for a chart.
    ///
    /// Each window is computed afresh rather than by updating running sums: running sums of
    /// squares cancel badly when the mean is large against the spread, and a window of a few
    /// hundred days over a few thousand is cheap.
    ///
    /// - Parameters:
    ///   - returns: The daily returns.
    ///   - windowLength: The number of returns in each window, at least 2.
    /// - Returns: One value per return: NaN until the window has filled (the first
    ///   windowLength - 1 entries) and wherever a window has zero variance.
    public static func rollingSharpeRatio(returns: [Double], windowLength: Int) -> [Double] {
        precondition(windowLength >= 2, "a Sharpe ratio needs a window of at least two returns")
        return returns.indices.map { end in
            guard end + 1 >= windowLength else { return .nan }
            return sharpeRatio(of: returns[(end + 1 - windowLength)...end])
        }
    }
}
