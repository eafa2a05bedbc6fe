/// A calendar day with no time of day or zone, stored as days since 1970-01-01.
///
/// Daily bars are dated by the exchange's local calendar, so a plain day number is the
/// whole truth; carrying a `Date` would invite time-zone slips that move a bar a day.
public struct TradingDate: Hashable, Comparable, Sendable {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int

    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    /// Creates the date of a proleptic Gregorian year, month and day; nil when out of range.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
            day <= TradingDate.daysInMonth(year: year, month: month)
        else { return nil }
        self.dayNumber = TradingDate.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` exactly; nil for anything else.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date a Unix timestamp falls on after shifting it by a UTC offset in seconds.
    public init(unixSeconds: Int, utcOffsetSeconds: Int = 0) {
        let local = unixSeconds + utcOffsetSeconds
        self.dayNumber = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
    }

    public var components: (year: Int, month: Int, day: Int) {
        TradingDate.civilFromDays(dayNumber)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (ISO 4).
        ((dayNumber % 7 + 7 + 3) % 7) + 1
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let (year, month, day) = components
        return TradingDate.pad(year, 4) + "-" + TradingDate.pad(month, 2) + "-"
            + TradingDate.pad(day, 2)
    }

    /// Midnight UTC of this day as Unix seconds.
    public var unixSeconds: Int { dayNumber * 86_400 }

    public static func < (lhs: TradingDate, rhs: TradingDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    public static func + (date: TradingDate, days: Int) -> TradingDate {
        TradingDate(dayNumber: date.dayNumber + days)
    }

    public static func - (lhs: TradingDate, rhs: TradingDate) -> Int {
        lhs.dayNumber - rhs.dayNumber
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days, exact for every proleptic
    // Gregorian date.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra =
            (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

extension TradingDate: CustomStringConvertible {
    public var description: String { iso }
}
