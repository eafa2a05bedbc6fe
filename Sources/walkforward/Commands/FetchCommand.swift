import Foundation
import MarketData

/// `walkforward fetch SYMBOL...`: daily history from a vendor into Data/.
enum FetchCommand {
    static let help = """
        Usage: walkforward fetch SYMBOL... [--source stooq|yahoo|alphavantage] [--from DATE]
                                 [--to DATE] [--data-dir DIR] [--base-url URL] [--refresh]

        Downloads daily bars over HTTPS and merges them into DIR/<SYMBOL>.csv (default
        Data/), with provenance in DIR/<SYMBOL>.json. A symbol already cached is updated from
        its last date (a week of overlap is compared; a mismatch, such as a split, triggers a
        full download). --refresh downloads everything again and replaces the file only once
        the new history is complete and valid. Files are replaced atomically under a lock.

        Options:
          --source S      stooq (default, no key), yahoo, or alphavantage (needs the
                          ALPHAVANTAGE_API_KEY environment variable)
          --from, --to    YYYY-MM-DD limits of the requested range
          --data-dir DIR  where the price files live (default: Data)
          --base-url URL  replaces scheme, host and port of the vendor (for tests and mirrors)
          --refresh       fetch the whole history again

        Progress goes to stderr, a summary table to stdout. Exits 1 if any symbol failed;
        every other symbol is still saved.
        """

    static func run(_ words: [String]) throws {
        try HelpRequested.check(words, help)
        let arguments = try Arguments(
            words, command: "fetch",
            valueOptions: ["source", "from", "to", "data-dir", "base-url"],
            flagOptions: ["refresh"])
        guard !arguments.positional.isEmpty else {
            throw UsageError(command: "fetch", message: "missing SYMBOL (for example AAPL)")
        }
        let request = FetchRequest(
            symbols: arguments.positional, source: try source(arguments),
            from: try date(arguments, "from"), to: try date(arguments, "to"),
            refresh: arguments.flag("refresh"), baseURL: try baseURL(arguments))
        let store = DataStore(
            directory: URL(fileURLWithPath: arguments.value("data-dir") ?? "Data"))
        let outcomes = Fetcher(store: store).fetch(request) { event in
            Terminal.err(event.description)
        }
        Terminal.out(summary(outcomes))
        let failures = outcomes.filter { !$0.succeeded }
        guard failures.isEmpty else {
            throw CommandFailure(
                description: "\(failures.count) of \(outcomes.count) symbol(s) failed:\n  "
                    + failures.map(\.description).joined(separator: "\n  "))
        }
    }

    private static func source(_ arguments: Arguments) throws -> PriceSource {
        guard let text = arguments.value("source") else { return .stooq }
        guard let source = PriceSource(rawValue: text) else {
            let allowed = PriceSource.allCases.map(\.rawValue).joined(separator: ", ")
            throw UsageError(
                command: "fetch", message: "--source is '\(text)', expected one of \(allowed)")
        }
        return source
    }

    private static func date(_ arguments: Arguments, _ name: String) throws -> TradingDate? {
        guard let text = arguments.value(name) else { return nil }
        guard let date = TradingDate(iso: text) else {
            throw UsageError(
                command: "fetch", message: "--\(name) is '\(text)', expected YYYY-MM-DD")
        }
        return date
    }

    private static func baseURL(_ arguments: Arguments) throws -> String? {
        guard let text = arguments.value("base-url") else { return nil }
        do {
            return try VendorURL.normalisedBase(text)
        } catch {
            throw UsageError(command: "fetch", message: "--base-url: \(error)")
        }
    }

    private static func summary(_ outcomes: [SymbolFetchOutcome]) -> String {
        var rows = [["symbol", "result", "rows", "added", "first", "last", "warnings"]]
        for outcome in outcomes {
            if let summary = outcome.summary {
                rows.append([
                    summary.symbol.text, summary.mode.rawValue, String(summary.rowCount),
                    String(summary.rowsAdded), summary.firstDate.iso, summary.lastDate.iso,
                    String(summary.warnings.count),
                ])
            } else {
                rows.append([outcome.symbolText, "FAILED", "", "", "", "", ""])
            }
        }
        return Terminal.table(rows)
    }
}
