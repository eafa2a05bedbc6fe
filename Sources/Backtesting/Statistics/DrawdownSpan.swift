/// One drawdown period: from a peak to the first day equity is back at that peak, or to the
/// end of the curve when it never recovers.
public struct DrawdownSpan: Hashable, Sendable {
    /// The index of the peak the drawdown is measured from.
    public let peakIndex: Int

    /// The index of the deepest point between the peak and the end of the span.
    public let troughIndex: Int

    /// The index of recovery (first value ≥ the peak), or the last index when unrecovered.
    public let endIndex: Int

    /// Whether equity got back to the peak within the curve.
    public let isRecovered: Bool

    /// The depth E_trough / E_peak - 1, a negative fraction.
    public let depth: Double

    /// The length in trading days (equity rows): endIndex - peakIndex.
    public var tradingDayCount: Int { endIndex - peakIndex }

    /// The length in calendar days between the peak's date and the end's date.
    public let calendarDayCount: Int

    /// Creates a span from its indices into an equity curve and its dates.
    public init(peakIndex: Int, endIndex: Int, equity: [Double], dayNumbers: [Int]) {
        precondition(peakIndex < endIndex && endIndex < equity.count, "span inside the curve")
        self.peakIndex = peakIndex
        self.endIndex = endIndex
        let trough = equity[(peakIndex + 1)...endIndex].indices.min { equity[$0] < equity[$1] }!
        self.troughIndex = trough
        self.isRecovered = equity[endIndex] >= equity[peakIndex]
        self.depth = equity[trough] / equity[peakIndex] - 1
        self.calendarDayCount = dayNumbers[endIndex] - dayNumbers[peakIndex]
    }

    /// Every drawdown period of an equity curve, in order.
    ///
    /// A drawdown starts on the first value below the running peak and lasts until a value
    /// at least equal to that peak; touching the old high counts as recovery.
    ///
    /// - Parameters:
    ///   - equity: The equity curve.
    ///   - dayNumbers: The date of each value as days since 1970-01-01, ascending.
    public static func all(equity: [Double], dayNumbers: [Int]) -> [DrawdownSpan] {
        precondition(equity.count == dayNumbers.count, "one date per equity value")
        var spans: [DrawdownSpan] = []
        var peak = 0
        for index in equity.indices.dropFirst() where equity[index] >= equity[peak] {
            if index > peak + 1 {
                spans.append(
                    DrawdownSpan(
                        peakIndex: peak, endIndex: index, equity: equity, dayNumbers: dayNumbers))
            }
            peak = index
        }
        if peak < equity.count - 1 {
            spans.append(
                DrawdownSpan(
                    peakIndex: peak, endIndex: equity.count - 1, equity: equity,
                    dayNumbers: dayNumbers))
        }
        return spans
    }

    /// The longest drawdown period in trading days; the earliest wins a tie.
    ///
    /// - Returns: The span, or nil when equity never falls below a previous peak.
    public static func longest(equity: [Double], dayNumbers: [Int]) -> DrawdownSpan? {
        all(equity: equity, dayNumbers: dayNumbers).reduce(nil) { longest, span in
            guard let longest, longest.tradingDayCount >= span.tradingDayCount else { return span }
            return longest
        }
    }
}
