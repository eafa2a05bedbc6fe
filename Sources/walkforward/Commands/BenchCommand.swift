import Backtesting
import Foundation

/// `walkforward bench train|infer|backtest`: throughput figures as one JSON line.
enum BenchCommand {
    static let help = """
        Usage: walkforward bench train|infer [--cell C] [--layers N] [--hidden N] [--window N]
                             [--features N] [--batch N] [--samples N] [--epochs N] [--threads N]
               walkforward bench backtest [--bars N] [--symbols N]

        train/infer: a many-to-one recurrent model with a linear head on seeded random data;
        prints train_windows_per_s or infer_windows_per_s after one warm-up epoch.
        backtest: a 10/20-day moving-average crossover through the portfolio simulator,
        all-in long/flat at the next open, 10 bps commission; prints bars_per_s.
        """

    static func run(_ words: [String]) throws {
        try HelpRequested.check(words, help)
        guard let mode = words.first else {
            throw UsageError(command: "bench", message: "expected train, infer or backtest")
        }
        let rest = Array(words.dropFirst())
        switch mode {
        case "backtest": try backtest(rest)
        case "train", "infer": try NeuralBench.run(mode: mode, rest)
        default:
            throw UsageError(
                command: "bench",
                message: "unknown benchmark '\(mode)'; expected train, infer or backtest")
        }
    }

    private static func backtest(_ words: [String]) throws {
        let arguments = try Arguments(
            words, command: "bench backtest", valueOptions: ["bars", "symbols"])
        _ = try arguments.requirePositional([])
        let bars = try arguments.integer("bars", default: 1_000_000, range: 21...100_000_000)
        let symbols = try arguments.integer("symbols", default: 1, range: 1...1000)
        Terminal.out(BacktestBenchmark(bars: bars, symbols: symbols).run().jsonLine)
    }
}

/// Placeholder until the Neural benchmark driver is wired in.
enum NeuralBench {
    static func run(mode: String, _ words: [String]) throws {
        throw CommandFailure(description: "bench \(mode): the recurrent benchmark is not built yet")
    }
}
