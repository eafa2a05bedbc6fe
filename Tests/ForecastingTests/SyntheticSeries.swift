import Foundation
import MarketData

/// Seeded random-walk prices on weekdays, for tests.
enum SyntheticSeries {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            // SplitMix64: tiny, seedable and good enough for test data.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// `count` bars from 2000-01-03, weekdays only; `skip` drops bars whose index it accepts.
    static func randomWalk(
        _ name: String, count: Int, seed: UInt64, skip: (Int) -> Bool = { _ in false }
    ) -> PriceSeries {
        var random = Generator(state: seed)
        var close = 100.0
        var date = TradingDate(iso: "2000-01-03")!
        var bars: [Bar] = []
        for index in 0..<count {
            while date.weekday > 5 { date = date + 1 }
            let open = close * exp(Double.random(in: -0.01...0.01, using: &random))
            close = open * exp(Double.random(in: -0.02...0.02, using: &random))
            let high = max(open, close) * (1 + Double.random(in: 0...0.01, using: &random))
            let low = min(open, close) * (1 - Double.random(in: 0...0.01, using: &random))
            let volume = Double(Int.random(in: 1000...100_000, using: &random))
            if !skip(index) {
                bars.append(
                    Bar(date: date, open: open, high: high, low: low, close: close, volume: volume))
            }
            date = date + 1
        }
        return PriceSeries(symbol: Symbol(validated: name), bars: bars)
    }
}
