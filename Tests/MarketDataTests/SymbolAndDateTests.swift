import Testing

@testable import MarketData

@Suite struct SymbolAndDateTests {
    @Test(arguments: ["AAPL", "BRK-B", "BRK.B", "^GSPC", "EURUSD=X", "aapl.us", "A"])
    func acceptsRealSymbols(_ text: String) throws {
        #expect(try Symbol(text).text == text)
    }

    @Test(arguments: [
        "../x", "..", ".", "a/b", "", "A B", "x\\y", "ÄPFEL", "ABCDEFGHIJKLMNOPQRSTU", "a%2f",
    ])
    func refusesHostileSymbols(_ text: String) {
        #expect(throws: MarketDataError.invalidSymbol(text)) { try Symbol(text) }
    }

    @Test func datesRoundTripThroughDayNumbers() {
        for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
            let date = TradingDate(dayNumber: dayNumber)
            #expect(TradingDate(iso: date.iso) == date || date.year < 0 || date.year > 9999)
        }
        #expect(TradingDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(TradingDate(iso: "2000-02-29")?.dayNumber == 11_016)
        #expect(TradingDate(iso: "2021-02-29") == nil)
        #expect(TradingDate(iso: "2021-1-05") == nil)
        #expect(TradingDate(iso: "2026-12-03")?.weekday == 4)
    }

    @Test func unixTimestampsUseTheExchangeOffset() {
        // 2020-01-02 14:30 UTC is 09:30 in New York (UTC-5): the same calendar day.
        #expect(
            TradingDate(unixSeconds: 1_577_975_400, utcOffsetSeconds: -18_000).iso == "2020-01-02")
        // 2020-01-03 03:00 UTC is still 2020-01-02 in New York.
        #expect(
            TradingDate(unixSeconds: 1_578_020_400, utcOffsetSeconds: -18_000).iso == "2020-01-02")
    }
}
