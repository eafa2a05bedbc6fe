import Foundation
import MarketData

/// A causal per-day input: its value on day t depends only on bars dated on or before t.
///
/// Names as they appear in strategy files: `log_return`, `range`, `gap`, `volume_change`,
/// `volatility` (20 days) or `volatility_N`, `ma_distance` (20 days) or `ma_distance_N`,
/// `adjusted_log_return`, and `adjusted_close` (a back-adjusted level, refused unless the
/// `adjusted-levels` leak is switched on deliberately).
public enum Feature: Hashable, Sendable, CustomStringConvertible {
    /// ln(close_t / close_(t-1)).
    case logReturn
    /// ln(high_t / low_t): the day's range.
    case range
    /// ln(open_t / close_(t-1)): the overnight gap.
    case gap
    /// ln((volume_t + 1) / (volume_(t-1) + 1)); the +1 keeps zero-volume days finite.
    case volumeChange
    /// Sample standard deviation of the last `days` log returns.
    case volatility(days: Int)
    /// close_t / mean(close over the last `days` days) - 1.
    case movingAverageDistance(days: Int)
    /// ln(adjusted_t / adjusted_(t-1)): a return, so point-in-time safe.
    case adjustedLogReturn
    /// The back-adjusted close level: embeds future splits and dividends.
    case adjustedCloseLevel

    public static let allowedNames =
        "log_return, range, gap, volume_change, volatility[_N], ma_distance[_N] (N from 2 to "
        + "\(maximumLookbackDays)), adjusted_log_return, adjusted_close (leaky)"

    /// The longest look-back of `volatility_N` and `ma_distance_N`, four trading years. The
    /// warm-up adds it to the window length, so an unbounded N could overflow.
    public static let maximumLookbackDays = 1000

    /// Parses a strategy file name; nil when unknown.
    public init?(name: String) {
        switch name {
        case "log_return": self = .logReturn
        case "range": self = .range
        case "gap": self = .gap
        case "volume_change": self = .volumeChange
        case "adjusted_log_return": self = .adjustedLogReturn
        case "adjusted_close": self = .adjustedCloseLevel
        case "volatility": self = .volatility(days: 20)
        case "ma_distance": self = .movingAverageDistance(days: 20)
        default:
            if let days = Feature.suffixDays(name, prefix: "volatility_") {
                self = .volatility(days: days)
            } else if let days = Feature.suffixDays(name, prefix: "ma_distance_") {
                self = .movingAverageDistance(days: days)
            } else {
                return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .logReturn: return "log_return"
        case .range: return "range"
        case .gap: return "gap"
        case .volumeChange: return "volume_change"
        case .volatility(let days): return "volatility_\(days)"
        case .movingAverageDistance(let days): return "ma_distance_\(days)"
        case .adjustedLogReturn: return "adjusted_log_return"
        case .adjustedCloseLevel: return "adjusted_close"
        }
    }

    /// True for levels that encode information from after the day they are dated.
    public var isBackAdjustedLevel: Bool { self == .adjustedCloseLevel }

    /// The first bar index at which the feature is defined.
    public var warmUpBars: Int {
        switch self {
        case .range, .adjustedCloseLevel: return 0
        case .logReturn, .gap, .volumeChange, .adjustedLogReturn: return 1
        case .volatility(let days): return days
        case .movingAverageDistance(let days): return days - 1
        }
    }

    /// The feature for every bar; NaN before `warmUpBars`.
    public func values(for bars: [Bar]) -> [Double] {
        var output = [Double](repeating: .nan, count: bars.count)
        guard !bars.isEmpty else { return output }
        switch self {
        case .logReturn:
            for t in bars.indices.dropFirst() { output[t] = log(bars[t].close / bars[t - 1].close) }
        case .range:
            for t in bars.indices { output[t] = log(bars[t].high / bars[t].low) }
        case .gap:
            for t in bars.indices.dropFirst() { output[t] = log(bars[t].open / bars[t - 1].close) }
        case .volumeChange:
            for t in bars.indices.dropFirst() {
                output[t] = log((bars[t].volume + 1) / (bars[t - 1].volume + 1))
            }
        case .adjustedLogReturn:
            for t in bars.indices.dropFirst() {
                output[t] = log(bars[t].adjustedClose / bars[t - 1].adjustedClose)
            }
        case .adjustedCloseLevel:
            for t in bars.indices { output[t] = bars[t].adjustedClose }
        case .volatility(let days):
            let returns = Feature.logReturn.values(for: bars)
            for t in bars.indices where t >= days {
                output[t] = Feature.sampleStandardDeviation(returns[(t - days + 1)...t])
            }
        case .movingAverageDistance(let days):
            // A running sum would drift over decades of data; the window is short, so the
            // direct mean is cheap and exact to the last bit on every prefix.
            for t in bars.indices where t >= days - 1 {
                let mean = bars[(t - days + 1)...t].reduce(0) { $0 + $1.close } / Double(days)
                output[t] = bars[t].close / mean - 1
            }
        }
        return output
    }

    private static func suffixDays(_ name: String, prefix: String) -> Int? {
        guard name.hasPrefix(prefix), let days = Int(name.dropFirst(prefix.count)),
            (2...maximumLookbackDays).contains(days)
        else { return nil }
        return days
    }

    private static func sampleStandardDeviation(_ values: ArraySlice<Double>) -> Double {
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }
}
