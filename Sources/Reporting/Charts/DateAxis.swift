import MarketData

/// A labelled tick on a time axis.
struct DateTick: Equatable {
    /// Days since 1970-01-01.
    let day: Int
    let label: String
}

/// Picks calendar-aligned ticks for a time axis: whole years, months, weeks or days.
///
/// The unit follows the span: a 20-year backtest gets a tick every 2 or 5 years, a one-year test
/// fold gets months. Ticks sit on calendar boundaries (1 January, the first of a month, a
/// Monday) rather than at even day counts, because "Mar 2021" is readable and day 18,700 is not.
enum DateAxis {
    private enum Unit {
        case days(Int)
        case months(Int)
        case years(Int)

        /// Rough length in days, only used to estimate how many ticks a span holds.
        var approximateDays: Double {
            switch self {
            case .days(let count): Double(count)
            case .months(let count): Double(count) * 30.44
            case .years(let count): Double(count) * 365.25
            }
        }
    }

    private static let units: [Unit] = [
        .days(1), .days(2), .days(7), .days(14),
        .months(1), .months(2), .months(3), .months(6),
        .years(1), .years(2), .years(5), .years(10), .years(20), .years(50), .years(100),
    ]

    static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// Ticks inside `firstDay...lastDay`, at most `maximumCount` of them when the span allows.
    static func ticks(firstDay: Int, lastDay: Int, maximumCount: Int) -> [DateTick] {
        precondition(firstDay <= lastDay, "a date axis needs firstDay <= lastDay")
        let span = Double(lastDay - firstDay)
        let limit = max(2, maximumCount)
        // The estimate only rules out units that are far too fine; the real count decides, since
        // calendar alignment can leave fewer ticks than span / unit suggests.
        var unit = units[units.count - 1]
        var days = tickDays(unit, firstDay: firstDay, lastDay: lastDay)
        for candidate in units where span / candidate.approximateDays <= Double(2 * limit) {
            let candidateDays = tickDays(candidate, firstDay: firstDay, lastDay: lastDay)
            if candidateDays.count <= limit {
                unit = candidate
                days = candidateDays
                break
            }
        }
        return days.enumerated().map { index, day in
            DateTick(day: day, label: label(day, unit: unit, isFirst: index == 0))
        }
    }

    private static func tickDays(_ unit: Unit, firstDay: Int, lastDay: Int) -> [Int] {
        switch unit {
        case .days(let step):
            // Day 0 (1970-01-01) was a Thursday; weekly ticks start on Mondays, day 4 mod 7.
            let origin = step >= 7 ? 4 : 0
            let start = firstDay + positiveModulo(origin - firstDay, step)
            return Array(stride(from: start, through: lastDay, by: step))
        case .months(let step):
            let first = TradingDate(dayNumber: firstDay).components
            var monthIndex = first.year * 12 + (first.month - 1)
            if first.day != 1 { monthIndex += 1 }
            monthIndex += positiveModulo(-monthIndex, step)
            return calendarDays(fromMonthIndex: monthIndex, step: step, lastDay: lastDay)
        case .years(let step):
            let first = TradingDate(dayNumber: firstDay).components
            var year = first.year
            if first.month != 1 || first.day != 1 { year += 1 }
            year += positiveModulo(-year, step)
            return calendarDays(fromMonthIndex: year * 12, step: step * 12, lastDay: lastDay)
        }
    }

    /// First-of-month day numbers every `step` months, up to `lastDay`.
    private static func calendarDays(fromMonthIndex start: Int, step: Int, lastDay: Int) -> [Int] {
        var days: [Int] = []
        var monthIndex = start
        while let date = TradingDate(year: monthIndex / 12, month: monthIndex % 12 + 1, day: 1),
            date.dayNumber <= lastDay
        {
            days.append(date.dayNumber)
            monthIndex += step
        }
        return days
    }

    private static func label(_ day: Int, unit: Unit, isFirst: Bool) -> String {
        let (year, month, dayOfMonth) = TradingDate(dayNumber: day).components
        let monthName = monthNames[month - 1]
        switch unit {
        case .years:
            return String(year)
        case .months:
            return month == 1 || isFirst ? "\(monthName) \(year)" : monthName
        case .days:
            let short = "\(monthName) \(dayOfMonth)"
            return (month == 1 && dayOfMonth <= 14) || isFirst ? "\(short), \(year)" : short
        }
    }

    /// An ISO date (`2015-01-02`) for accessible descriptions.
    static func isoLabel(_ day: Int) -> String {
        TradingDate(dayNumber: day).iso
    }

    private static func positiveModulo(_ value: Int, _ modulus: Int) -> Int {
        ((value % modulus) + modulus) % modulus
    }
}
