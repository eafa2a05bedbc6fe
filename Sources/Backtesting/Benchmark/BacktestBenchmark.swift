import Forecasting
import Foundation
import MarketData

/// The `walkforward bench backtest` workload: moving-average crossovers through the real
/// portfolio simulator.
///
/// Each symbol gets a seeded geometric random walk of `bars` days; the signal is long while
/// the 10-day mean close is above the 20-day one and flat otherwise, filled all-in (equal
/// weights across symbols) at the next open with a 10 bps commission. The timer covers the
/// signals and the simulation, not the generation of the prices.
public struct BacktestBenchmark: Sendable {
    public struct Result: Sendable {
        public let bars: Int
        public let symbols: Int
        public let seconds: Double
        public let finalEquity: Double
        public let fills: Int
        public let repeats: Int
        /// The first timed run, with every array page-faulted in fresh.
        public let coldSeconds: Double

        public var barsPerSecond: Double { Double(bars * symbols) / seconds }

        /// One JSON line with the keys the command line contract names.
        public var jsonLine: String {
            "{\"bars\": \(bars), \"symbols\": \(symbols), \"seconds\": \(seconds), "
                + "\"bars_per_s\": \(barsPerSecond.rounded()), \"final_equity\": \(finalEquity), "
                + "\"fills\": \(fills), \"timed\": \"best of \(repeats)\", "
                + "\"cold_bars_per_s\": \((Double(bars * symbols) / coldSeconds).rounded())}"
        }
    }

    public let bars: Int
    public let symbols: Int
    public let seed: UInt64
    /// Timed runs; the fastest is reported, as the numpy reference reports its best of 5.
    public let repeats: Int

    public init(bars: Int, symbols: Int, seed: UInt64 = 0, repeats: Int = 5) {
        precondition(bars > 20 && symbols > 0, "the crossover needs more than 20 bars")
        precondition(repeats > 0, "at least one timed run")
        self.bars = bars
        self.symbols = symbols
        self.seed = seed
        self.repeats = repeats
    }

    public func run() -> Result {
        let series = (0..<symbols).map { randomWalk(index: $0) }
        let calendar = series[0].bars.map(\.date)
        var settings = TradingSettings()
        settings.commissionBasisPoints = 10
        settings.capital = 1_000_000
        var seconds = Double.infinity
        var coldSeconds = Double.nan
        var simulation: SimulationResult?
        for _ in 0..<repeats {
            let started = DispatchTime.now().uptimeNanoseconds
            let signals = crossoverSignals(series)
            simulation = PortfolioSimulator(settings: settings, series: series, calendar: calendar)
                .run(signals: signals, startDay: 19)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            if coldSeconds.isNaN { coldSeconds = elapsed }
            seconds = min(seconds, elapsed)
        }
        return Result(
            bars: bars, symbols: symbols, seconds: seconds,
            finalEquity: simulation?.rows.last?.equity ?? .nan,
            fills: simulation?.fills.count ?? 0, repeats: repeats, coldSeconds: coldSeconds)
    }

    /// One signal per symbol and day: +1 while SMA(10) > SMA(20), else -1; none during the
    /// 20-day warm-up. Both means come from running sums in one pass over the bars.
    func crossoverSignals(_ series: [PriceSeries]) -> [[Double]] {
        series.map { symbol in
            let bars = symbol.bars
            var signals = [Double](repeating: .nan, count: bars.count)
            var fastSum = 0.0
            var slowSum = 0.0
            for day in bars.indices {
                let close = bars[day].close
                fastSum += close
                slowSum += close
                if day >= 10 { fastSum -= bars[day - 10].close }
                if day >= 20 { slowSum -= bars[day - 20].close }
                if day >= 19 { signals[day] = fastSum / 10 > slowSum / 20 ? 1 : -1 }
            }
            return signals
        }
    }

    private func randomWalk(index: Int) -> PriceSeries {
        var state = seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var close = 100.0
        var bars: [Bar] = []
        bars.reserveCapacity(self.bars)
        for day in 0..<self.bars {
            let open = close * (1 + (uniform() - 0.5) * 0.0004)
            close = open * (1 + (uniform() - 0.5) * 0.004)
            bars.append(
                Bar(
                    date: TradingDate(dayNumber: day), open: open, high: max(open, close),
                    low: min(open, close), close: close, volume: 1000))
        }
        return PriceSeries(symbol: Symbol(validated: "SYM\(index)"), bars: bars)
    }
}
