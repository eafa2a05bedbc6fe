import Foundation
import Reporting

/// `walkforward reports`: the past runs, newest first, with their key figures.
enum ReportsCommand {
    static let help = """
        Usage: walkforward reports [--reports-dir DIR]

        Lists the runs under the reports folder (default: Reports), newest first: id, strategy,
        model, total return against buy-and-hold, Sharpe ratio, Theil's U against the random
        walk and the Diebold-Mariano p-value. LEAKY marks runs with deliberate leaks.
        """

    static func run(_ words: [String]) throws {
        try HelpRequested.check(words, help)
        let arguments = try Arguments(words, command: "reports", valueOptions: ["reports-dir"])
        _ = try arguments.requirePositional([])
        let directory = URL(fileURLWithPath: arguments.value("reports-dir") ?? "Reports")
        let entries = RunCatalog(directory: directory).entries()
        guard !entries.isEmpty else {
            Terminal.err("no runs in \(directory.path); start one with `walkforward backtest`")
            return
        }
        var rows = [
            ["run", "strategy", "model", "return", "buy&hold", "sharpe", "theil_u", "dm_p", ""]
        ]
        for entry in entries {
            rows.append([
                entry.id, entry.name, entry.model, Terminal.percent(entry.metric("total_return")),
                Terminal.percent(entry.metric("benchmark_total_return")),
                Terminal.decimal(entry.metric("sharpe")),
                Terminal.decimal(entry.metric("theil_u"), 3),
                Terminal.decimal(entry.metric("dm_pvalue"), 3), entry.isLeaky ? "LEAKY" : "",
            ])
        }
        Terminal.out(Terminal.table(rows))
    }
}
