/// Thinning long series before they are drawn, without changing what the chart shows.
///
/// A 20-year daily backtest has about 5,000 points per series, several times more than the
/// pixels a chart is wide. Averaging would hide the worst day of a crash; dropping every other
/// point can hide it too. ``extremaPerBucket(x:y:bucketCount:)`` keeps, for every pixel-wide
/// bucket of x, the first, last, lowest and highest point: the M4 method of Jugel et al., "M4: A
/// Visualization-Oriented Time Series Data Aggregation", VLDB 2014. A line drawn through those
/// points covers exactly the same pixels as one drawn through all of them, so every peak and
/// every trough survives, and the output has at most four points per bucket.
public enum Downsampling {
    /// The indices of the points to keep, ascending.
    ///
    /// Buckets split `x.first...x.last` into `bucketCount` equal widths. Inside each bucket the
    /// first and last finite points, the minimum and the maximum are kept (ties keep the earlier
    /// point), plus the first point of every run of NaN so that gaps in the line stay gaps.
    /// Series of at most `4 * bucketCount` points come back whole.
    ///
    /// - Parameters:
    ///   - x: Positions along the axis, non-decreasing, for example day numbers.
    ///   - y: Values, one per position; NaN marks a gap.
    ///   - bucketCount: The number of buckets, typically the plot width in pixels; at least 1.
    /// - Returns: Sorted indices into `x` and `y`.
    public static func extremaPerBucket(x: [Double], y: [Double], bucketCount: Int) -> [Int] {
        precondition(x.count == y.count, "x and y need the same length")
        precondition(bucketCount >= 1, "bucketCount must be at least 1")
        guard x.count > 4 * bucketCount, let first = x.first, let last = x.last, last > first
        else { return Array(x.indices) }

        var kept: [Int] = []
        kept.reserveCapacity(4 * bucketCount + 8)
        var bucket = Bucket()
        var bucketIndex = 0
        let scale = Double(bucketCount) / (last - first)
        for index in x.indices {
            let position = min(bucketCount - 1, Int((x[index] - first) * scale))
            if position != bucketIndex {
                bucket.flush(into: &kept)
                bucket = Bucket()
                bucketIndex = position
            }
            bucket.add(index, y[index], previousIsNaN: index > 0 && y[index - 1].isNaN)
        }
        bucket.flush(into: &kept)
        return kept
    }

    /// Averages `values` into `count` consecutive groups of near-equal size, ignoring NaN.
    ///
    /// A group with no finite value averages to NaN. Used where a shape matters less than a
    /// typical level, as in a terminal sparkline.
    static func groupAverages(_ values: [Double], count: Int) -> [Double] {
        guard count > 0, !values.isEmpty else { return [] }
        guard values.count > count else { return values }
        return (0..<count).map { group in
            let start = group * values.count / count
            let end = (group + 1) * values.count / count
            let finite = values[start..<end].filter(\.isFinite)
            return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
        }
    }
}

/// The points M4 keeps from one bucket.
private struct Bucket {
    var firstFinite: Int?
    var lastFinite: Int?
    var minimum: (index: Int, value: Double)?
    var maximum: (index: Int, value: Double)?
    var gapStarts: [Int] = []

    mutating func add(_ index: Int, _ value: Double, previousIsNaN: Bool) {
        guard !value.isNaN else {
            if !previousIsNaN || (gapStarts.isEmpty && firstFinite == nil) {
                gapStarts.append(index)
            }
            return
        }
        if firstFinite == nil { firstFinite = index }
        lastFinite = index
        if minimum == nil || value < minimum!.value { minimum = (index, value) }
        if maximum == nil || value > maximum!.value { maximum = (index, value) }
    }

    func flush(into kept: inout [Int]) {
        var indices = gapStarts
        for candidate in [firstFinite, minimum?.index, maximum?.index, lastFinite] {
            if let candidate { indices.append(candidate) }
        }
        indices.sort()
        for index in indices where kept.last != index {
            kept.append(index)
        }
    }
}
