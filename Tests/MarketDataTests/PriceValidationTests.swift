import Foundation
import Testing

@testable import MarketData

@Suite struct PriceValidationTests {
    static let symbol = Symbol.test

    /// The CSV reader's verdict and the shared validation's verdict on the same rows.
    static func verdicts(_ rows: [String]) -> (csv: String, bars: String) {
        let text = PriceCSV.header + "\n" + rows.joined(separator: "\n") + "\n"
        let csv: String
        do {
            let contents = try PriceCSV.parse(text, path: "f", symbol: symbol)
            csv = contents.warnings.map(\.kind.rawValue).joined(separator: ",")
        } catch {
            csv = "fatal"
        }
        let bars = rows.compactMap { row -> Bar? in
            let cells = row.split(separator: ",").map(String.init)
            guard let date = TradingDate(iso: cells[0]) else { return nil }
            let numbers = cells.dropFirst().map { Double($0) ?? .nan }
            return Bar(
                date: date, open: numbers[0], high: numbers[1], low: numbers[2],
                close: numbers[3], adjustedClose: numbers[4], volume: numbers[5])
        }
        let shared: String
        do {
            shared = try PriceValidation.validate(bars: bars, source: "s")
                .map(\.kind.rawValue).joined(separator: ",")
        } catch {
            shared = "fatal"
        }
        return (csv, shared)
    }

    @Test(arguments: [
        ["2024-01-02,10,11,9,10,10,100", "2024-01-03,10,11,9,10.5,10.5,100"],
        ["2024-01-02,10,11,9,10,10,100", "2024-01-03,10,9,11,10,10,100"],
        ["2024-01-02,10,11,9,10,10,100", "2024-01-20,10,11,9,10,10,100"],
        ["2024-01-02,10,11,9,10,10,100", "2024-01-03,30,31,29,30,30,100"],
        ["2024-01-02,10,11,9,10,10,100", "2024-01-02,10,11,9,10,10,100"],
        ["2024-01-03,10,11,9,10,10,100", "2024-01-02,10,11,9,10,10,100"],
        ["2024-01-02,0,11,9,10,10,100"],
        ["2024-01-02,10,11,9,10,-1,100"],
        ["2024-01-02,10,11,9,10,10,-5"],
    ])
    func sharedRulesGiveTheCSVReadersVerdicts(rows: [String]) {
        let (csv, bars) = Self.verdicts(rows)
        #expect(csv == bars)
    }

    @Test func emptyInputIsFatal() {
        #expect(throws: MarketDataError.emptySeries(path: "s")) {
            try PriceValidation.validate(bars: [], source: "s")
        }
    }
}

extension Symbol {
    /// A valid literal symbol for tests; the initializer only fails on invalid text.
    fileprivate static var test: Symbol {
        guard let symbol = try? Symbol("TEST") else { preconditionFailure("TEST is valid") }
        return symbol
    }
}
