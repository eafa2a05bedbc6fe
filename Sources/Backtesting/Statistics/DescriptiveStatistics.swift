import Foundation

/// Sample moments and quantiles of a plain array of numbers.
///
/// Every function returns NaN when its statistic is undefined for the input (too few values,
/// or zero spread where the statistic divides by it), never a made-up zero.
public enum DescriptiveStatistics {
    /// The sum with Neumaier's compensation (Neumaier 1974, an improvement on Kahan 1965).
    ///
    /// Equity curves run to thousands of days; compensation keeps the rounding error of a
    /// sum of returns at one ulp of the result instead of growing with the count.
    static func sum(_ values: some Collection<Double>) -> Double {
        var total = 0.0
        var compensation = 0.0
        for value in values {
            let next = total + value
            if abs(total) >= abs(value) {
                compensation += (total - next) + value
            } else {
                compensation += (value - next) + total
            }
            total = next
        }
        return total + compensation
    }

    /// The arithmetic mean; NaN for an empty collection.
    public static func mean(_ values: some Collection<Double>) -> Double {
        guard !values.isEmpty else { return .nan }
        return sum(values) / Double(values.count)
    }

    /// The sample variance with divisor n - 1; NaN for fewer than two values.
    ///
    /// Uses the corrected two-pass algorithm of Chan, Golub & LeVeque (1983): the second term
    /// removes the rounding error left in the computed mean. A constant series returns exactly
    /// zero, because its floating-point mean can miss the constant by an ulp and would
    /// otherwise leave a spurious variance of order 1e-34.
    public static func sampleVariance(_ values: some Collection<Double>) -> Double {
        guard values.count >= 2 else { return .nan }
        let first = values.first!
        guard values.contains(where: { $0 != first }) else { return first.isFinite ? 0 : .nan }

        let center = mean(values)
        let squares = sum(values.lazy.map { ($0 - center) * ($0 - center) })
        let deviations = sum(values.lazy.map { $0 - center })
        let count = Double(values.count)
        return (squares - deviations * deviations / count) / (count - 1)
    }

    /// The sample standard deviation, √(sample variance); NaN for fewer than two values.
    public static func sampleStandardDeviation(_ values: some Collection<Double>) -> Double {
        sampleVariance(values).squareRoot()
    }

    /// The adjusted Fisher–Pearson sample skewness G1, as pandas' `Series.skew` computes it.
    ///
    /// G1 = g1 √(n(n-1)) / (n-2), where g1 = m3 / m2^(3/2) and m_k are central moments with
    /// divisor n (Joanes & Gill 1998, "Comparing measures of sample skewness and kurtosis").
    ///
    /// - Returns: G1, or NaN for fewer than three values or zero variance (pandas gives 0 for
    ///   a constant series; here an undefined statistic is NaN).
    public static func skewness(_ values: some Collection<Double>) -> Double {
        guard values.count >= 3, let moments = centralMoments(values) else { return .nan }
        let n = Double(values.count)
        let g1 = moments.third / pow(moments.second, 1.5)
        return g1 * (n * (n - 1)).squareRoot() / (n - 2)
    }

    /// The bias-adjusted sample excess kurtosis G2, as pandas' `Series.kurt` computes it.
    ///
    /// G2 = ((n + 1) g2 + 6)(n - 1) / ((n - 2)(n - 3)), where g2 = m4 / m2² - 3 (Joanes & Gill
    /// 1998). A normal sample gives values near 0, not 3.
    ///
    /// - Returns: G2, or NaN for fewer than four values or zero variance.
    public static func excessKurtosis(_ values: some Collection<Double>) -> Double {
        guard values.count >= 4, let moments = centralMoments(values) else { return .nan }
        let n = Double(values.count)
        let g2 = moments.fourth / (moments.second * moments.second) - 3
        return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
    }

    /// The central moments m2, m3, m4 with divisor n; nil when m2 is zero or undefined.
    static func centralMoments(
        _ values: some Collection<Double>
    ) -> (second: Double, third: Double, fourth: Double)? {
        guard !values.isEmpty, sampleVariance(values) > 0 else { return nil }
        let center = mean(values)
        let n = Double(values.count)
        let second = sum(values.lazy.map { pow($0 - center, 2) }) / n
        let third = sum(values.lazy.map { pow($0 - center, 3) }) / n
        let fourth = sum(values.lazy.map { pow($0 - center, 4) }) / n
        return (second, third, fourth)
    }

    /// The p-quantile by linear interpolation between order statistics.
    ///
    /// The definition numpy uses by default (Hyndman & Fan 1996, type 7): with the values
    /// sorted ascending as x_0 … x_{n-1}, h = (n - 1) p and the result is
    /// x_⌊h⌋ + (h - ⌊h⌋)(x_⌊h⌋+1 - x_⌊h⌋).
    ///
    /// - Returns: The quantile, or NaN for an empty array, p outside [0, 1], or NaN values.
    public static func quantile(_ values: [Double], probability p: Double) -> Double {
        guard !values.isEmpty, p >= 0, p <= 1, !values.contains(where: \.isNaN) else {
            return .nan
        }
        return sortedQuantile(values.sorted(), probability: p)
    }

    /// `quantile` on values already sorted ascending.
    static func sortedQuantile(_ sorted: [Double], probability p: Double) -> Double {
        let position = Double(sorted.count - 1) * p
        let lower = Int(position.rounded(.down))
        guard lower + 1 < sorted.count else { return sorted[sorted.count - 1] }
        let fraction = position - Double(lower)
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
    }
}
