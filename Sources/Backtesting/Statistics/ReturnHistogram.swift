import Foundation

/// Equal-width bins and counts of a set of values, for a chart of daily returns.
///
/// Bins are half-open [edge_i, edge_(i+1)) except the last, which also holds its right edge,
/// as in numpy's `histogram`, so the largest value is counted. Non-finite values are skipped.
public struct ReturnHistogram: Sendable {
    /// The bin boundaries, ascending: one more than the bins; empty when there are no values.
    public let binEdges: [Double]

    /// The number of values in each bin.
    public let counts: [Int]

    /// Bins the values into a fixed number of equal-width bins spanning their range.
    ///
    /// When all values are equal, the range is widened to value ± 0.5, as numpy does, so the
    /// bins have width.
    ///
    /// - Parameters:
    ///   - values: The values to count, typically daily returns.
    ///   - binCount: The number of bins, at least one.
    public init(values: [Double], binCount: Int) {
        precondition(binCount >= 1, "at least one bin")
        let finite = values.filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else {
            (binEdges, counts) = ([], [])
            return
        }
        if low == high { (low, high) = (low - 0.5, high + 0.5) }

        let width = (high - low) / Double(binCount)
        var edges = (0...binCount).map { low + Double($0) * width }
        edges[binCount] = high
        var tally = [Int](repeating: 0, count: binCount)
        for value in finite {
            // The computed index can be one off where rounding puts a value beside an edge;
            // nudging it against the stored edges keeps counts consistent with `binEdges`.
            var bin = min(Int((value - low) / width), binCount - 1)
            while bin > 0 && value < edges[bin] { bin -= 1 }
            while bin < binCount - 1 && value >= edges[bin + 1] { bin += 1 }
            tally[bin] += 1
        }
        (binEdges, counts) = (edges, tally)
    }

    /// Bins the values with the Freedman–Diaconis rule: width 2 IQR / n^(1/3).
    ///
    /// Freedman & Diaconis (1981) chose the width to suit heavy-tailed data, which daily
    /// returns are; the interquartile range ignores the crash days that would stretch a
    /// standard-deviation rule. With a zero interquartile range (mostly flat days) the rule
    /// gives no width, and Sturges' ⌈log2 n⌉ + 1 bins are used instead.
    ///
    /// - Parameters:
    ///   - values: The values to count.
    ///   - maximumBinCount: A cap, so a few outliers cannot ask for thousands of bins.
    public static func freedmanDiaconis(
        values: [Double], maximumBinCount: Int = 100
    ) -> ReturnHistogram {
        precondition(maximumBinCount >= 1, "at least one bin")
        let finite = values.filter(\.isFinite).sorted()
        guard let low = finite.first, let high = finite.last else {
            return ReturnHistogram(values: [], binCount: 1)
        }
        let n = Double(finite.count)
        let interquartileRange =
            DescriptiveStatistics.sortedQuantile(finite, probability: 0.75)
            - DescriptiveStatistics.sortedQuantile(finite, probability: 0.25)
        let width = 2 * interquartileRange / cbrt(n)

        // Capped while still a Double: one outlier over a tiny width can ask for more bins
        // than an Int holds, and converting that would trap.
        let wanted =
            width > 0 && high > low
            ? ((high - low) / width).rounded(.up) : log2(n).rounded(.up) + 1
        let binCount = Int(min(max(wanted, 1), Double(maximumBinCount)))
        return ReturnHistogram(values: finite, binCount: binCount)
    }
}
