import MarketData
import Testing

@testable import Backtesting

@Suite struct MonthlyReturnTableTests {
    static func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
        TradingDate(year: year, month: month, day: day)!.dayNumber
    }

    @Test func monthsAndYearsCompoundTheirDailyReturns() {
        // Start 100 on 2024-01-30. January: 110 / 100 - 1 = 0.1. February (99, then 108.9):
        // 108.9 / 110 - 1 = -0.01. March: 108.9 / 108.9 - 1 = 0. January 2025:
        // 119.79 / 108.9 - 1 = 0.1. Years: 108.9 / 100 - 1 = 0.089 and 0.1.
        let days = [
            Self.day(2024, 1, 30), Self.day(2024, 1, 31), Self.day(2024, 2, 1),
            Self.day(2024, 2, 29), Self.day(2024, 3, 1), Self.day(2025, 1, 2),
        ]
        let table = MonthlyReturnTable(
            equity: [100, 110, 99, 108.9, 108.9, 119.79], dayNumbers: days)
        #expect(table.months.map(\.year) == [2024, 2024, 2024, 2025])
        #expect(table.months.map(\.month) == [1, 2, 3, 1])
        #expect(isClose(table.months.map(\.value), [0.1, -0.01, 0, 0.1]))
        #expect(table.years.map(\.year) == [2024, 2025])
        #expect(isClose(table.years.map(\.value), [0.089, 0.1]))
    }

    @Test func aMonthHoldingOnlyTheStartingCapitalIsLeftOut() {
        // 1969-12-31 is day -1: the start row carries no return, so December 1969 is absent.
        let days = [Self.day(1969, 12, 31), Self.day(1970, 1, 2)]
        let table = MonthlyReturnTable(equity: [100, 101], dayNumbers: days)
        #expect(table.months.count == 1)
        #expect(table.months[0].year == 1970 && table.months[0].month == 1)
        #expect(isClose(table.months[0].value, 0.01))
        #expect(table.years.map(\.year) == [1970])
    }

    @Test func tooShortCurvesGiveEmptyTables() {
        #expect(MonthlyReturnTable(equity: [], dayNumbers: []).months.isEmpty)
        let single = MonthlyReturnTable(equity: [100], dayNumbers: [19_000])
        #expect(single.months.isEmpty && single.years.isEmpty)
    }
}
