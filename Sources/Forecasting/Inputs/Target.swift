import Foundation
import MarketData

/// What a forecaster predicts for decision day t, over the horizon (t, t+h].
///
/// `horizon` is the trading horizon: signals, trades and the headline forecast metrics use
/// it. `horizons` lists every horizon forecast at once (ascending, distinct, `horizon`
/// among them); a network then has one output per horizon. By default it is `[horizon]`.
public struct Target: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// ln(close_(t+h) / close_t), the default.
        case logReturn = "log_return"
        /// 1 when close_(t+h) > close_t, else 0.
        case direction
        /// close_(t+h): allowed, but levels are non-stationary and flatter a model.
        case level
    }

    public let kind: Kind
    public let horizon: Int
    /// Every horizon forecast, ascending; contains `horizon`.
    public let horizons: [Int]

    /// - Precondition: `horizons`, when given, is ascending, distinct, at least 1 and
    ///   contains `horizon`; the strategy loader reports violations as errors first.
    public init(kind: Kind = .logReturn, horizon: Int = 1, horizons: [Int]? = nil) {
        precondition(horizon >= 1, "horizon must be at least 1")
        let horizons = horizons ?? [horizon]
        precondition(
            horizons.contains(horizon) && horizons.first! >= 1
                && zip(horizons, horizons.dropFirst()).allSatisfy { $0 < $1 },
            "horizons \(horizons) must be ascending, distinct and contain \(horizon)")
        self.kind = kind
        self.horizon = horizon
        self.horizons = horizons
    }

    /// The longest horizon: it decides which training labels are realised in time.
    public var maximumHorizon: Int { horizons[horizons.count - 1] }

    /// The position of the trading horizon in `horizons`, and so in a forecast row.
    public var tradingHorizonIndex: Int { horizons.firstIndex(of: horizon) ?? 0 }

    /// The label of decision day `t` at the trading horizon, or nil when bar t+h does not
    /// exist yet.
    public func label(at t: Int, bars: [Bar]) -> Double? {
        label(at: t, bars: bars, horizon: horizon)
    }

    /// The label of decision day `t` over (t, t+h], or nil when bar t+h does not exist yet.
    public func label(at t: Int, bars: [Bar], horizon: Int) -> Double? {
        guard t + horizon < bars.count else { return nil }
        let now = bars[t].close
        let later = bars[t + horizon].close
        switch kind {
        case .logReturn: return log(later / now)
        case .direction: return later > now ? 1 : 0
        case .level: return later
        }
    }

    /// The random-walk forecast made on day t: no change.
    public func naiveForecast(at t: Int, bars: [Bar]) -> Double {
        switch kind {
        case .logReturn: return 0
        // A random walk is as likely to rise as to fall.
        case .direction: return 0.5
        case .level: return bars[t].close
        }
    }

    /// The forecast turned into an expected log return over the horizon, for signals.
    public func expectedLogReturn(forecast: Double, at t: Int, bars: [Bar]) -> Double {
        switch kind {
        case .logReturn: return forecast
        case .direction: return forecast - 0.5
        case .level: return forecast > 0 ? log(forecast / bars[t].close) : -.infinity
        }
    }
}
