import Backtesting
import Foundation
import Reporting

/// `walkforward report show RUN` and `walkforward report compare RUN RUN`.
enum ReportCommand {
    static let help = """
        Usage: walkforward report show RUN [--reports-dir DIR]
               walkforward report compare RUN RUN [--reports-dir DIR]

        show: every metric of the run and a sparkline of its equity.
        compare: two runs' metrics side by side, with the difference.
        """

    static func run(_ words: [String]) throws {
        try HelpRequested.check(words, help)
        let arguments = try Arguments(words, command: "report", valueOptions: ["reports-dir"])
        let catalog = RunCatalog(
            directory: URL(fileURLWithPath: arguments.value("reports-dir") ?? "Reports"))
        switch arguments.positional.first {
        case "show":
            let id = try arguments.requirePositional(["show", "run"])[1]
            try show(catalog.entry(id), catalog: catalog)
        case "compare":
            let ids = try arguments.requirePositional(["compare", "run", "run"])
            try compare(catalog.entry(ids[1]), catalog.entry(ids[2]), catalog: catalog)
        default:
            throw UsageError(command: "report", message: "expected 'show RUN' or 'compare RUN RUN'")
        }
    }

    private static func show(_ entry: RunCatalog.Entry, catalog: RunCatalog) throws {
        Terminal.out(
            "\(entry.id): \(entry.name) [\(entry.model); \(entry.tickers.joined(separator: ", "))]")
        if entry.isLeaky { Terminal.out("LEAKY: deliberate leaks were switched on for this run") }
        let equity = catalog.equity(of: entry)
        if !equity.isEmpty {
            Terminal.out("equity  " + Sparkline.render(equity, width: 60))
        }
        let metrics = try catalog.metrics(of: entry)
        Terminal.out(Terminal.table(metrics.map { [$0.name, CSVFormat.number($0.value)] }))
        if entry.horizons.count > 1 { showHorizons(entry, metrics: metrics) }
    }

    /// Forecast accuracy by horizon, one row per horizon, the traded one marked.
    private static func showHorizons(
        _ entry: RunCatalog.Entry, metrics: [(name: String, value: Double)]
    ) {
        let values = Dictionary(metrics.map { ($0.name, $0.value) }) { $1 }
        var rows = [["horizon"] + RunMetrics.horizonMeasureNames]
        for horizon in entry.horizons {
            let label = horizon == entry.horizon ? "\(horizon) (traded)" : "\(horizon)"
            rows.append(
                [label]
                    + RunMetrics.horizonMeasureNames.map { measure in
                        let name = RunMetrics.metricName(
                            measure, horizon: horizon, tradingHorizon: entry.horizon)
                        return Terminal.decimal(values[name] ?? .nan, 4)
                    })
        }
        Terminal.out("\nforecast accuracy by horizon")
        Terminal.out(Terminal.table(rows))
    }

    private static func compare(
        _ first: RunCatalog.Entry, _ second: RunCatalog.Entry, catalog: RunCatalog
    )
        throws
    {
        let left = try catalog.metrics(of: first)
        let right = Dictionary(try catalog.metrics(of: second).map { ($0.name, $0.value) }) { $1 }
        var rows = [["metric", first.id, second.id, "difference"]]
        for (name, value) in left {
            let other = right[name] ?? .nan
            rows.append([
                name, Terminal.decimal(value, 4), Terminal.decimal(other, 4),
                Terminal.decimal(other - value, 4),
            ])
        }
        Terminal.out(Terminal.table(rows))
        for entry in [first, second] where entry.isLeaky {
            Terminal.out(
                "note: \(entry.id) is LEAKY; its figures are not comparable to an honest run")
        }
    }
}
