import Backtesting
import Forecasting
import Foundation
import MarketData

/// `walkforward audit STRATEGY.json`: proves each fold never saw its future.
enum AuditCommand {
    static let help = """
        Usage: walkforward audit STRATEGY.json [--data-dir DIR] [--threads N]

        Checks a strategy for look-ahead leakage in two parts.
        Static: the strategy file is read as a backtest would read it; same-bar fills,
        shuffled splits and back-adjusted price levels are refused, and any deliberate leak
        switched on for teaching is reported.
        Dynamic: every fold is fitted twice, once on the real data and once with every bar
        after the fold's cutoff replaced by garbage; the fitted scaler, the model weights and
        the forecast for the cutoff day must be bit-identical.

        Prints one line per fold on stdout. Exits 0 when every check passes and 1 otherwise,
        naming the fold and what changed, e.g. `fold 3 (cutoff 2015-01-02): model weights differ`.
        """

    static func run(_ words: [String]) throws {
        try HelpRequested.check(words, help)
        let arguments = try Arguments(
            words, command: "audit", valueOptions: ["data-dir", "threads"])
        let path = try arguments.requirePositional(["strategy"])[0]
        let threads = try arguments.integer("threads", default: 2, range: 1...256)
        let strategy = try StrategyLoader.load(URL(fileURLWithPath: path))
        let directory = URL(fileURLWithPath: arguments.value("data-dir") ?? "Data")
        let (series, _, _) = try StrategyData.load(strategy, from: directory, log: Terminal.err)

        let audit = LeakageAudit(
            runner: WalkForwardRunner(settings: strategy.forecast, threads: threads))
        let findings = audit.staticFindings()
        Terminal.out(
            "static: "
                + (findings.isEmpty
                    ? "no leak in the strategy file" : findings.joined(separator: "; ")))
        let verdicts = try audit.run(series) { verdict in Terminal.out(verdict.description) }

        let failed = verdicts.filter { !$0.isClean }
        guard findings.isEmpty, failed.isEmpty else {
            var problems = findings.map { "static: \($0)" }
            problems += failed.map(\.description)
            throw CommandFailure(
                description: "leakage found in \(path):\n  " + problems.joined(separator: "\n  "))
        }
        Terminal.out(
            "audit passed: \(verdicts.count) folds, nothing after a cutoff reached its model")
    }
}
