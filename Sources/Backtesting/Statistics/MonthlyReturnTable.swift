import MarketData

/// Compounded returns per calendar month and per calendar year, for a returns table.
///
/// A period's return is the product of (1 + r_t) over the daily returns dated in it, minus
/// one, computed as E_last_in_period / E_before_period - 1. The first equity value is the
/// starting capital and carries no return, so a period holding only that value is absent.
public struct MonthlyReturnTable: Sendable {
    /// One compounded return over one calendar month.
    public struct MonthReturn: Hashable, Sendable {
        /// The proleptic Gregorian year.
        public let year: Int
        /// 1 for January … 12 for December.
        public let month: Int
        /// The compounded return as a fraction (0.01 is 1%).
        public let value: Double
    }

    /// One compounded return over one calendar year (or the part of it the curve covers).
    public struct YearReturn: Hashable, Sendable {
        /// The proleptic Gregorian year.
        public let year: Int
        /// The compounded return as a fraction (0.01 is 1%).
        public let value: Double
    }

    /// The months with at least one daily return, in time order.
    public let months: [MonthReturn]

    /// The years with at least one daily return, in time order.
    public let years: [YearReturn]

    /// Builds the table.
    ///
    /// - Parameters:
    ///   - equity: The equity curve; the first value is the starting capital.
    ///   - dayNumbers: The date of each value as days since 1970-01-01, strictly ascending.
    public init(equity: [Double], dayNumbers: [Int]) {
        precondition(equity.count == dayNumbers.count, "one date per equity value")
        let dates = dayNumbers.map { TradingDate(dayNumber: $0).components }
        let monthRanges = Self.runs(count: equity.count) {
            dates[$0].year == dates[$1].year && dates[$0].month == dates[$1].month
        }
        months = monthRanges.map { range in
            let date = dates[range.lowerBound]
            return MonthReturn(
                year: date.year, month: date.month, value: Self.compounded(equity, over: range))
        }
        years = Self.runs(count: equity.count) { dates[$0].year == dates[$1].year }.map {
            YearReturn(year: dates[$0.lowerBound].year, value: Self.compounded(equity, over: $0))
        }
    }

    /// Splits the return indices 1..<count into maximal runs whose rows are in one period.
    private static func runs(
        count: Int, samePeriod: (Int, Int) -> Bool
    ) -> [ClosedRange<Int>] {
        guard count >= 2 else { return [] }
        var ranges: [ClosedRange<Int>] = []
        var start = 1
        for index in 2..<count + 1 where index == count || !samePeriod(start, index) {
            ranges.append(start...(index - 1))
            start = index
        }
        return ranges
    }

    /// The compounded return of the daily returns at the given indices.
    private static func compounded(_ equity: [Double], over range: ClosedRange<Int>) -> Double {
        // One division instead of a product of many factors: no rounding accumulates.
        equity[range.upperBound] / equity[range.lowerBound - 1] - 1
    }
}
