/// The fatal-versus-warning rules for daily bars, shared by the CSV reader and the fetcher.
///
/// Fatal: a price that is not a positive finite number, a negative or non-finite volume, a
/// repeated or out-of-order date, no rows at all. Kept with a warning: high/low not
/// bracketing open/close, a calendar gap over `PriceCSV.gapWarningDays`, a close moving more
/// than `PriceCSV.largeMoveFraction` in a day. One rule set means a fetched series and the
/// file written from it always draw the same verdicts.
public enum PriceValidation {
    /// Checks `bars` in the given order.
    ///
    /// - Parameters:
    ///   - source: names the data in messages: a file path, or `AAPL (stooq)` for fetched data.
    ///   - firstLine: the line number of the first bar in messages; 2 for a CSV file with a
    ///     header, 1 (the row number) for fetched data.
    /// - Returns: the warnings about kept rows.
    /// - Throws: `MarketDataError` describing the first fatal problem.
    public static func validate(bars: [Bar], source: String, firstLine: Int = 1) throws
        -> [DataWarning]
    {
        guard !bars.isEmpty else { throw MarketDataError.emptySeries(path: source) }
        var warnings: [DataWarning] = []
        for (index, bar) in bars.enumerated() {
            let row = index + firstLine
            try checkValues(bar, source: source, row: row)
            if index > 0 {
                let previous = bars[index - 1]
                try checkOrder(bar, after: previous, source: source, row: row)
                warnings += continuityWarnings(bar, after: previous, source: source, row: row)
            }
            if !bar.isOHLCConsistent {
                warnings.append(
                    DataWarning(
                        kind: .inconsistentOHLC, path: source, line: row, date: bar.date,
                        detail: "high/low do not bracket open/close (open \(bar.open), high "
                            + "\(bar.high), low \(bar.low), close \(bar.close)); row kept"))
            }
        }
        return warnings
    }

    private static func checkValues(_ bar: Bar, source: String, row: Int) throws {
        let prices = [
            ("Open", bar.open), ("High", bar.high), ("Low", bar.low), ("Close", bar.close),
            ("Adj Close", bar.adjustedClose),
        ]
        for (column, value) in prices where !(value.isFinite && value > 0) {
            throw MarketDataError.nonPositivePrice(
                path: source, line: row, date: bar.date.iso, column: column, value: "\(value)")
        }
        guard bar.volume.isFinite, bar.volume >= 0 else {
            throw MarketDataError.badCell(
                path: source, line: row, column: "Volume", value: "\(bar.volume)",
                expected: "a non-negative number")
        }
    }

    private static func checkOrder(_ bar: Bar, after previous: Bar, source: String, row: Int)
        throws
    {
        if bar.date == previous.date {
            throw MarketDataError.duplicateDate(path: source, line: row, date: bar.date.iso)
        }
        if bar.date < previous.date {
            throw MarketDataError.unsortedDate(
                path: source, line: row, date: bar.date.iso, previous: previous.date.iso)
        }
    }

    private static func continuityWarnings(
        _ bar: Bar, after previous: Bar, source: String, row: Int
    ) -> [DataWarning] {
        var warnings: [DataWarning] = []
        let gap = bar.date - previous.date
        if gap > PriceCSV.gapWarningDays {
            warnings.append(
                DataWarning(
                    kind: .gap, path: source, line: row, date: bar.date,
                    detail: "\(gap) calendar days since \(previous.date); missing data?"))
        }
        let move = bar.close / previous.close - 1
        if abs(move) > PriceCSV.largeMoveFraction {
            let percent = (move * 1000).rounded() / 10
            warnings.append(
                DataWarning(
                    kind: .largeMove, path: source, line: row, date: bar.date,
                    detail: "close moved \(percent)% in one day; an unadjusted split?"))
        }
        return warnings
    }
}
