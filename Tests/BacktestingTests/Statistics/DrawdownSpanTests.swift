import Testing

@testable import Backtesting

@Suite struct DrawdownSpanTests {
    @Test func everySpanRunsFromPeakToRecoveryOrToTheEnd() {
        // Peak 100 (row 0) falls to 90 and is regained on row 3: 3 rows, days 0 → 5.
        // Peak 120 (row 4) falls to 110 and is beaten on row 6: 2 rows, days 6 → 8.
        // Peak 130 (row 6) falls to 125 and never recovers: 1 row, days 8 → 9.
        let equity = [100.0, 90, 95, 100, 120, 110, 130, 125]
        let days = [0, 1, 2, 5, 6, 7, 8, 9]
        let spans = DrawdownSpan.all(equity: equity, dayNumbers: days)
        #expect(spans.map(\.peakIndex) == [0, 4, 6])
        #expect(spans.map(\.endIndex) == [3, 6, 7])
        #expect(spans.map(\.troughIndex) == [1, 5, 7])
        #expect(spans.map(\.isRecovered) == [true, true, false])
        #expect(spans.map(\.tradingDayCount) == [3, 2, 1])
        #expect(spans.map(\.calendarDayCount) == [5, 2, 1])
        #expect(isClose(spans.map(\.depth), [-0.1, -1.0 / 12, -1.0 / 26]))
        #expect(DrawdownSpan.longest(equity: equity, dayNumbers: days) == spans[0])
    }

    @Test func theEarliestOfEquallyLongDrawdownsIsTheLongest() {
        let equity = [100.0, 90, 100, 90, 100]
        let longest = DrawdownSpan.longest(equity: equity, dayNumbers: [0, 1, 2, 3, 4])
        #expect(longest?.peakIndex == 0)
    }

    @Test func aCurveThatNeverFallsHasNoDrawdown() {
        #expect(DrawdownSpan.longest(equity: [100, 100, 101], dayNumbers: [0, 1, 2]) == nil)
        #expect(DrawdownSpan.longest(equity: [], dayNumbers: []) == nil)
    }
}
