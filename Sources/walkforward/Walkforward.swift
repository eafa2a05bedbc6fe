import Foundation
import Neural

/// The `walkforward` command: dispatches to subcommands and maps errors to exit codes.
enum Walkforward {
    static let version = "0.1.0"

    static let usage = """
        walkforward \(version): leakage-proof walk-forward backtests of recurrent forecasters

        Usage:
          walkforward backtest STRATEGY.json [--data-dir DIR] [--reports-dir DIR] [--seed N]
                               [--threads N] [--run-id ID]
          walkforward audit STRATEGY.json [--data-dir DIR]
          walkforward fetch SYMBOL... [--source stooq|yahoo|alphavantage] [--from DATE]
                            [--to DATE] [--data-dir DIR] [--base-url URL] [--refresh]
          walkforward reports [--reports-dir DIR]
          walkforward report show RUN [--reports-dir DIR]
          walkforward report compare RUN RUN [--reports-dir DIR]
          walkforward model run MODEL.safetensors INPUT.csv
          walkforward bench train|infer|backtest [options]

        Exit codes: 0 success, 1 failure, 64 usage error. `walkforward COMMAND --help` for more.
        """

    /// The commands that may run the neural kernels, which check the processor first.
    static let neuralCommands: Set<String> = ["backtest", "audit", "bench", "model"]

    /// Runs the command line and returns the exit code.
    static func run(_ arguments: [String]) -> Int32 {
        guard let name = arguments.first else {
            Terminal.err(usage)
            return 64
        }
        let rest = Array(arguments.dropFirst())
        let commands: [String: ([String]) throws -> Void] = [
            "backtest": BacktestCommand.run,
            "reports": ReportsCommand.run,
            "report": ReportCommand.run,
            "audit": AuditCommand.run,
            "bench": BenchCommand.run,
            "fetch": FetchCommand.run,
            "model": ModelCommand.run,
        ]
        if name == "--help" || name == "-h" || name == "help" {
            Terminal.out(usage)
            return 0
        }
        if name == "--version" {
            Terminal.out(version)
            return 0
        }
        guard let command = commands[name] else {
            Terminal.err("walkforward: unknown command '\(name)'\n\n\(usage)")
            return 64
        }
        do {
            if neuralCommands.contains(name) {
                try ProcessorSupport.check()
                try ProcessorSupport.checkEnvironment()
            }
            try command(rest)
            return 0
        } catch let error as UsageError {
            Terminal.err(error.description)
            return 64
        } catch let error as HelpRequested {
            Terminal.out(error.text)
            return 0
        } catch {
            Terminal.err("walkforward \(name): \(error)")
            return 1
        }
    }
}

/// Thrown by a command that was asked for `--help`; its text goes to standard output.
struct HelpRequested: Error {
    let text: String

    /// Throws when `arguments` ask for help.
    static func check(_ arguments: [String], _ text: String) throws {
        if arguments.contains("--help") || arguments.contains("-h") {
            throw HelpRequested(text: text)
        }
    }
}
