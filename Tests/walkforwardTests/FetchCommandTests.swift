import FakeVendorServer
import Foundation
import Testing

@Suite struct FetchCommandTests {
    func bars(count: Int) -> [FakeBar] {
        var date = DateComponents(
            calendar: Calendar(identifier: .gregorian), year: 2024, month: 1, day: 2)
        var bars: [FakeBar] = []
        var close = 100.0
        while bars.count < count {
            let day = date.date!
            let weekday = Calendar(identifier: .gregorian).component(.weekday, from: day)
            if weekday != 1 && weekday != 7 {
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withFullDate]
                bars.append(
                    FakeBar(
                        date: formatter.string(from: day), open: close, high: close + 1,
                        low: close - 1, close: close + 0.5, volume: 1000))
                close += 0.5
            }
            date.day! += 1
        }
        return bars
    }

    @Test func fetchSavesGoodSymbolsAndExitsOneNamingTheFailures() throws {
        let server = try FakeVendorServer()
        defer { server.stop() }
        server.setBars(bars(count: 30), for: "AAPL")
        let workspace = try Workspace()
        defer { workspace.remove() }
        let cli = CommandRunner(directory: workspace.root)

        let outcome = try cli.run(["fetch", "AAPL", "NOPE", "../x", "--base-url", server.baseURL])

        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("AAPL"))
        #expect(outcome.standardError.contains("NOPE"))
        #expect(outcome.standardError.contains("invalid symbol '../x'"))
        let csv = try workspace.read("Data/AAPL.csv")
        #expect(csv.hasPrefix("Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,"))
        #expect(csv.split(separator: "\n").count == 31)
        #expect(
            FileManager.default.fileExists(
                atPath: workspace.root.appendingPathComponent("Data/AAPL.json").path))
        #expect(
            !FileManager.default.fileExists(
                atPath: workspace.root.appendingPathComponent("Data/NOPE.csv").path))
        #expect(
            !FileManager.default.fileExists(
                atPath: workspace.root.appendingPathComponent("x.csv").path))
    }

    @Test func alphaVantageKeyNeverReachesFilesOrOutput() throws {
        let server = try FakeVendorServer()
        defer { server.stop() }
        server.setBars(bars(count: 10), for: "IBM")
        server.alphaVantageKey = "SECRET-KEY-123"
        let workspace = try Workspace()
        defer { workspace.remove() }
        let outcome = try CommandRunner(directory: workspace.root).run(
            ["fetch", "IBM", "--source", "alphavantage", "--base-url", server.baseURL],
            environment: ["ALPHAVANTAGE_API_KEY": "SECRET-KEY-123"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(
            !outcome.standardOutput.contains("SECRET") && !outcome.standardError.contains("SECRET"))
        #expect(!(try workspace.read("Data/IBM.csv")).contains("SECRET"))
        #expect(!(try workspace.read("Data/IBM.json")).contains("SECRET"))
    }

    @Test func fetchedPricesBacktestAndUpdateIncrementally() throws {
        let server = try FakeVendorServer()
        defer { server.stop() }
        server.setBars(bars(count: 420), for: "AAPL")
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.write(
            "{\"tickers\": [\"AAPL\"], \"window\": 5, "
                + "\"walkForward\": {\"train\": 200, \"test\": 100}}", to: "Strategies/s.json")
        let cli = CommandRunner(directory: workspace.root)

        #expect(try cli.run(["fetch", "AAPL", "--base-url", server.baseURL]).status == 0)
        let backtest = try cli.run(["backtest", "Strategies/s.json", "--run-id", "fetched"])
        #expect(backtest.status == 0, "\(backtest.standardError)")
        let manifest = try workspace.read("Reports/fetched/run.json")
        #expect(manifest.contains("\"symbol\": \"AAPL\""))

        // A second fetch only asks for the recent days and leaves the file as it was.
        let before = try workspace.read("Data/AAPL.csv")
        let again = try cli.run(["fetch", "AAPL", "--base-url", server.baseURL])
        #expect(again.status == 0)
        #expect(try workspace.read("Data/AAPL.csv") == before)
        #expect(server.dataRequests.last?.query["d1"] != nil)
    }

    @Test func badSourceIsAUsageError() throws {
        let cli = CommandRunner(directory: FileManager.default.temporaryDirectory)
        #expect(try cli.run(["fetch", "AAPL", "--source", "bloomberg"]).status == 64)
        #expect(try cli.run(["fetch"]).status == 64)
        #expect(try cli.run(["fetch", "AAPL", "--from", "2024/01/01"]).status == 64)
        #expect(try cli.run(["fetch", "--help"]).status == 0)
    }
}
