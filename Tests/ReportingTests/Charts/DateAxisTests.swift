import MarketData
import Testing

@testable import Reporting

@Suite struct DateAxisTests {
    private func day(_ iso: String) -> Int {
        TradingDate(iso: iso)!.dayNumber
    }

    @Test func twentyYearsGetYearTicks() {
        let ticks = DateAxis.ticks(
            firstDay: day("2005-01-03"), lastDay: day("2024-12-31"), maximumCount: 10)
        #expect(
            ticks.map(\.label) == [
                "2006", "2008", "2010", "2012", "2014", "2016", "2018",
                "2020", "2022", "2024",
            ])
        #expect(ticks.allSatisfy { TradingDate(dayNumber: $0.day).components.month == 1 })
    }

    @Test func oneYearGetsMonthTicksWithTheYearOnJanuary() {
        let ticks = DateAxis.ticks(
            firstDay: day("2020-03-15"), lastDay: day("2021-03-10"), maximumCount: 8)
        #expect(ticks.map(\.label) == ["May 2020", "Jul", "Sep", "Nov", "Jan 2021", "Mar"])
    }

    @Test func threeWeeksGetDayTicks() {
        let ticks = DateAxis.ticks(
            firstDay: day("2021-06-01"), lastDay: day("2021-06-21"), maximumCount: 11)
        #expect(ticks.count == 10)
        #expect(ticks.first?.label == "Jun 2, 2021")
        #expect(ticks.dropFirst().first?.label == "Jun 4")
    }

    @Test(arguments: [1, 10, 45, 200, 800, 3_000, 12_000, 40_000], [2, 6, 12])
    func ticksStayInsideTheSpanAndUnderTheLimit(span: Int, maximumCount: Int) {
        let first = day("1999-11-17")
        let ticks = DateAxis.ticks(
            firstDay: first, lastDay: first + span, maximumCount: maximumCount)
        #expect(ticks.allSatisfy { (first...(first + span)).contains($0.day) })
        #expect(ticks.count <= max(maximumCount, 2))
        #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.day < $1.day })
    }
}
